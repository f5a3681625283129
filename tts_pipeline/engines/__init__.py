"""TTS engines behind one Protocol, keyed by name (like whisper's output writers)."""

from __future__ import annotations

import importlib.util
import re
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from ..errors import BadInput
from ..voices import Voice

# One engine call gets at most this many characters: long paragraphs are rendered in pieces so a
# run-on text never meets an engine's time or memory limits.
MAX_CHUNK_CHARS = 1500
# A sentence ends at . ! ? (and any closing quote) before a capital, but not after dotted letters (U.K.).
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))(?<![A-Z]\.[A-Z]\.)\s+(?=[\"“‘(\[]?[A-Z0-9])")


class TTSEngine(Protocol):
    """Renders text to a mono 16-bit WAV file. One object per process/worker; close() when done."""

    def synthesize(self, text: str, wav_path: Path) -> None: ...

    def close(self) -> None: ...


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


def _pyttsx3(voice: Voice) -> TTSEngine:
    from .pyttsx3_engine import Pyttsx3Engine  # imported lazily: loads libespeak-ng

    return Pyttsx3Engine(
        voice.engine_voice,
        rate=voice.rate,
        volume=voice.volume,
        pitch=voice.pitch,
        sentence_pause_ms=voice.pauses.sentence_ms,
        word_gap_ms=voice.word_gap_ms,
    )


def _piper(voice: Voice) -> TTSEngine:
    from .piper_engine import PiperEngine  # imported lazily: loads onnxruntime

    return PiperEngine.from_voice(voice)


ENGINES = {"pyttsx3": _pyttsx3, "piper": _piper}


def create_engine(voice: Voice) -> TTSEngine:
    try:
        factory = ENGINES[voice.engine]
    except KeyError:
        known = ", ".join(sorted(ENGINES))
        raise BadInput(f"voice '{voice.name}' uses unknown engine '{voice.engine}' (known: {known})") from None
    return factory(voice)


def voice_problem(voice: Voice) -> str:
    """Why the voice cannot be used on this machine ("" when it can), without loading a model."""
    try:
        if voice.engine == "pyttsx3":
            from .pyttsx3_engine import espeak_voice_ids, resolve_voice

            resolve_voice(voice.engine_voice, espeak_voice_ids())
        elif voice.engine == "piper":
            from .piper_engine import model_path

            if importlib.util.find_spec("piper") is None:
                return "piper-tts is not installed (pip install piper-tts)"
            model_path(voice)
        elif voice.engine not in ENGINES:
            return f"unknown engine '{voice.engine}'"
    except BadInput as exc:
        return str(exc)
    return ""
