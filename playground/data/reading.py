"""Reading files a person names, with a bound: a path may name a device (/dev/zero never ends) or a
pipe (a FIFO blocks until someone writes), whose size `stat` gives as 0, so the size check alone
lets them through. Only regular files are read, and never more than the caller's limit + 1 bytes."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from playground.errors import PlaygroundError
from playground.words import tr

READ_CHUNK = 2**20


class NotAFile(OSError):
    """The path names a device, a pipe, a socket or a folder; its strerror says so for a message."""

    def __init__(self) -> None:
        super().__init__(errno.EINVAL, tr("it is a device, pipe or folder, not a file"))


def open_regular(path: str | Path) -> BinaryIO:
    """The file opened for reading, or NotAFile (an OSError) when it is not a regular file.

    Opened without blocking, so that a FIFO with no writer is refused instead of waiting forever;
    the type is then checked on the open descriptor, so the path cannot be swapped in between."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotAFile()
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_bounded(path: str | Path, limit: int, refuse: Callable[[int], PlaygroundError]) -> bytes:
    """A regular file's bytes; `refuse(size)` is raised for one past `limit` bytes, found from its size
    or, for one that grows while read, after reading limit + 1 bytes. OSError as reading raises it."""
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise refuse(size)
        chunks, count = [], 0
        while count <= limit:
            chunk = stream.read(min(READ_CHUNK, limit + 1 - count))
            if not chunk:
                break
            chunks.append(chunk)
            count += len(chunk)
    if count > limit:
        raise refuse(count)
    return b"".join(chunks)
