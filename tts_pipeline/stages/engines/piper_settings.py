"""The voice-file settings only the piper engine reads. Light: onnxruntime is not imported here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

from tts_pipeline.errors import BadInput


def _optional_float(data: Mapping[str, object], key: str) -> float | None:
    value = data.get(key)
    return None if value is None else float(value)  # a bad type raises here, reported by parse


@dataclass(frozen=True)
class PiperSettings:
    model: str = ""  # an .onnx path, relative to the voice file
    package: str = ""  # or the Python package whose data/ folder holds <voice>.onnx
    # The model's sampling noise (VITS noise_scale) and duration noise (noise_w); None keeps the model's own
    # (joe: 0.667 and 0.8). Lower is steadier; only at 0 is every render of a text the same.
    noise_scale: float | None = None
    noise_w: float | None = None

    KEYS: ClassVar[tuple[str, ...]] = ("model", "package", "noise_scale", "noise_w")

    @classmethod
    def parse(cls, data: Mapping[str, object], where: str) -> PiperSettings:
        """The settings in a voice file's table; where ("voice file x.toml") starts each BadInput."""
        try:
            settings = cls(
                model=str(data.get("model", "")),
                package=str(data.get("package", "")),
                noise_scale=_optional_float(data, "noise_scale"),
                noise_w=_optional_float(data, "noise_w"),
            )
        except (TypeError, ValueError) as exc:
            raise BadInput(f"{where} has a bad value: {exc}") from None
        for key in ("noise_scale", "noise_w"):
            value = getattr(settings, key)
            if value is not None and not 0.0 <= value <= 2.0:
                raise BadInput(f"{where}: {key} {value} is outside 0-2")
        return settings

    def engine_defaults(self) -> PiperSettings:
        """The same model at its own sampling noise."""
        return replace(self, noise_scale=None, noise_w=None)
