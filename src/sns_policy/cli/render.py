"""`sns-policy render profile|notice|page|index|disclaimer|site`: what the guidelines require to be published."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator, NoReturn, Optional

import typer

from sns_policy.cli.common import Lang, LangOption, both, emit, engines_for_spec, fail, parse_as_of
from sns_policy.words import text as msg

TemplatesOption = Annotated[Optional[Path], typer.Option("--templates", help=both("help.render.1"))]
OutOption = Annotated[Optional[Path], typer.Option("--out", "-o", help=both("help.render.8"))]
RulesetOption = Annotated[Optional[str], typer.Option("--municipality", "-m", help=both("help.check.4"))]


def _template_failed(templates: Optional[Path], exc: Exception, lang: Lang) -> NoReturn:
    """A template's error in one line at its file and line (a syntax error, a name
    undefined, a bound of the sandbox reached: sns_policy.render.sandbox)."""
    from sns_policy.render.sandbox import describe

    where, problem = describe(exc)  # type: ignore[arg-type]
    fail(f"{where or templates or 'templates'}: " + msg("render.template", problem=problem).get(lang.value))


def _templates_folder(templates: Optional[Path], lang: Lang) -> None:
    """--templates names a folder that is there: a typo is said, not passed over for the defaults."""
    if templates is not None and not templates.is_dir():
        fail(msg("cli.not-a-folder", path=str(templates)).get(lang.value))


def _accounts(paths: list[str], lang: Lang, stdin_text: bytes | None = None, spec: str | None = None
              ) -> Iterator[tuple[Any, Any]]:
    """Each account of the inputs with its municipality's engine (or that of the ruleset
    `spec` names, for every account); the first input error ends the command with one line
    and exit 2 (a render needs a whole, valid manifest)."""
    from sns_policy.load.manifests import load_manifests
    from sns_policy.report import location

    engines, target = engines_for_spec(spec, lang)
    for loaded, found in load_manifests(paths, stdin_text):
        errors = [e for e in found if not e.is_note]
        if errors:
            fail(f"{location(errors[0])}: {errors[0].message.get(lang.value)}")
        for item in loaded:
            line, column = item.document.locate(("municipality",))
            where = f"{item.file}:{line}:{column}"
            if not (target or item.manifest.municipality):
                fail(f"{where}: {msg('input.no-municipality').get(lang.value)}")
            yield item, _one_engine(engines, target or item.manifest.municipality, lang, where)


render_app = typer.Typer(help=both("help.render.2"),
                         no_args_is_help=True)


@render_app.command("profile", help=both("help.command.render.profile"))
def profile(
    manifest: Annotated[str, typer.Argument(help=both("help.render.9"))],
    platform: Annotated[Optional[str], typer.Option("--platform", help=both("help.render.3"))] = None,
    out: OutOption = None,
    templates: TemplatesOption = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.impact.3"))] = None,
    municipality: RulesetOption = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Render the profile (bio) text the guideline requires."""
    from datetime import date

    from jinja2 import TemplateError

    from sns_policy.model.manifest import Platform
    from sns_policy.render.profile import ProfileDoesNotFit, render_profile
    from sns_policy.words import join
    from sns_policy.words.fields import value_words

    _templates_folder(templates, lang)
    if platform is not None and platform not in Platform.__args__:  # type: ignore[attr-defined]
        choices = msg("usage.choices", choices=", ".join(Platform.__args__))  # type: ignore[attr-defined]
        fail(msg("usage.bad-choice", option="--platform", value=platform, more=choices).get(lang.value))
    stdin_text = sys.stdin.buffer.read() if manifest == "-" else None
    texts = []
    for item, engine in _accounts([manifest], lang, stdin_text, municipality):
        try:
            rendered = render_profile(item.manifest, engine, parse_as_of(as_of, lang) or date.today(),
                                      platform=platform, templates=templates)
        except TemplateError as exc:
            _template_failed(templates, exc, lang)
        except ProfileDoesNotFit as exc:
            key = "render.does-not-fit-rules" if exc.rules else "render.does-not-fit"
            fail(f"{item.file}:{item.document.line}: " + msg(key, length=exc.shortest, limit=exc.limit,
                 over=exc.shortest - exc.limit, rules=", ".join(exc.rules)).get(lang.value))
        texts.append(rendered.text)
        where = f"{item.file}:{item.document.line}: warning "
        if rendered.out_of_scope is not None:
            sys.stderr.write(where + msg("render.unverified", reason=rendered.out_of_scope.get(lang.value)).get(lang.value) + "\n")
        if rendered.website is not None:
            sys.stderr.write(where + msg("render.website", url=rendered.website).get(lang.value) + "\n")
        if rendered.link_in_website is not None:
            sys.stderr.write(where + msg("render.instagram-link", url=rendered.link_in_website).get(lang.value) + "\n")
        if rendered.unresolved:
            sys.stderr.write(where + msg(
                "render.unresolved", rules=", ".join(rendered.unresolved)).get(lang.value) + "\n")
        note = msg("render.profile-note", account=item.manifest.account.handle or item.file, length=len(rendered.text),
                   limit=rendered.limit or msg("word.none"), platform=value_words("account.platform", rendered.platform)).get(lang.value)
        if rendered.moved_to_homepage:
            note += msg("render.profile-note.moved", moved=join("word.list", [
                value_words("homepage.account_page.publishes", f) for f in rendered.moved_to_homepage])).get(lang.value)
        if rendered.not_asked:
            note += msg("render.profile-note.not_asked", segments=join(
                "word.list", [msg(f"render.segment.{s}") for s in rendered.not_asked])).get(lang.value)
        sys.stderr.write(note + "\n")
    _write("\n\n".join(texts) + "\n", out, lang)


class NoticeKind(str, Enum):
    change = "change"
    suspend = "suspend"
    close = "close"


@render_app.command("notice", help=both("help.command.render.notice"))
def notice(
    manifest: Annotated[str, typer.Argument(help=both("help.render.4"))],
    kind: Annotated[NoticeKind, typer.Option("--kind", help=both("help.render.kind"))],
    templates: TemplatesOption = None,
    out: OutOption = None,
    municipality: RulesetOption = None,
    lang: LangOption = Lang.ja,
) -> None:
    """Notices of a change or closure, with the guideline's dates."""
    from jinja2 import TemplateError

    from sns_policy.render.notice import NoEffectiveDate, render_notice
    from sns_policy.report.notice import notice_text

    _templates_folder(templates, lang)
    stdin_text = sys.stdin.buffer.read() if manifest == "-" else None
    parts = []
    for item, engine in _accounts([manifest], lang, stdin_text, municipality):
        try:
            rendered = render_notice(item.manifest, engine, kind.value, templates)
        except NoEffectiveDate as exc:
            from sns_policy.words.fields import field_words

            said = msg("check.required", field=field_words(exc.path)).get(lang.value)
            fail(f"{item.file}:{item.document.line}: {said} [{exc.path}]")
        except TemplateError as exc:
            _template_failed(templates, exc, lang)
        parts.append(notice_text(rendered, lang.value))
    _write("\n\n".join(parts) + "\n", out, lang)


class PageFormat(str, Enum):
    html = "html"
    md = "md"


def _one_engine(engines: Any, municipality: str, lang: Lang, where: str | None = None) -> Any:
    from sns_policy.load.rulesets import RulesetError, known_municipalities

    try:
        return engines.get(municipality)
    except KeyError:
        fail((f"{where}: " if where else "") + msg("input.unknown-municipality", municipality=municipality,
                                known=", ".join(known_municipalities())).get(lang.value))
    except RulesetError as exc:  # the municipality's ruleset is broken: where, in it
        first = exc.findings[0]
        fail(f"{first.file}:{first.line}:{first.column}: {first.message.get(lang.value)}")


def _write(output: str, out: Optional[Path], lang: Lang) -> None:
    """To standard output, or to `--out` (sns_policy.write: a file atomically, a device or
    a pipe as a stream, a link through to its file); a path it cannot write is one line."""
    from sns_policy.write import WriteError, write_atomic

    if out is None:
        emit(output)
        return
    try:
        write_atomic(out, output)
    except WriteError as exc:
        fail(exc.words().get(lang.value))


@render_app.command("page", help=both("help.command.render.page"))
def page(
    manifest: Annotated[str, typer.Argument(help=both("help.render.4"))],
    format: Annotated[PageFormat, typer.Option("--format", "-f", help=both("help.check.1"))] = PageFormat.html,
    templates: TemplatesOption = None,
    out: OutOption = None,
    municipality: RulesetOption = None,
    lang: LangOption = Lang.ja,
) -> None:
    """The homepage page for one account.

    A page is one account's: one HTML (or Markdown) document. An input of several accounts
    (a folder, a file of several documents) writes one page per official account into the
    folder --out names (which must be there already: a new name is taken as one file), each
    named as in a site (x-miura_city_koho.html); staff's personal accounts are passed over
    with a note. Without such a folder, several accounts are refused: documents run
    together in one file or on standard output would be no valid page at all."""
    from jinja2 import TemplateError

    from sns_policy.render.page import NotAnOfficialAccount, render_page
    from sns_policy.render.site import page_name
    from sns_policy.write import WriteError, write_atomic

    _templates_folder(templates, lang)
    stdin_text = sys.stdin.buffer.read() if manifest == "-" else None
    accounts = list(_accounts([manifest], lang, stdin_text, municipality))
    into = out if out is not None and out.is_dir() else None
    if len(accounts) > 1 and into is None:
        fail(f"{manifest}: " + msg("render.page-several", count=len(accounts)).get(lang.value))
    pages: list[tuple[Any, str]] = []
    for item, engine in accounts:
        try:
            pages.append((item, render_page(item.manifest, engine, format.value, templates, lang=lang.value)))
        except NotAnOfficialAccount:
            where = f"{item.file}:{item.document.line}: "
            if len(accounts) == 1:
                fail(where + msg("render.not-official").get(lang.value))
            sys.stderr.write(where + "info " + msg("render.not-official").get(lang.value) + "\n")
        except TemplateError as exc:
            _template_failed(templates, exc, lang)
    if into is None:
        _write(pages[0][1], out, lang)
        return
    if not pages:
        fail(f"{manifest}: " + msg("render.page-none").get(lang.value))
    taken: set[str] = set()
    for item, text in pages:
        try:
            write_atomic(into / f"{page_name(item, taken)}.{format.value}", text)
        except WriteError as exc:
            fail(exc.words().get(lang.value))
    sys.stderr.write(msg("render.pages-written", count=len(pages), folder=str(into)).get(lang.value) + "\n")


@render_app.command("index", help=both("help.command.render.index"))
def index(
    paths: Annotated[list[str], typer.Argument(help=both("help.render.5"))],
    municipality: Annotated[str, typer.Option("--municipality", "-m", help=both("help.render.6"))],
    format: Annotated[PageFormat, typer.Option("--format", "-f", help=both("help.check.1"))] = PageFormat.html,
    templates: TemplatesOption = None,
    out: OutOption = None,
    lang: LangOption = Lang.ja,
) -> None:
    """The municipality's list of official accounts: every input error is said, each on
    its line, before any list is made (a list missing an account is no list to publish)."""
    from jinja2 import TemplateError

    from sns_policy.load.inputs import STDIN
    from sns_policy.load.manifests import load_manifests
    from sns_policy.render.page import render_index
    from sns_policy.report import location

    _templates_folder(templates, lang)
    engines, municipality = engines_for_spec(municipality, lang)
    engine = _one_engine(engines, municipality, lang)
    stdin_text = sys.stdin.buffer.read() if STDIN in paths else None
    manifests, errors = [], []
    for loaded, found in load_manifests(paths, stdin_text):
        errors += [e for e in found if not e.is_note]
        manifests += [i.manifest for i in loaded if i.manifest.municipality == municipality
                      and i.manifest.account.kind != "staff_personal"]
    if errors:
        for error in errors[:-1]:
            sys.stderr.write(f"sns-policy: error: {location(error)}: {error.message.get(lang.value)}\n")
        fail(f"{location(errors[-1])}: {errors[-1].message.get(lang.value)}")
    try:
        listing = render_index(manifests, engine, format.value, templates, lang.value)
    except TemplateError as exc:
        _template_failed(templates, exc, lang)
    _write(listing, out, lang)


@render_app.command("disclaimer", help=both("help.command.render.disclaimer"))
def disclaimer(
    municipality: Annotated[str, typer.Option("--municipality", "-m", help=both("help.render.6"))],
    lang: LangOption = Lang.ja,
) -> None:
    """The disclaimer a guideline recommends for staff's personal accounts."""
    from sns_policy.render.templates import environment

    engines, municipality = engines_for_spec(municipality, lang)
    engine = _one_engine(engines, municipality, lang)
    if "staff_personal" not in engine.ruleset.scope.account_kinds:
        fail(msg("render.no-disclaimer", title=engine.ruleset.document.title).get(lang.value))
    env = environment(None, municipality)
    emit(env.get_template("profile/disclaimer.j2").render(name=engine.ruleset.municipality.name.ja, staff_personal=True).strip() + "\n")


@render_app.command("site", help=both("help.command.render.site"))
def site(
    paths: Annotated[list[str], typer.Argument(help=both("help.render.5"))],
    out: Annotated[Path, typer.Option("--out", "-o", help=both("help.render.7"))],
    templates: TemplatesOption = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=both("help.impact.3"))] = None,
    force: Annotated[bool, typer.Option("--force", help=both("help.render.force"))] = False,
    lang: LangOption = Lang.ja,
) -> None:
    """A static site: the list, every account's page and its check."""
    from datetime import date

    from jinja2 import TemplateError

    from sns_policy.api import check_accounts
    from sns_policy.render.folder import SiteRefused
    from sns_policy.render.site import build_site
    from sns_policy.report import location
    from sns_policy.write import WriteError

    if out.exists() and not out.is_dir():
        fail(msg("cli.not-a-folder", path=str(out)).get(lang.value))
    _templates_folder(templates, lang)
    day = parse_as_of(as_of, lang) or date.today()
    errors: list = []
    try:
        report = build_site(check_accounts(paths, errors, as_of=day), errors, out, as_of=day, templates=templates,
                            lang=lang.value, force=force)
    except TemplateError as exc:
        _template_failed(templates, exc, lang)
    except WriteError as exc:
        fail(exc.words().get(lang.value))
    except SiteRefused as exc:  # every path in the way, each on its line; nothing was written
        for problem in exc.problems[:-1]:
            sys.stderr.write(f"sns-policy: error: {problem.get(lang.value)}\n")
        fail(exc.problems[-1].get(lang.value))
    problems = [e for e in report.errors if not e.is_note]
    for error in report.errors:
        level = "info" if error.is_note else "error"
        sys.stderr.write(f"{location(error)}: {level} {error.code} {error.message.get(lang.value)}\n")
    for kept in report.kept:
        sys.stderr.write(f"{kept}: warning " + msg("site.kept").get(lang.value) + "\n")
    if report.removed:
        sys.stderr.write(msg("site.removed", count=len(report.removed)).get(lang.value) + "\n")
    sys.stderr.write(msg("render.site", folder=str(report.folder / "index.html"), pages=report.pages).get(lang.value) + "\n")
    raise typer.Exit(2 if problems else 0)
