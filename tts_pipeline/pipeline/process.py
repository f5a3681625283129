"""Process-wide settings, made once by an entry point (a command, a batch worker), never by a library object.

glibc's mmap threshold: buffers from this size up get their own mapping, returned to the system when freed.
Left dynamic, glibc raises the threshold after big frees and then keeps freed audio and spectrogram
buffers in the heap, so each stage's peak stacks on the last. Measured on the sample page (one process,
audio stage then tiny.en): dynamic 634 MB peak, ASR 10.8 s; 1 MB fixed 555 MB but ASR 14 s (every
mid-size buffer faulted in afresh); 16 MB fixed 585 MB, ASR 10.5 s. Batch workers live through many
articles and share the cores: 1 MB keeps each under 600 MB (677 MB at 16 MB over 12 dev-set articles),
and with one ASR thread per worker the slower page faults cost little.
"""

from __future__ import annotations

ONE_ARTICLE_MMAP_THRESHOLD = 16 << 20
BATCH_WORKER_MMAP_THRESHOLD = 1 << 20

_threshold_set: int | None = None


def set_up_process(mmap_threshold: int = ONE_ARTICLE_MMAP_THRESHOLD) -> None:
    """Fix glibc's mmap threshold for this process (the first call decides; later calls keep it)."""
    global _threshold_set
    if _threshold_set is not None:
        return
    _threshold_set = mmap_threshold
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-3, mmap_threshold)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        pass


def return_freed_memory() -> None:
    """Hand freed heap memory back to the system (glibc malloc_trim), e.g. between the audio stage and ASR."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
