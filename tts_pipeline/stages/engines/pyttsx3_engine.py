"""pyttsx3 on espeak-ng, with the 2.99 espeak driver's quirks contained here.

Quirks (measured): save_to_file + runAndWait can return before the WAV exists, because the file is
written from espeak's callback when the utterance ends; the driver print()s "Audio saved to ..." to
our stdout; espeak-ng can be initialised only once per process; the driver calls espeak_Synth without
espeakPHONEMES, so lexicon phonemes in [[...]] would be read out as letters: PhonemeSynth adds the flag.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.stages.engines.base import RETAKE_RATE_STEP, render_sentences, validate_wav, voice_settings
from tts_pipeline.stages.engines.pyttsx3_settings import Pyttsx3Settings

if TYPE_CHECKING:
    from tts_pipeline.stages.voices import Voice

log = logging.getLogger(__name__)

# Seconds to wait for espeak's end-of-utterance callback: a fixed start-up allowance plus a generous
# per-character budget (espeak renders far faster than real time).
WAIT_BASE_S = 15.0
WAIT_PER_CHAR_S = 0.01

_espeak_loaded = False
ESPEAK_WORDGAP = 7  # speak_lib.h espeak_PARAMETER: a pause between words, in units of 10 ms


def espeak_word_gap(word_gap_ms: int) -> int:
    """A voice's word gap in espeak's 10 ms units (espeak-ng -g, espeakWORDGAP); any gap at all is at least 1."""
    return max(1, round(word_gap_ms / 10)) if word_gap_ms else 0


# "auto" (system libespeak-ng when installed, else espeakng-loader's), "system" or "bundled".
ESPEAK_CHOICE_ENV = "TTS_PIPELINE_ESPEAK"


def load_espeak_library() -> str:
    """Make libespeak-ng loadable by pyttsx3: the system's when present, else espeakng-loader's.

    pyttsx3 dlopen()s "libespeak-ng.so.1" by soname; once the wheel's copy (same soname) is loaded, that
    lookup finds it without LD_LIBRARY_PATH. Loaded RTLD_LOCAL, not GLOBAL: piper's espeakbridge carries
    its own espeak-ng, and global espeak_* symbols would bind its calls to ours (a segfault in one process).
    """
    global _espeak_loaded
    choice = os.environ.get(ESPEAK_CHOICE_ENV, "auto")
    if choice not in ("auto", "system", "bundled"):
        raise BadInput(f"{ESPEAK_CHOICE_ENV} must be auto, system or bundled, not {choice!r}")
    if choice != "bundled" and ctypes.util.find_library("espeak-ng"):
        _espeak_loaded = True
        return "system"
    if choice == "system":
        raise BadInput(f"{ESPEAK_CHOICE_ENV}=system but no system libespeak-ng is installed")
    import espeakng_loader

    if not _espeak_loaded:
        # espeak-ng appends "espeak-ng-data" to ESPEAK_DATA_PATH.
        os.environ.setdefault("ESPEAK_DATA_PATH", str(Path(espeakng_loader.get_data_path()).parent))
        ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_LOCAL)
        _espeak_loaded = True
    return espeakng_loader.get_library_path()


def _discard_print(*_args, **_kwargs) -> None:
    """Stands in for print() inside pyttsx3's espeak driver module, whose callback prints to stdout."""


def espeak_voice_ids() -> list[str]:
    """Identifiers of the installed espeak-ng voices, e.g. 'gmw/en-us'."""
    load_espeak_library()
    import pyttsx3

    return [v.id for v in pyttsx3.init("espeak").getProperty("voices")]


def resolve_voice(name: str, voice_ids: list[str]) -> str:
    """Accept 'gmw/en-us' or its last part 'en-us' (case-insensitive); return espeak's name for it."""
    wanted = name.lower()
    for voice_id in voice_ids:
        if wanted in (voice_id, voice_id.rsplit("/", 1)[-1]):
            return voice_id.rsplit("/", 1)[-1]
    raise BadInput(f"espeak-ng has no voice '{name}' (try e.g. en-us, en, en-gb-x-rp)")


class PhonemeSynth:
    """Stands in for the driver's `_espeak` module: the same, except Synth also honours [[phonemes]]."""

    def __init__(self, module) -> None:
        self._module = module

    def __getattr__(self, name: str):
        return getattr(self._module, name)

    def Synth(self, text, *args, flags: int = 0, **kwargs):
        return self._module.Synth(text, *args, flags=flags | self._module.PHONEMES, **kwargs)


# Set when espeak's callback has *returned* from the end of an utterance. The driver notifies
# finished-utterance first and only then, still in the callback thread, pumps its command queue and ends
# the loop; starting the next utterance before that returns lets the old callback run the new
# runAndWait's end-of-loop stop(), which cancels the new utterance half-way (seen as completed=False).
_utterance_done = threading.Event()
# A cancelled utterance (the driver's stop() raced it) is rendered again this many times.
CANCELLED_RETRIES = 2


def _wait_until_idle() -> None:
    """Wait until espeak reports the previous utterance over.

    IsPlaying() can stay true for a moment after the end-of-utterance callback; the driver's end of loop
    calls stop() when it is, which flags a cancel that then hits the *next* utterance.
    """
    from pyttsx3.drivers import _espeak

    deadline = time.monotonic() + WAIT_BASE_S
    while _espeak.IsPlaying() and time.monotonic() < deadline:
        time.sleep(0.001)


def _watch_callback_return(driver) -> None:
    """Re-register the driver's synth callback wrapped so that _utterance_done marks its return."""
    if getattr(driver, "_tts_pipeline_watched", False):
        return
    from pyttsx3.drivers import _espeak

    on_synth = driver._onSynth

    def watched(wav, numsamples, events):
        was_speaking = driver._speaking
        try:
            return on_synth(wav, numsamples, events)
        finally:
            if was_speaking and not driver._speaking:
                _utterance_done.set()

    _espeak.SetSynthCallback(watched)
    driver._tts_pipeline_watched = True


class Pyttsx3Engine:
    name = "pyttsx3"
    alphabet = "espeak"  # [[...]] holds espeak-ng phoneme mnemonics
    default_rate = 175  # espeak-ng's own
    settings_type = Pyttsx3Settings

    def __init__(
        self,
        voice: str,
        rate: int = default_rate,
        volume: float = 1.0,
        pitch: int | None = None,
        sentence_pause_ms: int = 0,
        word_gap_ms: int = 0,
    ) -> None:
        load_espeak_library()
        import pyttsx3
        from pyttsx3.drivers import espeak as espeak_driver

        espeak_driver.print = _discard_print  # keep our stdout clean (module-level shadowing)
        if not isinstance(espeak_driver._espeak, PhonemeSynth):
            espeak_driver._espeak = PhonemeSynth(espeak_driver._espeak)
        self.sentence_pause_ms = sentence_pause_ms
        self._engine = pyttsx3.init("espeak")
        self._settings = {
            "voice": resolve_voice(voice, [v.id for v in self._engine.getProperty("voices")]),
            "rate": int(rate),
            "volume": float(volume),
            **({"pitch": int(pitch)} if pitch is not None else {}),
        }
        self._word_gap = espeak_word_gap(word_gap_ms)
        self._finished = threading.Event()
        self._completed = False
        self._token = self._engine.connect("finished-utterance", self._on_finished)
        _watch_callback_return(self._engine.proxy._driver)

    @classmethod
    def from_voice(cls, voice: Voice, threads: int = 0) -> Pyttsx3Engine:
        del threads  # espeak-ng renders on one thread
        return cls(
            voice.engine_voice,
            rate=voice.rate,
            volume=voice.volume,
            pitch=voice.pitch,
            sentence_pause_ms=voice.pauses.sentence_ms,
            word_gap_ms=voice_settings(voice, Pyttsx3Settings).word_gap_ms,
        )

    @staticmethod
    def problem(voice: Voice) -> str:
        """Why the voice cannot be used here ("" when it can), or a BadInput saying so: espeak lacks the voice."""
        resolve_voice(voice.engine_voice, espeak_voice_ids())
        return ""

    def _on_finished(self, name=None, completed=True) -> None:
        self._completed = bool(completed)
        self._finished.set()

    def synthesize(self, text: str, wav_path: Path) -> None:
        """Render text to wav_path, sentence by sentence with the voice's pause between sentences."""
        render_sentences(self._synthesize_one, text, Path(wav_path), self.sentence_pause_ms)

    def retake(self, text: str, wav_path: Path, attempt: int) -> None:
        """Self-repair: the same text a little slower (espeak-ng is deterministic: the same rate, the same audio)."""
        rate = self._settings["rate"]
        self._settings["rate"] = max(80, round(rate * (1 - RETAKE_RATE_STEP * attempt)))
        try:
            self.synthesize(text, wav_path)
        finally:
            self._settings["rate"] = rate

    def _synthesize_one(self, text: str, wav_path: Path) -> None:
        wav_path = Path(wav_path)
        for attempt in range(1, CANCELLED_RETRIES + 2):
            if self._render(text, wav_path):
                validate_wav(wav_path)
                return
            log.warning("espeak-ng cancelled an utterance (attempt %d); rendering it again", attempt)
        raise EngineError("espeak-ng stopped before the end of the text")

    def _render(self, text: str, wav_path: Path) -> bool:
        """One save_to_file + runAndWait, waited out; False when the driver cancelled the utterance."""
        wav_path.unlink(missing_ok=True)
        self._finished.clear()
        _utterance_done.clear()
        driver = self._engine.proxy._driver
        self._apply_settings(driver)
        _wait_until_idle()  # after the settings: in espeak's asynchronous mode they queue behind its fifo
        driver._stopping = False  # a stale stop() flag would cancel this utterance
        self._engine.save_to_file(text, str(wav_path))
        self._engine.runAndWait()
        timeout = WAIT_BASE_S + WAIT_PER_CHAR_S * len(text)
        if not self._finished.wait(timeout) or not _utterance_done.wait(WAIT_BASE_S):
            raise EngineError(f"espeak-ng did not finish within {timeout:.0f} s")
        return self._completed

    def _apply_settings(self, driver) -> None:
        """Set voice, rate, volume, pitch and word gap on espeak directly, before every utterance.

        engine.setProperty only queues the change behind the driver's busy flag, and the driver's end of
        loop empties that queue; espeak's settings are also process-wide, shared with any other driver.
        Applied here, each utterance is spoken as this voice says (a lost rate change once made the
        sample 20 % faster)."""
        for name, value in self._settings.items():
            driver.setProperty(name, value)
        from pyttsx3.drivers import _espeak

        _espeak.SetParameter(ESPEAK_WORDGAP, self._word_gap, 0)

    def close(self) -> None:
        if self._token is not None:
            self._engine.disconnect(self._token)
            self._token = None
