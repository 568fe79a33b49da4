"""The audit report as one HTML page (screen and A4 print): the page the PDF is printed from."""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup

from sns_policy.audit.record import Audit
from sns_policy.model.dates import shown_wareki
from sns_policy.render.templates import environment


def css_string(value: str) -> Markup:
    """A CSS string literal for a value shown in a page margin box (no HTML escaping
    applies inside <style>): quotes and backslashes escaped, and no `<` to end the style."""
    text = json.dumps(str(value), ensure_ascii=False)
    return Markup(text.replace("<", "\\3C ").replace(">", "\\3E "))


def render_html(audit: Audit, lang: str, templates: Path | None = None) -> str:
    env = environment(templates, "", lang)
    env.globals["css"] = css_string
    env.globals["wareki"] = lambda day: shown_wareki(day) if lang == "ja" else day.isoformat()
    return env.get_template("audit/report.html.j2").render(audit=audit)
