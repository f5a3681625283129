"""One article end to end: text -> clean -> speech text -> TTS -> MP3 -> ASR -> verdict -> files.

Output for article <id> appears in OUT/<id>/ only when complete: everything is written into a hidden
temporary folder in OUT and renamed into place, so a failure or crash leaves no partial output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from tts_pipeline.article import Article, AudioCheck, Narration, Repair, Report, Script, Transcript, Verification
from tts_pipeline.errors import BadInput
from tts_pipeline.files import replace_atomically
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.pipeline.process import return_freed_memory
from tts_pipeline.publish import player
from tts_pipeline.publish.captions import write_captions
from tts_pipeline.stages import audio, chrome_rules, clean, speech
from tts_pipeline.stages.align import text_paragraphs
from tts_pipeline.stages.asr import Recognizer, create_recognizer, describe_recognizer
from tts_pipeline.stages.asr.audio import SAMPLE_RATE
from tts_pipeline.stages.engines import TTSEngine, create_engine, retake
from tts_pipeline.stages.lexicon import Lexicon, load_lexicons
from tts_pipeline.stages.second_look import SecondLook
from tts_pipeline.stages.textnorm import normalise
from tts_pipeline.stages.verify import verify_transcript, with_audio_faults
from tts_pipeline.stages.voices import Voice, get_voice

MAX_ID_LENGTH = 80


def article_id(name: str, title: str) -> str:
    """A safe folder name: the input file's stem, else the headline, as a lowercase ASCII slug."""
    raw = name or title
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")
    return slug or "article"


def prepare_out_dir(out: Path) -> bool:
    """Create OUT if needed and check we can write there. Returns True when we created it."""
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".write-test-"):
            pass
    except OSError as exc:
        if created:
            shutil.rmtree(out, ignore_errors=True)
        raise BadInput(f"cannot write to output folder {out}: {exc.strerror or exc}") from None
    return created


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def staged_dir(out: Path, name: str):
    """Yield a temporary folder inside OUT; on success it becomes OUT/<name>, on failure it vanishes."""
    staging = Path(tempfile.mkdtemp(dir=out, prefix=f".{name}.tmp-"))
    staging.chmod(0o777 & ~_current_umask())  # mkdtemp makes 0700; the final folder gets normal rights
    try:
        yield staging
        final = out / name
        if final.exists():
            old = Path(tempfile.mkdtemp(dir=out, prefix=f".{name}.old-"))
            final.rename(old / name)
            staging.rename(final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(final)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


OUTPUT_FILES = {
    "audio": "narration.mp3",
    "article": "article.txt",
    "captions": "captions.vtt",
    "report": "report.json",
    "player": player.PLAYER_PAGE,
    "embed": player.EMBED_PAGE,
    "readalong": player.READALONG_NAME,
}


@dataclass(frozen=True)
class Take:
    """One rendering of the article and what verification made of it (self-repair makes more)."""

    narration: Narration
    transcript: Transcript
    check: Verification
    repairs: tuple[Repair, ...] = ()


class Stopwatch:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._start = time.perf_counter()

    @contextmanager
    def stage(self, name: str):
        began = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = round(self.timings.get(name, 0.0) + time.perf_counter() - began, 3)

    def total(self) -> dict[str, float]:
        return {**self.timings, "total": round(time.perf_counter() - self._start, 3)}


class Narrator:
    """The pipeline: one object, built from the options, that owns every stage (clean, speech, synthesize,
    master, recognise, verify, write). narrate, script, verify, batch workers, preview, the scripts and the
    benches all call it. It holds one TTS engine and one ASR model for the life of a process (load once,
    narrate many); both load on first use, so a Narrator that only cleans or scripts loads neither."""

    def __init__(self, options: NarrateOptions | None = None) -> None:
        self.options = options = options or NarrateOptions()
        self.voice: Voice = _voice(options)
        self.rules = chrome_rules.load_rules(options.rules_files)
        self.sites = chrome_rules.SiteRules(options.site_rules_dir) if options.site_rules_dir else None
        self.speech_rules = _speech_rules(options)
        lexicon_files = [*options.lexicon_files, *self.voice.lexicon]
        self.lexicon = load_lexicons(lexicon_files) if options.use_lexicons and not options.plain_reading else Lexicon()
        self._engine: TTSEngine | None = None
        self._recognizer: Recognizer | None = None

    @property
    def engine(self) -> TTSEngine:
        if self._engine is None:
            self._engine = create_engine(self.voice, self.options.cpu_threads)
        return self._engine

    @property
    def recognizer(self) -> Recognizer:
        if self._recognizer is None:
            o = self.options
            self._recognizer = create_recognizer(o.asr_backend, o.asr_model, o.beam_size, o.cpu_threads)
        return self._recognizer

    def close(self) -> None:
        """Release the engine and the recogniser (its model's memory); the Narrator loads them again if used."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        self._recognizer = None

    def clean(
        self, text: str | bytes, kind: str = "auto", url: str | None = None, metadata: dict[str, str] | None = None
    ) -> Article:
        """The article in a page. metadata (byline, date, site, url) from a feed or CMS overrides the page's."""
        article = clean.clean_input(text, self.rules, kind, url, self.sites)
        if metadata:
            known = ("byline", "date", "site", "url")
            article = replace(article, **{k: v for k, v in metadata.items() if k in known and v})
        return article

    def script(self, article: Article) -> Script:
        """The speech text the engine is given, with every change and its rule."""
        return speech.build_script(article, self.speech_rules, self.lexicon, self.voice.alphabet)

    def recognise(self, audio_path: Path) -> Transcript:
        return self.recognizer.transcribe(audio_path)

    def verify(self, paragraphs: Sequence[str], transcript: Transcript, audio_path: Path) -> Verification:
        """Faults and verdict for a narration of these paragraphs (headline first), with a second look."""
        second_look = SecondLook(self.recognizer, audio_path)
        verification = verify_transcript(paragraphs, transcript, self.options.threshold, second_look)
        return with_audio_faults(verification, second_look.samples, SAMPLE_RATE)

    def check_audio(self, audio_path: Path, text: str, text_name: str = "the text") -> AudioCheck:
        """Does this audio say this text (an article.txt: headline, blank line, paragraphs)? The verify command."""
        if not normalise(text):
            raise BadInput(f"{text_name} has no words to verify against")
        if not audio_path.is_file():
            raise BadInput(f"audio file not found: {audio_path}")
        if audio_path.stat().st_size == 0:
            raise BadInput(f"audio file is empty: {audio_path}")
        transcript = self.recognise(audio_path)
        if transcript.audio_seconds <= 0:
            raise BadInput(f"audio file has no sound: {audio_path}")
        verification = self.verify(text_paragraphs(text), transcript, audio_path)
        return AudioCheck(verification, transcript.audio_seconds, describe_recognizer(self.recognizer), transcript.text)

    def synthesize(self, script: Script, workdir: Path) -> list[Path]:
        """Render each script segment (headline, paragraphs) to its own WAV in workdir."""
        wavs = []
        for index, segment in enumerate(script.segments):
            wav = workdir / f"segment-{index:04d}.wav"
            self.engine.synthesize(segment.speech, wav)
            wavs.append(wav)
        return wavs

    def master(self, script: Script, wavs: list[Path], mp3_path: Path, tags: dict[str, str] | None = None) -> Narration:
        """Join the segment WAVs with the voice's pauses, normalise loudness (podcast -16 LUFS), export the MP3
        and tag it (ID3v2). The MP3 appears whole (it may be playing in the preview while a repair redoes it);
        the WAVs stay, for self-repair to replace one."""

        def export(tmp: Path) -> None:
            audio.export_mp3(joined, tmp)
            if tags:
                audio.write_tags(tmp, tags)

        joined, spans = audio.assemble(wavs, [s.kind for s in script.segments], self.voice.pauses)
        joined = audio.normalise_loudness(joined)
        replace_atomically(mp3_path, export, 0o644)
        return Narration(mp3_path, round(len(joined) / 1000, 3), self.voice.name, tuple(spans))

    def repair(self, article: Article, script: Script, wavs: list[Path], take: Take, tags: dict[str, str]) -> Take:
        """Self-repair: each paragraph with a content fault is rendered again (engines.retake), spliced in at
        its place, and the whole narration heard again (so times, captions and faults stay consistent), up to
        options.repair_attempts times. The returned take lists every repair; its verdict is the final audio's."""
        for attempt in range(1, self.options.repair_attempts + 1):
            faulty = {}
            for fault in take.check.faults:
                if fault.paragraph < len(wavs):
                    faulty.setdefault(fault.paragraph, fault.kind)
            if not faulty:
                break
            for paragraph in sorted(faulty):
                retake(self.engine, script.segments[paragraph].speech, wavs[paragraph], attempt)
            narration = self.master(script, wavs, take.narration.path, tags)
            transcript = self.recognise(narration.path)
            check = self.verify(article.spoken_paragraphs, transcript, narration.path)
            still = {fault.paragraph for fault in check.faults}
            done = [Repair(p, kind, attempt, "faulty" if p in still else "fixed") for p, kind in sorted(faulty.items())]
            take = Take(narration, transcript, check, (*take.repairs, *done))
        return take

    def narrate(
        self,
        text: str,
        out: Path,
        name: str = "",
        url: str | None = None,
        kind: str = "auto",
        metadata: dict[str, str] | None = None,
        on_playable: Callable[[Path, str, Article], None] | None = None,
    ) -> Report:
        """Narrate one page (HTML or copied text; kind "auto" detects) into OUT/<id>/. BadInput before any output.

        metadata (byline, date, site, url) from a publisher's feed or CMS overrides what the page says.
        on_playable(staging folder, id, article) is called once the MP3 exists, before recognition (the preview
        serves the page from there while verification runs)."""
        watch = Stopwatch()
        with watch.stage("clean"):
            article = self.clean(text, kind, url, metadata)
        with watch.stage("speech"):
            script = self.script(article)
        ident = article_id(name, article.title)
        created = prepare_out_dir(out)
        try:
            with staged_dir(out, ident) as staging:
                report = self._narrate_into(article, script, ident, staging, watch, on_playable)
                player.write_assets(out)  # before the folder lands: its player.html needs them
        except BaseException:
            if created and not any(out.iterdir()):
                out.rmdir()
            raise
        return report

    def _narrate_into(
        self,
        article: Article,
        script: Script,
        ident: str,
        staging: Path,
        watch: Stopwatch,
        on_playable: Callable[[Path, str, Article], None] | None = None,
    ) -> Report:
        (staging / "article.txt").write_text(article.text, encoding="utf-8")
        mp3, tags = staging / "narration.mp3", audio.article_tags(article)
        with watch.stage("tts"):
            wavs = self.synthesize(script, staging)
        try:
            with watch.stage("audio"):
                narration = self.master(script, wavs, mp3, tags)
                return_freed_memory()
            if on_playable:
                on_playable(staging, ident, article)
            with watch.stage("asr"):
                transcript = self.recognise(mp3)
            with watch.stage("verify"):
                take = Take(narration, transcript, self.verify(article.spoken_paragraphs, transcript, mp3))
            if take.check.faults and self.options.repair_attempts:
                with watch.stage("repair"):
                    take = self.repair(article, script, wavs, take, tags)
        finally:
            for wav in wavs:
                wav.unlink(missing_ok=True)
        return self._write_outputs(article, ident, staging, take, watch)

    def _write_outputs(self, article: Article, ident: str, staging: Path, take: Take, watch: Stopwatch) -> Report:
        """report.json, captions and the player's files beside the verified MP3."""
        check, seconds = take.check, take.narration.seconds
        report = Report(
            id=ident,
            title=article.title,
            verdict=check.verdict,
            wer=check.wer,
            threshold=check.threshold,
            audio_seconds=seconds,
            voice=take.narration.voice,
            asr=describe_recognizer(self.recognizer),
            removed=article.removed,
            metadata=article.metadata,
            timings=watch.total(),
            verification=check,
            transcript=take.transcript.text,
            files=OUTPUT_FILES,
            repairs=take.repairs,
        )
        write_captions(staging / "captions.vtt", check.sentences, seconds)
        words = take.transcript.words
        player.write_article_pages(staging, ident, article, check, words, seconds, self.options.base_url)
        (staging / "report.json").write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return report


def _voice(options: NarrateOptions) -> Voice:
    """The voice, or for a plain reading the same engine voice at the engine's own defaults."""
    voice = get_voice(options.voice)
    return voice.engine_defaults() if options.plain_reading else voice


def _speech_rules(options: NarrateOptions) -> tuple[speech.SpeechRule, ...]:
    if options.plain_reading:
        return ()
    rules = speech.default_rules()
    unknown = set(options.skip_speech_rules) - {r.name for r in rules}
    if unknown:
        raise BadInput(f"unknown speech rule(s): {', '.join(sorted(unknown))}")
    return tuple(r for r in rules if r.name not in options.skip_speech_rules)
