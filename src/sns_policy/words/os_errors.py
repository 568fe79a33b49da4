"""Why the file system said no, in words: the operating system's own text is English (and
on a Japanese Windows, CP932 Japanese); the common reasons are said in both languages."""

from __future__ import annotations

import errno

from sns_policy.words import Text, text

WORDS: dict[str, tuple[str, str]] = {
    "os.EACCES": ("読み書きの権限がありません", "permission denied"),
    "os.ENAMETOOLONG": ("名前が長すぎます", "the name is too long"),
    "os.ELOOP": ("シンボリックリンクが循環しています", "a loop of symbolic links"),
    "os.ENOENT": ("ありません", "it does not exist"),
    "os.ENOTDIR": ("途中にフォルダではないものがあります", "a part of the path is not a folder"),
    "os.EISDIR": ("フォルダです（ファイルを指定してください）", "it is a folder (give a file)"),
    "os.ENOSPC": ("ディスクの空きがありません", "no space left on the disk"),
    "os.EROFS": ("読み取り専用の場所です", "a read-only place"),
    "os.EEXIST": ("既にあります", "it exists already"),
    "os.EBUSY": ("使用中です", "it is in use"),
    "os.other": ("{reason}", "{reason}"),
}
_KNOWN = {getattr(errno, name[3:]): name for name in WORDS if name != "os.other" and hasattr(errno, name[3:])}
_KNOWN[errno.EPERM] = "os.EACCES"


def reason_words(exc: OSError) -> Text:
    """The reason of `exc` in words, or the system's own text for a rarer one."""
    key = _KNOWN.get(exc.errno or 0)
    return text(key) if key else text("os.other", reason=exc.strerror or str(exc))
