"""Reading the user's files: bytes through the os calls, text as UTF-8, and a file that
cannot be read or decoded as a located input error in its place."""

from __future__ import annotations

import os

from sns_policy.diagnostics import Finding
from sns_policy.load.inputs import STDIN
from sns_policy.load.validation import input_error


def read_bytes(file: str) -> bytes:
    """A file's bytes through the os calls: half the cost of open() per small file, which
    matters when `check` reads thousands. Raises OSError."""
    handle = os.open(file, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(handle, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(handle)
    return b"".join(chunks)


def read_text(file: str, stdin_text: str | bytes | None = None) -> str:
    """A file's text (UTF-8, an optional BOM dropped); stdin as given, decoded like a file
    when given as bytes, so that broken UTF-8 there is a located input error too.
    Raises OSError and UnicodeDecodeError."""
    if file == STDIN:
        if isinstance(stdin_text, bytes):
            return stdin_text.decode("utf-8-sig")
        return stdin_text if stdin_text is not None else ""
    return read_bytes(file).decode("utf-8-sig")


def undecodable(exc: UnicodeDecodeError) -> tuple[int, int, str]:
    """Where the first byte UTF-8 could not decode is, as an editor counts: its line (the
    line feeds before it, plus one) and column (the characters since the last line feed,
    plus one), 1-based; and the byte, in hex (0xE9). Everything before it decodes."""
    before = exc.object[: exc.start]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column, f"0x{exc.object[exc.start]:02X}"


def encoding_error(file: str, exc: UnicodeDecodeError) -> Finding:
    """The input error for a file that is not UTF-8, at its first undecodable byte."""
    line, column, byte = undecodable(exc)
    return input_error("input.encoding", file, line, column, byte=byte)


def read_input(file: str, stdin_text: str | bytes | None = None) -> str | Finding:
    """An input's text, or the input error that stands in its place."""
    try:
        return read_text(file, stdin_text)
    except UnicodeDecodeError as exc:
        return encoding_error(file, exc)
    except OSError as exc:
        from sns_policy.words.os_errors import reason_words

        return input_error("input.unreadable", file, reason=reason_words(exc))
