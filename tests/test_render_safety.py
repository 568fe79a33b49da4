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


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_out_without_permission_is_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = runner.invoke(app, [*PROFILE, "--out", str(locked / "bio.txt"), "--lang", "en"])
        _one_error_line(result, str(locked / "bio.txt"), "no permission")
    finally:
        locked.chmod(0o700)


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
