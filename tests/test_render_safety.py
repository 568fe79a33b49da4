"""What `render` (and every command writing with --out) does to what the user owns: a path
it cannot write is one located line and exit 2, a device, a pipe or a link is never
replaced by a plain file, a site's folder keeps the user's files, and user templates are
confined to their folder and bounded in what they may compute."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.write import WriteError, write_atomic

from conftest import ROOT

runner = CliRunner()
MANIFEST = str(ROOT / "municipalities/miura/examples/x-city-compliant.yaml")
PROFILE = ["render", "profile", MANIFEST, "--as-of", "2026-11-21"]


def _one_error_line(result, *words: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.output)
    errors = [line for line in result.stderr.splitlines() if line.startswith("sns-policy: error: ")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.output and "内部エラー" not in result.stderr
    for word in words:
        assert word in errors[0], (word, errors[0])


def _main(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command line itself (`sns-policy …` through its main)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "sns_policy", *args], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=120)


# --- 1. --out that cannot be written: one line, exit 2, the path named ---

def test_out_naming_a_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, [*PROFILE, "--out", str(tmp_path)])
    _one_error_line(result, str(tmp_path), "フォルダです")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]  # no temporary file left behind


def test_out_under_a_regular_file_names_the_file_on_the_way(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("mine", encoding="utf-8")
    for out in (plain / "bio.txt", plain / "deeper" / "bio.txt"):
        result = runner.invoke(app, [*PROFILE, "--out", str(out), "--lang", "en"])
        _one_error_line(result, str(out), f"{plain} on the way is a file")
    assert plain.read_text(encoding="utf-8") == "mine"


def test_out_creates_missing_folders(tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "bio.txt"
    assert runner.invoke(app, [*PROFILE, "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("三浦市")


def test_permission_denied_is_said_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError) as caught:
        write_atomic(tmp_path / "bio.txt", "x")
    assert caught.value.key == "write.denied"
    assert caught.value.words().ja == f"{tmp_path / 'bio.txt'}: {tmp_path} に書き込む権限がありません"
    result = runner.invoke(app, [*PROFILE, "--out", str(tmp_path / "bio.txt")])
    _one_error_line(result, "書き込む権限がありません")


@pytest.mark.parametrize("command", [
    ["report", MANIFEST, "--as-of", "2026-11-21"],
    ["export", MANIFEST, "--as-of", "2026-11-21"],
])
def test_other_commands_writing_with_out_say_it_in_one_line_too(tmp_path: Path, command: list[str]) -> None:
    done = _main(*command, "--out", str(tmp_path), "--lang", "en")
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stderr.strip().splitlines() == [f"sns-policy: error: {tmp_path}: is a folder; give the name of the file to write"]
    assert list(tmp_path.iterdir()) == []


# --- 2. devices, pipes and links are never replaced by a plain file ---

def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Nobody reading: refused at once, never waited on.
    _one_error_line(runner.invoke(app, [*PROFILE, "--out", str(fifo)]), str(fifo), "名前付きパイプ")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    try:
        for _ in range(100):  # the reader has the pipe open
            result = runner.invoke(app, [*PROFILE, "--out", str(fifo)])
            if result.exit_code == 0:
                break
            threading.Event().wait(0.02)
    finally:
        reader.join(10)
    assert result.exit_code == 0, result.output
    assert got and got[0].decode("utf-8").startswith("三浦市")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_to_a_device_stays_a_link_and_the_device_a_device(tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    assert runner.invoke(app, [*PROFILE, "--out", str(link)]).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_link_to_a_file_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "bio.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "bio.txt"
    link.symlink_to(target)
    assert runner.invoke(app, [*PROFILE, "--out", str(link)]).exit_code == 0
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8").startswith("三浦市")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions
    assert sorted(p.name for p in elsewhere.iterdir()) == ["bio.txt"]  # written atomically, nothing left over


def test_a_link_to_nothing_yet_makes_its_file(tmp_path: Path) -> None:
    link = tmp_path / "bio.txt"
    link.symlink_to(tmp_path / "made.txt")
    assert runner.invoke(app, [*PROFILE, "--out", str(link)]).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.txt").read_text(encoding="utf-8").startswith("三浦市")


def test_dev_stdout_is_the_descriptor_itself(tmp_path: Path) -> None:
    """`--out /dev/stdout`, and a link to it, write to the tool's own standard output (a
    shell's redirection, appending or not, as it was opened)."""
    captured = tmp_path / "captured.txt"
    captured.write_text("before\n", encoding="utf-8")
    link = tmp_path / "out"
    link.symlink_to("/dev/stdout")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for out in ("/dev/stdout", str(link)):
        with open(captured, "ab") as stdout:
            done = subprocess.run([sys.executable, "-m", "sns_policy", *PROFILE, "--out", out], stdout=stdout,
                                  stderr=subprocess.PIPE, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
    text = captured.read_text(encoding="utf-8")
    assert text.startswith("before\n三浦市") and text.count("三浦市広報広聴課の公式アカウントです") == 2
    assert link.is_symlink()


def test_a_block_device_or_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        _one_error_line(runner.invoke(app, [*PROFILE, "--out", str(path), "--lang", "en"]), str(path), "a socket")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


# --- 3. a site's folder: the user's files kept, stale pages removed, no link followed ---

def _site(paths: list[Path] | Path, out: Path, *more: str):
    paths = paths if isinstance(paths, list) else [paths]
    return runner.invoke(app, ["render", "site", *map(str, paths), "-o", str(out), "--as-of", "2026-11-21", *more])


@pytest.fixture()
def accounts(tmp_path: Path) -> Path:
    """A folder of a few of 三浦市's accounts, to take one away."""
    folder = tmp_path / "accounts"
    folder.mkdir()
    for name in ("x-city-compliant.yaml", "youtube-closing-compliant.yaml", "instagram-tourism-field-compliant.yaml"):
        (folder / name).write_bytes((ROOT / "municipalities/miura/examples" / name).read_bytes())
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_of_the_users_own_is_refused_and_left_as_it_was(tmp_path: Path, accounts: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>my own front page</p>", encoding="utf-8")
    result = _site(accounts, out, "--lang", "en")
    _one_error_line(result, str(out), "--force", "not a folder sns-policy wrote a site into")
    assert _files(out) == {"index.html": b"<p>my own front page</p>"}  # nothing written at all
    done = _site(accounts, out, "--force")
    assert done.exit_code == 0, done.output
    assert "my own front page" not in (out / "index.html").read_text(encoding="utf-8")  # --force: overwritten, as asked


def test_a_page_changed_by_hand_since_is_refused_unless_forced(tmp_path: Path, accounts: Path) -> None:
    out = tmp_path / "site"
    assert _site(accounts, out).exit_code == 0
    (out / "index.html").write_text("edited", encoding="utf-8")
    before = _files(out)
    _one_error_line(_site(accounts, out, "--lang", "en"), str(out / "index.html"), "changed since sns-policy wrote it")
    assert _files(out) == before
    assert _site(accounts, out, "--force").exit_code == 0 and (out / "index.html").read_text(encoding="utf-8") != "edited"
    assert _site(accounts, out).exit_code == 0  # recorded again: the next render is ordinary


def test_a_re_render_removes_the_pages_of_an_account_gone_and_only_those(tmp_path: Path, accounts: Path) -> None:
    out = tmp_path / "site"
    assert _site(accounts, out).exit_code == 0
    first = set(_files(out))
    # The user's files, added after the render: in the folder, and beside the pages.
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "public" / "miura" / "extra.html").write_text("mine too", encoding="utf-8")
    (out / "mine").mkdir()
    (out / "mine" / "a.txt").write_text("mine as well", encoding="utf-8")
    (accounts / "youtube-closing-compliant.yaml").unlink()
    result = _site(accounts, out, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "removed 2 pages" in result.stderr  # its public page and its check
    now = set(_files(out))
    gone = first - now
    assert len(gone) == 2 and all("youtube" in name for name in gone), gone
    assert {"notes.txt", "public/miura/extra.html", "mine/a.txt"} <= now
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "public" / "miura" / "extra.html").read_text(encoding="utf-8") == "mine too"
    import json

    record = json.loads((out / ".sns-policy-site.json").read_text(encoding="utf-8"))
    assert set(record["files"]) == now - {".sns-policy-site.json", "notes.txt", "public/miura/extra.html", "mine/a.txt"}


def test_a_stale_page_changed_by_hand_is_kept_and_said(tmp_path: Path, accounts: Path) -> None:
    out = tmp_path / "site"
    assert _site(accounts, out).exit_code == 0
    (page,) = [p for p in (out / "public" / "miura").iterdir() if "youtube" in p.name]
    page.write_text("kept by hand", encoding="utf-8")
    (accounts / "youtube-closing-compliant.yaml").unlink()
    result = _site(accounts, out, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8") == "kept by hand"
    assert f"{page}: warning the site no longer makes this page" in result.stderr
    assert "removed 1 pages" in result.stderr  # its check, unchanged, is gone


def test_a_site_whose_folder_is_gone_empty_or_new_is_written(tmp_path: Path, accounts: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _site(accounts, empty).exit_code == 0 and (empty / "index.html").is_file()
    assert _site(accounts, tmp_path / "new" / "deeper").exit_code == 0


def test_a_link_inside_the_site_is_never_written_through(tmp_path: Path, accounts: Path) -> None:
    out = tmp_path / "site"
    assert _site(accounts, out).exit_code == 0
    outside = tmp_path / "outside.html"
    outside.write_text("outside", encoding="utf-8")
    page = out / "public" / "miura" / "index.html"
    page.unlink()
    page.symlink_to(outside)
    for more in ((), ("--force",)):  # not even when forced
        result = _site(accounts, out, "--lang", "en", *more)
        _one_error_line(result, str(page), "symbolic link")
        assert outside.read_text(encoding="utf-8") == "outside" and page.is_symlink()
    # A linked folder inside the site: the same.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    page.unlink()
    shutil_move = __import__("shutil").move
    shutil_move(str(out / "internal"), str(elsewhere / "internal"))
    (out / "internal").symlink_to(elsewhere / "internal")
    before = _files(elsewhere)
    result = _site(accounts, out, "--force")
    assert result.exit_code == 2 and str(out / "internal") in result.stderr
    assert _files(elsewhere) == before


def test_a_link_left_where_a_stale_page_was_is_not_followed_or_removed(tmp_path: Path, accounts: Path) -> None:
    out = tmp_path / "site"
    assert _site(accounts, out).exit_code == 0
    outside = tmp_path / "outside.html"
    outside.write_text("outside", encoding="utf-8")
    (page,) = [p for p in (out / "public" / "miura").iterdir() if "youtube" in p.name]
    page.unlink()
    page.symlink_to(outside)
    (accounts / "youtube-closing-compliant.yaml").unlink()
    assert _site(accounts, out).exit_code == 0
    assert page.is_symlink() and outside.read_text(encoding="utf-8") == "outside"


def test_the_folder_named_may_itself_be_a_link(tmp_path: Path, accounts: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "site"
    link.symlink_to(real)
    assert _site(accounts, link).exit_code == 0 and (real / "index.html").is_file() and link.is_symlink()


# --- 4. user templates: read only from their folder, errors located, bounded ---

@pytest.fixture()
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    (folder / "profile").mkdir(parents=True)
    return folder


def _with_template(templates: Path, source: str, *more: str, name: str = "profile/official.j2"):
    (templates / name).write_text(source, encoding="utf-8")
    return runner.invoke(app, [*PROFILE, "--templates", str(templates), "--lang", "en", *more])


def test_a_link_out_of_the_template_folder_is_not_read(tmp_path: Path, templates: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET CONTENT", encoding="utf-8")
    link = templates / "profile" / "official.j2"
    link.symlink_to(secret)
    result = runner.invoke(app, [*PROFILE, "--templates", str(templates), "--lang", "en"])
    _one_error_line(result, str(link), "profile/official.j2", "outside the template folder")
    assert "SECRET" not in result.output
    # A linked folder leading out: the same. A link that stays inside the folder is fine.
    link.unlink()
    (templates / "profile").rmdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "official.j2").write_text("SECRET CONTENT", encoding="utf-8")
    (templates / "profile").symlink_to(tmp_path / "elsewhere")
    result = runner.invoke(app, [*PROFILE, "--templates", str(templates), "--lang", "en"])
    _one_error_line(result, "outside the template folder")
    assert "SECRET" not in result.output
    (templates / "profile").unlink()
    (templates / "profile").mkdir()
    (templates / "mine.j2").write_text("（独自）{{ name }}の公式です。", encoding="utf-8")
    (templates / "profile" / "official.j2").symlink_to(templates / "mine.j2")
    result = runner.invoke(app, [*PROFILE, "--templates", str(templates)])
    assert result.exit_code == 0 and result.stdout.startswith("（独自）三浦市の公式です。"), result.output


def test_an_include_of_a_file_outside_is_not_read(tmp_path: Path, templates: Path) -> None:
    (tmp_path / "secret.j2").write_text("SECRET CONTENT", encoding="utf-8")
    (templates / "profile" / "leak.j2").symlink_to(tmp_path / "secret.j2")
    result = _with_template(templates, 'x\n{% include "profile/leak.j2" %}')
    _one_error_line(result, "outside the template folder")
    assert "SECRET" not in result.output


def test_templates_naming_no_folder_is_said(tmp_path: Path) -> None:
    result = runner.invoke(app, [*PROFILE, "--templates", str(tmp_path / "typo")])
    _one_error_line(result, str(tmp_path / "typo"))


@pytest.mark.parametrize("source, line, words", [
    ("fine\n{% if %}", 2, "Expected an expression"),
    ("fine\n\n{{ nothing_here }}", 3, "'nothing_here' is undefined"),
    ("{{ 1 / 0 }}", 1, "division by zero"),
    ('{{ t("no.such.key") }}', 1, "not in the catalogue of words"),
    ('{% include "profile/missing.j2" %}', 1, "template profile/missing.j2 not found"),
    ("{{ ''.__class__ }}", 1, "unsafe"),
])
def test_template_errors_are_located_lines(templates: Path, source: str, line: int, words: str) -> None:
    result = _with_template(templates, source)
    _one_error_line(result, f"{templates / 'profile' / 'official.j2'}:{line}: template error: ", words)


@pytest.mark.parametrize("source, words", [
    ("{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}", "calls nest too deep (at most 50 levels)"),
    ('{% include "profile/official.j2" %}', "calls nest too deep"),
    ("{{ range(10**12)|list }}", "range() makes at most 100,000 numbers"),
    ("{{ 9**999999999 }}", "a number computed is too large"),
    ("{{ (10**3000) * (10**3000) }}", "a number computed is too large"),
    ('{{ "x" * 10**10 }}', "a string or list made is too long"),
    ("{{ [0] * 10**10 }}", "a string or list made is too long"),
    ('{{ "{:>9999999999}".format(1) }}', "too long"),
    ('{{ "{:>{w}}".format(1, w=10**9) }}', "too long"),
    ('{{ "%9999999999s" % 1 }}', "too long"),
    ('{{ "x"|center(10**10) }}', "too long"),
    ('{{ "x".ljust(10**10) }}', "too long"),
    ('{{ ("y" * 100000).replace("", "z" * 100000) }}', "too long"),
    ('{{ (["x" * 1000000] * 1000)|join }}', "too long"),
    ('{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}', "too long"),
    ("{% set l = [1] %}{% for i in range(40) %}{% set _ = l.extend(l) %}{% endfor %}", "too long"),
    ("{% for i in range(10**5) %}{% for j in range(10**5) %}{% endfor %}{% endfor %}",
     "too many loop iterations (at most 1,000,000 in one rendering)"),
])
def test_templates_that_would_hang_or_exhaust_memory_stop_at_a_bound(templates: Path, source: str, words: str) -> None:
    import time

    started = time.monotonic()
    result = _with_template(templates, source)
    _one_error_line(result, str(templates / "profile" / "official.j2"), words)
    assert time.monotonic() - started < 30


def test_the_time_bound(templates: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sns_policy.render import sandbox

    monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.3)
    monkeypatch.setattr(sandbox, "MAX_ITERATIONS", 10**12)
    result = _with_template(templates, "{% for i in range(10**5) %}{% for j in range(10**5) %}{% endfor %}{% endfor %}")
    _one_error_line(result, "rendering takes too long (at most 0.3 seconds)")


def test_the_output_bound(templates: Path) -> None:
    result = _with_template(templates, '{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}')
    _one_error_line(result, str(templates / "profile" / "official.j2"), "the output is too long (at most 50,000,000 characters)")


def test_what_a_rendering_makes_is_bounded_in_all(templates: Path) -> None:
    """Each string within the bound, kept one after another: stopped by the total, not by
    the machine's memory."""
    result = _with_template(templates, '{% set kept = [] %}{% for i in range(100000) %}{% set _ = kept.append("x" * 1000000) %}{% endfor %}')
    _one_error_line(result, str(templates / "profile" / "official.j2"), "add up to too much (at most 100,000,000")


def test_within_the_bounds_templates_compute_as_jinja_does(templates: Path) -> None:
    source = ('{{ 2**100 }}|{{ "a" ~ "b" }}|{{ "%5s" % "x" }}|{{ "{:>4}".format(3) }}|{{ "ab" * 3 }}|{{ [1, 2] + [3] }}|'
              '{{ range(3)|join(",") }}|{{ "x"|center(5) }}|{{ 7 % 3 }}|{{ 2.5 * 2 }}|{% for i in range(3) %}{{ loop.index }}{% endfor %}')
    result = _with_template(templates, source)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1267650600228229401496703205376|ab|    x|   3|ababab|[1, 2, 3]|0,1,2|  x  |1|5.0|123")


def test_a_report_with_a_broken_user_template_is_a_located_line(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "audit"
    folder.mkdir(parents=True)
    (folder / "report.html.j2").write_text("<p>\n{{ audit.nothing_here.deeper }}</p>", encoding="utf-8")
    done = _main("report", MANIFEST, "--as-of", "2026-11-21", "--templates", str(tmp_path / "templates"),
                 "--out", str(tmp_path / "r.html"), "--lang", "en")
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"sns-policy: error: {folder / 'report.html.j2'}:2: template error: ")
    assert not (tmp_path / "r.html").exists()


# --- 5. a page is one account's; index says every bad file; `-` is standard input ---

MIURA = ROOT / "municipalities/miura/examples"


def _two_documents(tmp_path: Path) -> Path:
    both = tmp_path / "two.yaml"
    both.write_text((MIURA / "x-city-compliant.yaml").read_text(encoding="utf-8") + "\n---\n"
                    + (MIURA / "youtube-closing-compliant.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return both


def test_a_page_of_several_accounts_is_refused_without_a_folder(tmp_path: Path) -> None:
    for source in (MIURA, _two_documents(tmp_path)):
        result = runner.invoke(app, ["render", "page", str(source), "--lang", "en"])
        _one_error_line(result, str(source), "accounts: a page is one account's", "--out an existing folder")
        assert result.stdout == ""
        out = tmp_path / "page.html"
        _one_error_line(runner.invoke(app, ["render", "page", str(source), "--out", str(out)]))
        assert not out.exists()


def test_a_page_of_several_accounts_into_a_folder_is_one_page_each(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    out.mkdir()
    (out / "mine.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["render", "page", str(_two_documents(tmp_path)), "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == ["x-miura-city-koho.html", "youtube-miura-marathon.html"], pages
    for name in pages:
        html = (out / name).read_text(encoding="utf-8")
        assert html.count("<!DOCTYPE html>") == 1 and html.count("</html>") == 1
    assert (out / "mine.txt").read_text(encoding="utf-8") == "mine"
    assert "2 pages written" in result.stderr
    # Markdown too, and a staff member's own account is passed over with a note.
    chiyoda = tmp_path / "chiyoda"
    chiyoda.mkdir()
    result = runner.invoke(app, ["render", "page", str(ROOT / "municipalities/chiyoda/examples"), "-f", "md", "--out", str(chiyoda)])
    assert result.exit_code == 0, result.output
    assert list(chiyoda.glob("*.md")) and not [p for p in chiyoda.iterdir() if "staff" in p.name]
    assert "x-staff-personal-compliant.yaml" in result.stderr and " info " in result.stderr


def test_one_account_into_a_folder_and_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    out.mkdir()
    assert runner.invoke(app, ["render", "page", str(MIURA / "x-city-compliant.yaml"), "--out", str(out)]).exit_code == 0
    assert [p.name for p in out.iterdir()] == ["x-miura-city-koho.html"]
    page = tmp_path / "page.html"
    assert runner.invoke(app, ["render", "page", str(MIURA / "x-city-compliant.yaml"), "--out", str(page)]).exit_code == 0
    assert page.read_text(encoding="utf-8").count("<!DOCTYPE html>") == 1


def test_render_page_and_notice_read_standard_input() -> None:
    source = (MIURA / "x-city-compliant.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["render", "page", "-", "-f", "md"], input=source)
    assert result.exit_code == 0, result.output
    assert "三浦市（広報）" in result.stdout
    from_file = runner.invoke(app, ["render", "page", str(MIURA / "x-city-compliant.yaml"), "-f", "md"])
    assert result.stdout == from_file.stdout
    closing = (MIURA / "youtube-closing-compliant.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["render", "notice", "-", "--kind", "close"], input=closing)
    assert result.exit_code == 0 and "廃止" in result.stdout, result.output
    result = runner.invoke(app, ["render", "index", "-", "-m", "miura", "-f", "md"], input=source)
    assert result.exit_code == 0 and "（1件）" in result.stdout, result.output
    result = runner.invoke(app, ["render", "page", "-"], input="municipality: miura\naccount: [\n")
    _one_error_line(result, "-:")


def test_index_says_every_bad_file(tmp_path: Path) -> None:
    first = tmp_path / "a-broken.yaml"
    first.write_text("municipality: miura\naccount: [\n", encoding="utf-8")
    second = tmp_path / "b-unknown.yaml"
    second.write_text("municipality: miura\nfoo: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["render", "index", str(first), str(MIURA), str(second), "-m", "miura"])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert all(line.startswith("sns-policy: error: ") for line in lines)
    assert any(f"{first}:" in line for line in lines) and any(f"{second}:" in line for line in lines)


def test_a_site_cut_short_is_still_known_as_its_own(tmp_path: Path, accounts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The record is written before the pages as well: after a render that failed half-way
    (the disk full), the next one needs no --force."""
    from sns_policy.render import folder as site_folder

    out = tmp_path / "site"
    real = site_folder.write_replacing
    calls = []

    def full_disk(path, data):
        calls.append(path)
        if len(calls) > 3:
            raise WriteError("write.no-space", path)
        real(path, data)

    monkeypatch.setattr(site_folder, "write_replacing", full_disk)
    _one_error_line(_site(accounts, out, "--lang", "en"), "not enough disk space")
    monkeypatch.setattr(site_folder, "write_replacing", real)
    result = _site(accounts, out)
    assert result.exit_code == 0, result.output
