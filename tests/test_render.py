"""`sns-policy render profile`: the generated text always passes the check and fits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sns_policy.cli import app
from sns_policy.evaluate.engines import EngineCache
from sns_policy.load.manifests import load_manifests
from sns_policy.render.profile import _profile_rules, _with, render_profile

from conftest import ROOT

AS_OF = date(2026, 11, 21)
ENGINES = EngineCache()
EXAMPLES = sorted(ROOT.glob("municipalities/*/examples/*.yaml"))
runner = CliRunner()


def _accounts(path: Path):
    for loaded, errors in load_manifests([str(path)]):
        assert errors == []
        yield from loaded


def _assert_passes(item, platform: str | None = None) -> str:
    """The rendered profile (text and, if proposed, website field) fits, no rule reading the
    profile fires, and it adds no finding the manifest did not already have."""
    engine = ENGINES.get(item.manifest.municipality)
    rendered = render_profile(item.manifest, engine, AS_OF, platform=platform)
    assert rendered.limit is None or len(rendered.text) <= rendered.limit
    trial = _with(item.manifest, rendered.text, rendered.platform, rendered.moved_to_homepage, rendered.website)
    watched = _profile_rules(engine)
    after = {o.rule.id for o in engine.evaluate(trial, AS_OF).outcomes}
    before = {o.rule.id for o in engine.evaluate(_with(item.manifest, item.manifest.profile.text if item.manifest.profile and item.manifest.profile.text else "",
                                                            rendered.platform, ()), AS_OF).outcomes}
    # What the text cannot mend is the manifest's own failing (a media policy it does not
    # have): the text never claims it, the rule already fails on the manifest as it is, and
    # the renderer names it (`unresolved`). Everything else passes.
    assert after & watched <= set(rendered.unresolved) <= before, (item.file, rendered.text, after & watched, rendered.unresolved)
    assert after <= before, (item.file, after - before)
    if item.file.endswith("-compliant.yaml") and "noncompliant" not in item.file:
        assert rendered.unresolved == (), (item.file, rendered.unresolved)  # a compliant example's profile passes outright
    return rendered.text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_example_profile_renders_fits_and_passes(path: Path) -> None:
    for item in _accounts(path):
        engine = ENGINES.get(item.manifest.municipality)
        if engine.evaluate(item.manifest, AS_OF).out_of_scope is not None:
            rendered = render_profile(item.manifest, engine, AS_OF)
            assert rendered.out_of_scope is not None and rendered.unresolved == ()
            assert len(rendered.text) <= (rendered.limit or len(rendered.text))
            continue
        _assert_passes(item)


def test_a_failing_website_field_is_replaced_by_the_page_the_text_links_to() -> None:
    (item,) = _accounts(ROOT / "municipalities/iwaki/examples/instagram-profile-noncompliant.yaml")
    assert item.manifest.profile.website == "city.iwaki.lg.jp"  # incomplete: no scheme
    rendered = render_profile(item.manifest, ENGINES.get("iwaki"), AS_OF)
    assert rendered.website == item.manifest.homepage.account_page.url
    (item,) = _accounts(ROOT / "municipalities/miura/examples/x-city-compliant.yaml")
    assert render_profile(item.manifest, ENGINES.get("miura"), AS_OF).website is None  # a good one stays


def test_an_instagram_bio_carries_no_dead_link_unless_the_guideline_asks_for_it_there() -> None:
    (miura,) = _accounts(ROOT / "municipalities/miura/examples/instagram-tourism-field-compliant.yaml")
    rendered = render_profile(miura.manifest, ENGINES.get("miura"), AS_OF)
    assert "https://" not in rendered.text  # 三浦市 takes the website field as the profile's link
    # the website field, as it is or as proposed, is the account's page
    assert (rendered.link_in_website or miura.manifest.profile.website) == miura.manifest.homepage.account_page.url
    (iwaki,) = _accounts(ROOT / "municipalities/iwaki/examples/instagram-profile-noncompliant.yaml")
    rendered = render_profile(iwaki.manifest, ENGINES.get("iwaki"), AS_OF)
    assert "https://www.city.iwaki.lg.jp/" in rendered.text  # いわき市 第4 4(3): the URL in the 自由記述欄 itself
    (x,) = _accounts(ROOT / "municipalities/miura/examples/x-city-compliant.yaml")
    assert "https://www.city.miura.kanagawa.jp/sns/x.html" in render_profile(x.manifest, ENGINES.get("miura"), AS_OF).text


def test_an_account_its_guideline_does_not_cover_gets_a_page_that_does_not_cite_it() -> None:
    from sns_policy.render.page import render_page

    (item,) = _accounts(ROOT / "municipalities/shiroi/examples/instagram-out-of-scope-compliant.yaml")
    engine = ENGINES.get("shiroi")
    assert engine.evaluate(item.manifest, AS_OF).out_of_scope is not None  # check: not covered
    assert render_profile(item.manifest, engine, AS_OF).out_of_scope is not None  # profile: said unverified
    page = render_page(item.manifest, engine, "md", as_of=AS_OF)
    assert engine.ruleset.document.title not in page and "投稿しない内容" not in page
    assert "白井市が運用する公式Instagramアカウント" in page or "公式Instagramアカウントです" in page  # still the city's own
    (x,) = _accounts(ROOT / "municipalities/shiroi/examples/x-city-compliant.yaml")
    covered = render_page(x.manifest, engine, "md", as_of=AS_OF)
    assert engine.ruleset.document.title in covered and "投稿しない内容" in covered


def test_personal_names_are_never_published() -> None:
    (item,) = _accounts(ROOT / "municipalities/miura/examples/x-disclosure-noncompliant.yaml")
    engine = ENGINES.get("miura")
    text = render_profile(item.manifest, engine, AS_OF).text
    assert "山田太郎" not in text and "佐藤花子" not in text and "防災課職員" in text
    from sns_policy.render.page import render_page

    page = render_page(item.manifest, engine, "html", as_of=AS_OF)
    assert "山田太郎" not in page and "佐藤花子" not in page
    fired = {o.rule.id for o in engine.evaluate(item.manifest, AS_OF).outcomes}
    assert {"miura.manager-title-not-name", "miura.operators-not-names"} <= fired  # check still reports them


@pytest.mark.parametrize("platform", ["x", "instagram", "tiktok", "youtube", "note"])
def test_a_long_profile_moves_facts_to_the_homepage_and_still_passes(platform: str) -> None:
    (item,) = _accounts(ROOT / "municipalities/miura/examples/youtube-closing-compliant.yaml")
    text = _assert_passes(item, platform)
    link = "https://www.city.miura.kanagawa.jp/sports/youtube.html"
    if platform == "instagram":  # no link in an Instagram bio: it goes in the website field
        rendered = render_profile(item.manifest, ENGINES.get("miura"), AS_OF, platform=platform)
        assert link not in text and link in (rendered.link_in_website, item.manifest.profile.website)
    else:
        assert link in text  # the link always stays, in full


def test_cli_profile(tmp_path: Path) -> None:
    out = tmp_path / "bio.txt"
    result = runner.invoke(app, ["render", "profile", str(ROOT / "municipalities/miura/examples/x-city-compliant.yaml"),
                                 "--out", str(out), "--as-of", "2026-11-21", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("三浦市広報広聴課の公式アカウントです。")
    assert "for X (formerly Twitter), " in result.stderr and "/160 characters" in result.stderr


def test_cli_out_of_scope_renders_the_default_with_a_warning_and_too_long_is_one_line_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", "profile", str(ROOT / "municipalities/shiroi/examples/instagram-out-of-scope-compliant.yaml"),
                                 "--lang", "en"])
    assert result.exit_code == 0 and result.stdout.startswith("白井市")
    assert "does not cover this account" in result.stderr and "instagram" in result.stderr
    long = tmp_path / "long.yaml"
    text = (ROOT / "municipalities/kamisu/examples/x-city-compliant.yaml").read_text(encoding="utf-8")
    long.write_text(text.replace("platform: x", "platform: tiktok").replace("department: ", "department: 長い長い長い長い長い長い長い長い長い長い長い長い長い長い部 ", 1), encoding="utf-8")
    result = runner.invoke(app, ["render", "profile", str(long), "--as-of", "2026-11-21", "--lang", "en"])
    assert result.exit_code == 2 and "over the limit of 80" in result.stderr and result.stderr.count("\n") == 1


def test_user_templates_are_used_and_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "profile").mkdir()
    (tmp_path / "profile" / "official.j2").write_text("{{ name }}{{ unit }}の公式です（独自）。", encoding="utf-8")
    manifest = str(ROOT / "municipalities/miura/examples/x-city-compliant.yaml")
    result = runner.invoke(app, ["render", "profile", manifest, "--templates", str(tmp_path), "--as-of", "2026-11-21"])
    assert result.exit_code == 0 and "の公式です（独自）。" in result.output
    (tmp_path / "profile" / "official.j2").write_text("{{ name.__class__.__mro__ }}", encoding="utf-8")
    result = runner.invoke(app, ["render", "profile", manifest, "--templates", str(tmp_path), "--as-of", "2026-11-21"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_notice_dates_come_from_the_rules_and_satisfy_them() -> None:
    from sns_policy.render.notice import render_notice

    (item,) = _accounts(ROOT / "municipalities/iwaki/examples/youtube-renamed-compliant.yaml")
    engine = ENGINES.get("iwaki")
    notice = render_notice(item.manifest, engine, "change")
    by = {(d.place, d.bound): d.day for d in notice.deadlines}
    assert notice.effective == date(2026, 10, 1)
    assert by[("account", "start_by")] == by[("homepage", "start_by")] == date(2026, 9, 1)  # 一月以上前
    # 「１年程度」: the notice promises the year the text names; the check allows 11 months.
    assert by[("account", "keep_until")] == by[("homepage", "keep_until")] == date(2027, 10, 1)
    # A manifest that follows the plan to the day passes every change rule.
    data = item.manifest.model_dump(mode="python", exclude_none=True)
    for place in ("account", "homepage"):
        data["lifecycle"]["change"][f"notice_on_{place}"] = {"start": by[(place, "start_by")], "end": by[(place, "keep_until")]}
    from sns_policy.model.manifest import Manifest

    fired = {o.rule.id for o in engine.evaluate(Manifest.model_validate(data), date(2027, 10, 2)).outcomes}
    assert not fired & {d.rule for d in notice.deadlines}, fired
    assert "令和8年10月1日" in notice.account_text and "令和8年10月1日" in notice.homepage_text


def test_a_notice_too_long_for_one_x_post_is_split_into_posts_that_fit() -> None:
    from sns_policy.platforms import post_length
    from sns_policy.render.notice import render_notice, split_post

    (item,) = _accounts(ROOT / "municipalities/iwaki/examples/x-kanko-compliant.yaml")
    data = item.manifest.model_dump(mode="python", exclude_none=True)
    data["lifecycle"]["change"] = {"effective": date(2027, 4, 1), "description": "アカウント名と発信内容を変更し、" * 8 + "移住の情報を加える"}
    from sns_policy.model.manifest import Manifest

    notice = render_notice(Manifest.model_validate(data), ENGINES.get("iwaki"), "change")
    whole = post_length("x", notice.account_text)
    assert len(notice.account_text) <= 280 < whole  # it fits by characters, not as X counts them
    assert len(notice.posts) >= 2 and all(p.length <= 280 for p in notice.posts)
    assert notice.posts[0].text.endswith(f"（1/{len(notice.posts)}）")
    # Nothing is lost: the posts, without their numbers, are the text.
    import re as _re

    assert "".join(_re.sub(r"（\d+/\d+）$", "", p.text) for p in notice.posts) == notice.account_text
    assert "https://www.city.iwaki.lg.jp/www/contents/1700000000101/index.html" in notice.posts[-1].text  # a URL is never cut
    assert split_post("x", "短い文。", 280) == (split_post("x", "短い文。", 280)[0],) and len(split_post("line", notice.account_text, 5000)) == 1


def test_published_dates_follow_the_citys_own_notation() -> None:
    from sns_policy.evaluate.engine import Engine
    from sns_policy.render.notice import render_notice

    (item,) = _accounts(ROOT / "municipalities/iwaki/examples/youtube-renamed-compliant.yaml")
    engine = ENGINES.get("iwaki")
    assert "令和8年10月1日" in render_notice(item.manifest, engine, "change").homepage_text  # 和暦, as the guideline writes
    data = engine.ruleset.model_dump(by_alias=True)
    data["publication"]["western_year"] = True
    western = Engine(type(engine.ruleset).model_validate(data), engine.ruleset_file)
    notice = render_notice(item.manifest, western, "change")
    assert "令和8年（2026年）10月1日" in notice.homepage_text and "令和8年（2026年）10月1日" in notice.account_text
    from sns_policy.render.page import render_page

    assert "令和8年（2026年）10月1日" in render_page(item.manifest, western, "md", as_of=AS_OF)


def test_notice_closure_for_miura_is_a_day_before_and_iwaki_six_months_after() -> None:
    from sns_policy.render.notice import render_notice

    (miura,) = _accounts(ROOT / "municipalities/miura/examples/youtube-closing-compliant.yaml")
    notice = render_notice(miura.manifest, ENGINES.get("miura"), "close")
    assert {(d.place, d.bound, d.day) for d in notice.deadlines} == {
        ("account", "start_by", date(2027, 1, 30)), ("homepage", "start_by", date(2027, 1, 30))}
    (iwaki,) = _accounts(ROOT / "municipalities/iwaki/examples/line-closed-compliant.yaml")
    notice = render_notice(iwaki.manifest, ENGINES.get("iwaki"), "close")
    # 「半年程度」: six months on the notice (the check allows five)
    assert ("homepage", "keep_until", date(2026, 12, 30)) in {(d.place, d.bound, d.day) for d in notice.deadlines}


def test_cli_notice_without_a_date_is_exit_2() -> None:
    result = runner.invoke(app, ["render", "notice", str(ROOT / "municipalities/miura/examples/x-city-compliant.yaml"), "--kind", "close"])
    assert result.exit_code == 2 and "lifecycle.closure.effective" in result.stderr
    ok = runner.invoke(app, ["render", "notice", str(ROOT / "municipalities/iwaki/examples/youtube-renamed-compliant.yaml"), "--kind", "change", "--lang", "en"])
    assert ok.exit_code == 0 and "start on the account: by 2026-09-01" in ok.output


def test_page_and_index_escape_every_manifest_value(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    text = (ROOT / "municipalities/miura/examples/x-city-compliant.yaml").read_text(encoding="utf-8")
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(text.replace("display_name: 三浦市（広報）", "display_name: \"<script>alert(1)</script>\"")
                       .replace("content: 市政のお知らせ、イベント情報、防災・気象情報", "content: '\"><img src=x onerror=alert(1)>'")
                       .replace("url: https://x.com/miura_city_koho", "url: \"javascript:alert(1)\""), encoding="utf-8")
    for command in (["render", "page", str(hostile)], ["render", "index", str(hostile), "-m", "miura"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        html = result.output
        assert "<script" not in html and "<img" not in html and 'href="javascript:' not in html
        assert "&lt;script&gt;" in html
        tags: list[str] = []

        class Collect(HTMLParser):
            def handle_starttag(self, tag: str, attrs: list) -> None:
                tags.append(tag)

        Collect().feed(html)
        assert tags[0] == "html" and 'lang="ja"' in html and "viewport" in html


def test_page_markdown_lists_the_rulesets_prohibited_content() -> None:
    result = runner.invoke(app, ["render", "page", str(ROOT / "municipalities/kamisu/examples/x-city-compliant.yaml"), "-f", "md"])
    assert result.exit_code == 0
    assert "## 投稿しない内容" in result.output and "- 職務上知り得た秘密" in result.output


def test_disclaimer_only_where_a_guideline_recommends_one() -> None:
    ok = runner.invoke(app, ["render", "disclaimer", "-m", "chiyoda"])
    assert ok.exit_code == 0 and ok.output.strip() == "投稿内容は私個人の見解であり、千代田区及び所属部署の見解を代表するものではありません。"
    assert runner.invoke(app, ["render", "disclaimer", "-m", "miura"]).exit_code == 2


def test_site_is_self_contained_and_every_link_resolves(tmp_path: Path) -> None:
    import re as _re

    out = tmp_path / "site"
    result = runner.invoke(app, ["render", "site", str(ROOT / "municipalities"), "-o", str(out), "--as-of", "2026-11-21", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "site written" in result.stderr and str(out / "index.html") in result.stderr
    pages = sorted(out.rglob("*.html"))
    examples = sum(1 for _ in ROOT.glob("municipalities/*/examples/*.yaml"))
    personal = sum(1 for _ in ROOT.glob("municipalities/*/examples/*staff-personal*.yaml"))
    municipalities = sum(1 for _ in (out / "public").iterdir())
    # public: a page per official account and a list per municipality; internal: a check per
    # account (staff's own too) and the report; and the front page
    assert len(pages) == (examples - personal) + municipalities + examples + 1 + 1
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'lang="en"' in html  # the site follows --lang
        assert not _re.search(r'<(script|link|img)\b', html)  # no external (or any) assets
        for href in _re.findall(r'href="([^"#]+)(?:#[^"]*)?"', html):
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            assert (page.parent / href).resolve().is_file(), (page, href)


def test_the_public_part_has_no_verdict_and_no_staff_account(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert runner.invoke(app, ["render", "site", str(ROOT / "municipalities"), "-o", str(out), "--as-of", "2026-11-21"]).exit_code == 0
    from sns_policy.words import text as msg

    words = [msg(k).ja for k in ("report.compliant", "report.noncompliant", "report.out_of_scope", "site.index.findings",
                                  "site.internal.personal")] + ["要確認", "検査"]
    personal = [i.manifest.account for p in ROOT.glob("municipalities/*/examples/*staff-personal*.yaml") for i in _accounts(p)]
    public = sorted((out / "public").rglob("*.html"))
    assert public
    for page in public:
        html = page.read_text(encoding="utf-8")
        assert not [w for w in words if w in html], (page, [w for w in words if w in html])
        assert not [a.handle for a in personal if a.handle and (a.handle in html or a.handle.lstrip("@") in html)], page
        assert "internal/" not in html  # nothing public links into the internal part
    internal = (out / "internal" / "index.html").read_text(encoding="utf-8")
    assert all(a.display_name in internal for a in personal if a.display_name)  # staff's own are checked, internally


def test_site_does_not_delete_what_the_user_keeps_in_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    # A folder the site was never written into is refused (tests/test_render_safety.py);
    # forced, it is written into, and what the user keeps there stays.
    assert runner.invoke(app, ["render", "site", str(ROOT / "municipalities/miura/examples"), "-o", str(out)]).exit_code == 2
    assert runner.invoke(app, ["render", "site", str(ROOT / "municipalities/miura/examples"), "-o", str(out),
                               "--force"]).exit_code == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert runner.invoke(app, ["render", "site", str(ROOT / "municipalities/miura/examples"), "-o", str(out)]).exit_code == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def _variants():
    import copy

    from hypothesis import strategies as st
    from pydantic import ValidationError

    from sns_policy.load.yaml_source import parse_documents
    from sns_policy.model.manifest import Manifest

    bases = [d.data for p in EXAMPLES for d in parse_documents(p.read_text(encoding="utf-8"))]
    optional = [("account", "content"), ("ownership", "operators"), ("operations", "replies"), ("operations", "follows"),
                ("policy", "url"), ("homepage", "account_page"), ("account", "display_name")]

    @st.composite
    def variant(draw):
        data = copy.deepcopy(draw(st.sampled_from(bases)))
        for block, key in draw(st.lists(st.sampled_from(optional), max_size=3, unique=True)):
            data.get(block, {}).pop(key, None)
        data["account"]["platform"] = draw(st.sampled_from(["x", "instagram", "tiktok", "youtube", "facebook", "line", "threads", "note"]))
        try:
            return Manifest.model_validate(data)
        except ValidationError:
            return Manifest.model_validate(draw(st.sampled_from(bases)))

    return variant()


from hypothesis import given, settings  # noqa: E402


@settings(max_examples=80, deadline=None)
@given(_variants())
def test_rendered_profiles_of_generated_manifests_pass_or_say_why(manifest) -> None:
    from sns_policy.render.profile import ProfileDoesNotFit

    engine = ENGINES.get(manifest.municipality)
    if engine.evaluate(manifest, AS_OF).out_of_scope is not None:
        return
    try:
        rendered = render_profile(manifest, engine, AS_OF)
    except ProfileDoesNotFit as exc:
        assert exc.shortest > exc.limit  # refused only when really over the limit
        return
    assert rendered.limit is None or len(rendered.text) <= rendered.limit
    trial = _with(manifest, rendered.text, rendered.platform, rendered.moved_to_homepage, rendered.website)
    watched = _profile_rules(engine)
    fired = {o.rule.id for o in engine.evaluate(trial, AS_OF).outcomes if o.rule.id in watched}
    assert fired <= set(rendered.unresolved)


def test_every_site_page_is_valid_html5(tmp_path: Path) -> None:
    import html5lib

    out = tmp_path / "site"
    assert runner.invoke(app, ["render", "site", str(ROOT / "municipalities"), "-o", str(out), "--as-of", "2026-11-21"]).exit_code == 0
    parser = html5lib.HTMLParser(strict=True)  # raises on any HTML5 parse error
    pages = sorted(out.rglob("*.html"))
    assert pages
    for page in pages:
        parser.parse(page.read_text(encoding="utf-8"))
    for fmt_page in (runner.invoke(app, ["render", "page", str(ROOT / "municipalities/iwaki/examples/youtube-renamed-compliant.yaml")]).output,
                     runner.invoke(app, ["render", "index", str(ROOT / "municipalities"), "-m", "kamisu"]).output):
        parser.parse(fmt_page)
