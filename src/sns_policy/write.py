"""Writing what the tool makes (schemas, pages, a site, a profile with --out): atomically,
and never over something that is not the user's regular file.

What `--out` may name, and what happens:

- a new file, or a regular file: written atomically (a temporary file in the same folder,
  then renamed over it), so a reader never sees half a file. A file replaced keeps its
  permissions (and, where the tool may set it, its owner). Missing folders on the way are
  created, as every command that writes has always done (a site, the schemas, import).
- a symbolic link: written through, to the file it points to, atomically; the link itself
  stays a link (a renamed temporary file would have replaced the link with a plain file).
- a character device or a named pipe (/dev/null, /dev/tty, a FIFO, a shell's
  ``>(process)``): written into directly, as a stream. That is what the user asked for —
  output sent somewhere that is not a file — and an atomic write cannot apply to a stream:
  renaming a file over the node would replace the device or the pipe with a plain file.
  A FIFO nobody reads is refused at once rather than waited on (no hang).
- ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N`` (or a link that leads to one): the
  descriptor the tool already holds, written as it is (a shell's ``>>`` keeps appending).
- a folder, a block device, a socket, a path under a regular file, a place without
  permission: `WriteError`, which says in words which path and why; nothing is written.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from sns_policy.words import Text
from sns_policy.words import text as msg


class WriteError(Exception):
    """A file the tool was asked to write and could not, said in words (`key` of the catalogue)."""

    def __init__(self, key: str, path: Path | str, **params: object) -> None:
        super().__init__(key, str(path))
        self.key = key
        self.path = str(path)
        self.params = params

    def words(self) -> Text:
        return msg(self.key, path=self.path, **self.params)

    def __str__(self) -> str:
        return self.words().en


def write_atomic(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` as the module says: atomically where it is a file."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """`write_atomic` for bytes (a workbook, a PDF)."""
    path = Path(path)
    descriptor = _descriptor_of(path)
    if descriptor is not None:
        _write_descriptor(path, descriptor, data)
        return
    try:
        found = os.stat(path)  # what the path leads to, links followed
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise error_of(path, exc) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise WriteError("write.is-folder", path)
    if found is not None and (stat.S_ISCHR(found.st_mode) or stat.S_ISFIFO(found.st_mode)):
        _write_stream(path, data, fifo=stat.S_ISFIFO(found.st_mode))
        return
    if found is not None and not stat.S_ISREG(found.st_mode):
        kind = "block" if stat.S_ISBLK(found.st_mode) else "socket" if stat.S_ISSOCK(found.st_mode) else "other"
        raise WriteError("write.not-a-file", path, kind=msg(f"write.kind.{kind}"))
    if os.path.islink(path):
        # Through the link to its file: the link stays. A link to nothing yet makes its
        # file, in a folder that must exist already (the tool makes no folders for a link).
        target = Path(os.path.realpath(path))
    else:
        target = path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise error_of(path, exc) from None
    _replace(path, target, data, found)


def write_replacing(path: Path, data: bytes) -> None:
    """Atomically put `data` at `path` in a folder that exists, whatever the name is now: a
    link there is replaced itself, never written through (a site's own folder, which must
    not reach outside itself). Callers check what they replace."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise error_of(path, exc) from None
    _replace(path, path, data, found if found is not None and stat.S_ISREG(found.st_mode) else None)


def _replace(path: Path, target: Path, data: bytes, found: os.stat_result | None) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as exc:
        raise error_of(path, exc, folder=target.parent) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if found is not None:  # the file's own permissions (and owner, where the tool may set it)
            os.chmod(tmp, stat.S_IMODE(found.st_mode))
            if hasattr(os, "chown") and (found.st_uid, found.st_gid) != (os.stat(tmp).st_uid, os.stat(tmp).st_gid):
                try:
                    os.chown(tmp, found.st_uid, found.st_gid)
                except OSError:
                    pass
        else:
            # mkstemp creates the file private (0600); give it the mode a plain open() would.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise error_of(path, exc, folder=target.parent) from None
        raise


def _write_stream(path: Path, data: bytes, *, fifo: bool) -> None:
    """Straight into a device or a pipe (not atomic: a stream has no 'half a file')."""
    flags = os.O_WRONLY | getattr(os, "O_BINARY", 0)
    if fifo:
        flags |= getattr(os, "O_NONBLOCK", 0)  # no reader: ENXIO now, instead of waiting forever
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise WriteError("write.no-reader", path) from None
        raise error_of(path, exc) from None
    if fifo:
        os.set_blocking(fd, True)
    try:
        _write_all(fd, data)
    except OSError as exc:
        raise error_of(path, exc) from None
    finally:
        os.close(fd)


_DESCRIPTOR = re.compile(r"/(?:dev/fd|proc/self/fd)/(\d+)")
_NAMED = {"/dev/stdout": 1, "/dev/stderr": 2}


def _descriptor_of(path: Path) -> int | None:
    """The open descriptor that `path` names (/dev/stdout, /dev/fd/3), itself or through
    the links that lead to it; None for any other path."""
    if os.name != "posix":
        return None
    current = os.path.abspath(path)
    for _ in range(40):  # as many links as the system follows
        if current in _NAMED:
            return _NAMED[current]
        found = _DESCRIPTOR.fullmatch(current)
        if found:
            return int(found.group(1))
        if not os.path.islink(current):
            return None
        try:
            current = os.path.normpath(os.path.join(os.path.dirname(current), os.readlink(current)))
        except OSError:
            return None
    return None


def _write_descriptor(path: Path, fd: int, data: bytes) -> None:
    import sys

    for stream in (sys.stdout, sys.stderr):  # what the tool wrote there before comes first
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    try:
        _write_all(fd, data)
    except OSError as exc:
        raise error_of(path, exc) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def error_of(path: Path, exc: OSError, folder: Path | None = None) -> WriteError:
    """The OSError of a write, said in words about the path the user gave."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return WriteError("write.denied", path, folder=str(folder or _existing_parent(path)))
    if code in (errno.ENOTDIR, errno.EEXIST):  # a file where a folder has to be
        return WriteError("write.under-a-file", path, file=str(_file_on_the_way(path)))
    if code == errno.EISDIR:
        return WriteError("write.is-folder", path)
    if code == errno.EROFS:
        return WriteError("write.read-only", path)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return WriteError("write.no-space", path)
    if code == errno.ELOOP:
        return WriteError("write.link-loop", path)
    if code == errno.ENAMETOOLONG:
        return WriteError("write.name-too-long", path)
    if code == errno.EPIPE:
        return WriteError("write.closed", path)
    return WriteError("write.failed", path, reason=os.strerror(code) if code else str(exc))


def _existing_parent(path: Path) -> Path:
    for parent in Path(os.path.abspath(path)).parents:
        if parent.exists():
            return parent
    return Path(os.path.abspath(path)).parent


def _file_on_the_way(path: Path) -> Path:
    """The first part of `path` that exists and is not a folder (where a folder must be)."""
    absolute = Path(os.path.abspath(path))
    for part in reversed(absolute.parents):
        if part.exists() and not part.is_dir():
            return part
    return absolute.parent
