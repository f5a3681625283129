"""What a narration is asked to do, and every default in one place (the CLI and the service show these)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tts_pipeline.stages.asr.base import DEFAULT_BACKEND, DEFAULT_BEAM_SIZE
from tts_pipeline.stages.verdict import DEFAULT_WER_THRESHOLD
from tts_pipeline.stages.voices import DEFAULT_VOICE

# Self-repair: a paragraph with a content fault is rendered again (and the audio verified again) up to this
# many times; then the faults stand and the verdict is fail. Each attempt costs one more recognition pass.
DEFAULT_REPAIR_ATTEMPTS = 2


@dataclass(frozen=True)
class NarrateOptions:
    voice: str = DEFAULT_VOICE
    asr_backend: str = DEFAULT_BACKEND
    asr_model: str | None = None
    beam_size: int = DEFAULT_BEAM_SIZE
    threshold: float = DEFAULT_WER_THRESHOLD
    rules_files: Sequence[Path] = field(default_factory=tuple)
    lexicon_files: Sequence[Path] = field(default_factory=tuple)
    site_rules_dir: Path | None = None  # learnt site templates (stages/sitetemplate.py); batch: OUT/_sites
    base_url: str | None = None  # where OUT is published, for embed.html (None: /audio/)
    repair_attempts: int = DEFAULT_REPAIR_ATTEMPTS
    # CPU threads for each model, the recogniser and a neural voice (0: their defaults, about one per core);
    # batch workers share the cores, so each gets cores / workers.
    cpu_threads: int = 0
    # Measurement baselines (scripts/eval_wer.py): the engine reads the article text as written, at its own
    # default rate and settings, with no lexicon; and speech rules left out by name.
    plain_reading: bool = False
    skip_speech_rules: Sequence[str] = field(default_factory=tuple)
    use_lexicons: bool = True
