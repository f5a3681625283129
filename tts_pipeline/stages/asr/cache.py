"""CTranslate2 model folders joined from split packages into the user cache (modelcache.py).

Everything lands under a temporary name first and is renamed into place, so a crash or a concurrent
process never leaves a half-written model where a reader would take it for a whole one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path


def assemble_split_model(dest: Path, parts: Iterable[Path], files: Iterable[Path]) -> Path:
    """A CTranslate2 model folder at ``dest``: ``model.bin`` = the parts joined in order, plus ``files``.

    Reused when ``dest/model.bin`` already has the summed size of the parts; otherwise rebuilt in a
    temporary folder beside ``dest`` and renamed into place. Returns ``dest``.
    """
    parts, files = list(parts), list(files)
    expected = sum(p.stat().st_size for p in parts)
    if _complete(dest, expected, files):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        with open(tmp / "model.bin", "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out, 16 << 20)
        size = (tmp / "model.bin").stat().st_size
        if size != expected:
            raise OSError(f"joined model.bin is {size} bytes, expected {expected}")
        for file in files:
            shutil.copyfile(file, tmp / file.name)
        if dest.exists():  # stale (wrong size) or left by an older release
            shutil.rmtree(dest, ignore_errors=True)
        try:
            os.replace(tmp, dest)
        except OSError:  # another process renamed its complete copy first
            if not _complete(dest, expected, files):
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest


def _complete(dest: Path, expected: int, files: list[Path]) -> bool:
    model = dest / "model.bin"
    return model.is_file() and model.stat().st_size == expected and all((dest / f.name).is_file() for f in files)
