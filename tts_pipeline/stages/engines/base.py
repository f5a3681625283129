"""What every TTS engine shares: the engine Protocol and the sentence, WAV and settings helpers.

Light on purpose: the registry, the voices loader and every engine import it; no engine library loads here.
"""

from __future__ import annotations

import os
import re
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from tts_pipeline.errors import BadInput, EngineError

if TYPE_CHECKING:
    import onnxruntime

    from tts_pipeline.stages.voices import Voice

# One engine call gets at most this many characters: long paragraphs are rendered in pieces so a
# run-on text never meets an engine's time or memory limits.
MAX_CHUNK_CHARS = 1500
# A sentence ends at . ! ? (and any closing quote) before a capital, but not after dotted letters (U.K.).
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))(?<![A-Z]\.[A-Z]\.)\s+(?=[\"“‘(\[]?[A-Z0-9])")


class TTSEngine(Protocol):
    """Renders text to a mono 16-bit WAV file. One object per process/worker; close() when done."""

    def synthesize(self, text: str, wav_path: Path) -> None: ...

    def close(self) -> None: ...


class EngineClass(Protocol):
    """What the registry asks of an engine class; answering loads no engine library or model."""

    name: str
    alphabet: str | None  # the phoneme alphabet it takes inside [[...]]: "espeak", "ipa" or None
    default_rate: int  # words per minute of the engine left to itself (a plain-reading baseline)
    # Its frozen voice-file settings dataclass: KEYS, parse(data, where) and engine_defaults() (the same voice
    # at the engine's own tuning, keeping what locates the voice, e.g. piper's model).
    settings_type: type

    def from_voice(self, voice: Voice, threads: int = 0) -> TTSEngine: ...  # threads: for a neural model

    def problem(self, voice: Voice) -> str: ...


# Self-repair re-renders a faulty paragraph. An engine may define retake(text, wav_path, attempt) to say it
# differently (another rate or speed for deterministic engines); without one, the paragraph is rendered
# again as it was, which for a stochastic engine (Piper's sampling noise) is a fresh sample.
RETAKE_RATE_STEP = 0.06  # each retake is this much slower than the voice's rate: a different render, same voice


def retake(engine: TTSEngine, text: str, wav_path: Path, attempt: int) -> None:
    """Render text again for self-repair (attempt 1, 2, ...)."""
    method = getattr(engine, "retake", None)
    if method is None:
        engine.synthesize(text, wav_path)
    else:
        method(text, wav_path, attempt)


def split_sentences(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[str]:
    """Sentences of text; any longer than max_chars are cut at a comma or space (never in [[...]])."""
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        while len(sentence) > max_chars:
            cut = _cut_point(sentence, max_chars)
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence.strip():
            pieces.append(sentence.strip())
    return pieces


def _cut_point(text: str, max_chars: int) -> int:
    window = text[:max_chars]
    for mark in (", ", "; ", " "):
        cut = window.rfind(mark)
        while cut > 0 and window[:cut].count("[[") != window[:cut].count("]]"):
            cut = window.rfind(mark, 0, cut)
        if cut > max_chars // 3:
            return cut + 1
    return max_chars


def write_joined_wav(
    pieces: Iterator[tuple[bytes, int]] | list[tuple[bytes, int]], wav_path: Path, pause_ms: int
) -> None:
    """Write 16-bit mono PCM pieces (frames, sample rate) to one WAV, pause_ms of silence between them."""
    with wave.open(str(wav_path), "wb") as out:
        rate = None
        for frames, piece_rate in pieces:
            if rate is None:
                rate = piece_rate
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(rate)
            elif pause_ms:
                out.writeframes(b"\x00\x00" * (rate * pause_ms // 1000))
            out.writeframes(frames)
        if rate is None:
            raise BadInput("there is no text to synthesise")


def render_sentences(render: Callable[[str, Path], None], text: str, wav_path: Path, pause_ms: int) -> None:
    """Render text sentence by sentence with `render` (text -> WAV) and join them with pauses."""
    sentences = split_sentences(text) if pause_ms or len(text) > MAX_CHUNK_CHARS else [text]
    if len(sentences) == 1:
        render(sentences[0], wav_path)
        return
    parts: list[tuple[bytes, int]] = []
    piece = wav_path.with_suffix(".piece.wav")
    try:
        for sentence in sentences:
            render(sentence, piece)
            with wave.open(str(piece), "rb") as wav:
                parts.append((wav.readframes(wav.getnframes()), wav.getframerate()))
    finally:
        piece.unlink(missing_ok=True)
    write_joined_wav(parts, wav_path, pause_ms)


def validate_wav(path: Path) -> float:
    """Check the engine wrote a readable, non-empty WAV; return its duration in seconds."""
    try:
        with wave.open(str(path), "rb") as wav:
            frames, rate = wav.getnframes(), wav.getframerate()
    except (OSError, EOFError, wave.Error) as exc:
        raise EngineError(f"engine wrote no valid WAV at {path}: {exc}") from None
    if frames == 0 or rate <= 0:
        raise EngineError(f"engine wrote an empty WAV at {path}")
    return frames / rate


S = TypeVar("S")


def voice_settings(voice: Voice, settings_type: type[S]) -> S:
    """The voice's settings for an engine; a Voice built in code without any gets the engine's defaults."""
    if voice.settings is None:
        return settings_type()
    if not isinstance(voice.settings, settings_type):
        raise BadInput(f"voice '{voice.name}' has {type(voice.settings).__name__}, not {settings_type.__name__}")
    return voice.settings


def cpu_session(model: Path, threads: int = 0, what: str = "model") -> onnxruntime.InferenceSession:
    """An onnxruntime CPU session for a neural voice's model, on `threads` threads (0: one per core: a lone
    narration gets every core; batch workers get a share each, as the ONNX threads spin while they wait).
    BadInput naming the model when it cannot be loaded."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or os.cpu_count() or 1
    options.inter_op_num_threads = 1  # the models run one node after another; more threads only spin
    try:
        return onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own types for a corrupt model
        raise BadInput(f"cannot load {what} {model}: {type(exc).__name__}: {exc}") from None
