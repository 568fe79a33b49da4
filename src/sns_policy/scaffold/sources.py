"""A guideline's text from the forms it is published in: plain text, PDF, Word (.docx) and an
HTML page — each through a well-kept reader (pdfminer.six, python-docx, Beautiful Soup).

The text returned is what `source.txt` will hold and be hashed as: the ruleset's quotes are
checked against it, so it is the converted text itself, nothing tidied away but blank runs.
"""

from __future__ import annotations

import re
from pathlib import Path

SUFFIXES = (".txt", ".text", ".pdf", ".docx", ".html", ".htm")


class SourceError(Exception):
    """A guideline file we cannot read: a message key and its params."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def read_guideline(path: Path) -> str:
    if not path.is_file():
        raise SourceError("init.source-missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError("init.source-format", path=str(path), known=", ".join(SUFFIXES))
    try:
        if suffix == ".pdf":
            text = _pdf(path)
        elif suffix == ".docx":
            text = _docx(path)
        elif suffix in (".html", ".htm"):
            text = _html(path.read_bytes())
        else:
            text = _plain(path.read_bytes())
    except SourceError:
        raise
    except Exception as exc:  # a reader's own failure on a damaged file: said in one line
        raise SourceError("init.source-unreadable", path=str(path), problem=f"{type(exc).__name__}: {exc}") from None
    text = re.sub(r"\n{3,}", "\n\n", text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")).strip("\n")
    if not text.strip():
        raise SourceError("init.source-empty", path=str(path))
    return text + "\n"


def _plain(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp932"):  # as Windows editors and Excel save them
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("init.source-encoding")


def _pdf(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def _docx(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:  # guidelines put lists of items in tables, too
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _html(data: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript"]):
        tag.decompose()
    body = soup.find("main") or soup.body or soup
    return body.get_text("\n")
