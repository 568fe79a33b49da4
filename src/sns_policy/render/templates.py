"""The one Jinja environment every rendered text comes from.

Templates are looked up in a user's folder first (``--templates``), then the
municipality's own overrides (``templates/<id>/``), then the shared defaults. Sandboxed and
bounded (sns_policy.render.sandbox: loops, time, recursion, sizes), strict about undefined
names, and values from manifests are data: they are passed in, never rendered as
templates; HTML templates escape every one of them. A template is read only from inside
its folder: a symbolic link there that leads out of it (to /etc/passwd) is refused.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Any, Callable

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateNotFound
from jinja2.exceptions import TemplateError
from jinja2.loaders import split_template_path

from sns_policy.render.sandbox import BoundedSandbox
from sns_policy.report import markdown
from sns_policy.resources import templates_dir
from sns_policy.words import Text
from sns_policy.words import text


class TemplateOutside(TemplateError):
    """A template whose file, links followed, is outside the folder it was found in."""

    def __init__(self, name: str, filename: str, folder: str) -> None:
        super().__init__(text("template.outside", name=name, folder=folder).en)
        self.name = name
        self.where = (filename, None)
        self.folder = folder

    def words(self) -> Text:
        return text("template.outside", name=self.name, folder=self.folder)


class ConfinedLoader(FileSystemLoader):
    """A FileSystemLoader for one folder that reads only files inside `root` once every
    link is followed (the folder itself may be a link: `root` is where it leads)."""

    def __init__(self, searchpath: Path, root: Path) -> None:
        super().__init__(str(searchpath))
        self.root = os.path.realpath(root)

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = posixpath.join(searchpath, *pieces)
            if os.path.isfile(filename):  # a regular file (a FIFO or a device is none: never read)
                break
        else:
            raise TemplateNotFound(template)
        real = os.path.realpath(filename)
        try:
            inside = os.path.commonpath([real, self.root]) == self.root
        except ValueError:  # another drive
            inside = False
        if not inside:
            raise TemplateOutside(template, os.path.normpath(filename), self.root)
        return super().get_source(environment, template)


class UnknownWord(TemplateError):
    """``t(key)`` with a key the catalogue does not have."""

    def __init__(self, key: str) -> None:
        super().__init__(text("template.unknown-word", key=key).en)
        self.key = key

    def words(self) -> Text:
        return text("template.unknown-word", key=self.key)


def _word(key: Any, params: dict[str, Any], lang: str) -> str:
    from sns_policy.words import CATALOG

    if not isinstance(key, str) or key not in CATALOG:
        raise UnknownWord(str(key))
    return text(key, **params).get(lang)


def environment(extra: Path | None = None, municipality: str = "", lang: str = "ja") -> BoundedSandbox:
    """Templates for one municipality, their words in `lang`: ``t(key, **params)`` is the
    catalogue's text of `key` (sns_policy.words), and ``lang`` the language itself."""
    base = templates_dir()
    folders = ([(extra / municipality, extra)] if extra and municipality else []) + ([(extra, extra)] if extra else []) \
        + ([(base / municipality, base)] if municipality else []) + [(base, base)]
    env = BoundedSandbox(loader=ChoiceLoader([ConfinedLoader(folder, root) for folder, root in folders]),
                         undefined=StrictUndefined, keep_trailing_newline=False,
                         # HTML pages escape every value; text templates stay plain.
                         autoescape=lambda name: bool(name and name.endswith(".html.j2")),
                         trim_blocks=True, lstrip_blocks=True,
                         user_folders=[str(extra)] if extra else [])
    env.globals["t"] = lambda key, /, **params: _word(key, params, lang)
    env.globals["lang"] = lang
    # Markdown templates (.md.j2) put every value through these (sns_policy.report.markdown).
    env.filters.update(md=markdown.text, md_link=markdown.link, md_autolink=markdown.autolink)
    return env
