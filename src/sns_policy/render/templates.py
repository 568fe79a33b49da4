"""The one Jinja environment every rendered text comes from.

Templates are looked up in a user's folder first (``--templates``), then the
municipality's own overrides (``templates/<id>/``), then the shared defaults. Sandboxed,
strict about undefined names, and values from manifests are data: they are passed in,
never rendered as templates; HTML templates escape every one of them.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from sns_policy.report import markdown
from sns_policy.resources import templates_dir
from sns_policy.words import text


def environment(extra: Path | None = None, municipality: str = "", lang: str = "ja") -> SandboxedEnvironment:
    """Templates for one municipality, their words in `lang`: ``t(key, **params)`` is the
    catalogue's text of `key` (sns_policy.words), and ``lang`` the language itself."""
    base = templates_dir()
    folders = ([extra / municipality, extra] if extra else []) + ([base / municipality] if municipality else []) + [base]
    env = SandboxedEnvironment(loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]),
                               undefined=StrictUndefined, keep_trailing_newline=False,
                               # HTML pages escape every value; text templates stay plain.
                               autoescape=lambda name: bool(name and name.endswith(".html.j2")),
                               trim_blocks=True, lstrip_blocks=True)
    env.globals["t"] = lambda key, /, **params: text(key, **params).get(lang)
    env.globals["lang"] = lang
    # Markdown templates (.md.j2) put every value through these (sns_policy.report.markdown).
    env.filters.update(md=markdown.text, md_link=markdown.link, md_autolink=markdown.autolink)
    return env
