"""Files that appear whole or not at all: written beside their destination under a hidden temporary name,
then renamed into place (a reader, a crash or Ctrl-C never leaves half a file)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def replace_atomically(dest: Path, write: Callable[[Path], None], mode: int | None = None) -> Path:
    """Call write(tmp) on a hidden temporary file beside dest, then rename it to dest; mode: its permissions
    (mkstemp makes 0600, right for a private cache, not for files a web server publishes)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.tmp-", dir=dest.parent)
    os.close(fd)
    try:
        write(Path(name))
        if mode is not None:
            os.chmod(name, mode)
        os.replace(name, dest)
    finally:
        if os.path.exists(name):
            os.unlink(name)
    return dest


def write_atomically(dest: Path, content: str | bytes, mode: int = 0o644) -> Path:
    """Write text (UTF-8) or bytes to dest through replace_atomically."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return replace_atomically(dest, lambda tmp: tmp.write_bytes(data), mode)
