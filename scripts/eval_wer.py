"""Round-trip WER of narrations on the seed page and on dev-set news pages (read from ../shared).

For each page: clean, speech text, render with a voice, transcribe with Whisper, and score the *article
text* against the transcript (Whisper's English normaliser + jiwer), exactly as `narrate` reports it.
`--raw` is the baseline the quality bar is measured against: the article text read as is by the engine
(no speech rules, no lexicon, the engine's default rate, no extra word gap).

Dev-set pages are split by their place in sorted order: even places are "tune" pages (looked at while
writing rules and lexicon entries), odd places are "held-out" pages (only ever scored). Prints one line
per page and a summary per group; `--errors` lists the misaligned words of each page, most common first.

`--band` also scores each page's one render at loudness targets 0.1 to 0.4 LU either side of -16 LUFS (the
same audio, a hair louder or quieter): tiny.en's transcript shifts with such changes, so the band shows how
much of a difference between two settings is the recogniser's own noise.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import jiwer

from tts_pipeline.article import Article
from tts_pipeline.errors import BadInput
from tts_pipeline.pipeline.narrator import Narrator, Take
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.pipeline.process import set_up_process
from tts_pipeline.stages import audio
from tts_pipeline.stages.asr import DEFAULT_BEAM_SIZE
from tts_pipeline.stages.textnorm import normalise, spell_compounds_as_reference
from tts_pipeline.stages.verify import verify_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "lbc-ukraine-troops-page.txt"
DEVSET_PAGES = SHARED / "devset" / "pages"
BAND_OFFSETS_LU = (-0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4)


def pages(group: str) -> list[Path]:
    devset = sorted(DEVSET_PAGES.glob("*.html")) if DEVSET_PAGES.is_dir() else []
    chosen = {"seed": [], "tune": devset[0::2], "held-out": devset[1::2], "all": devset}[group]
    return [SEED, *chosen] if group in ("seed", "all") else chosen


def first_words(article: Article, max_words: int) -> Article:
    """The headline and as many whole paragraphs as fit in max_words (at least one)."""
    kept, count = [], 0
    for paragraph in article.paragraphs:
        if kept and count + len(paragraph.split()) > max_words:
            break
        kept.append(paragraph)
        count += len(paragraph.split())
    return replace(article, paragraphs=tuple(kept))


def misheard(reference: str, hypothesis: str) -> list[str]:
    """'ref -> hyp' for each substitution, deletion and insertion, normalised as verify_text does."""
    ref_words = normalise(reference).split()
    hyp_words = spell_compounds_as_reference(ref_words, normalise(hypothesis).split())
    out = jiwer.process_words(" ".join(ref_words), " ".join(hyp_words))
    errors = []
    for chunk in out.alignments[0]:
        if chunk.type != "equal":
            said = " ".join(ref_words[chunk.ref_start_idx : chunk.ref_end_idx])
            heard = " ".join(hyp_words[chunk.hyp_start_idx : chunk.hyp_end_idx])
            errors.append(f"{said or '_'} -> {heard or '_'}")
    return errors


def band_wer(narrator: Narrator, joined: audio.AudioSegment, text: str, offset_lu: float, work: Path) -> float:
    """WER of the same render normalised offset_lu away from the loudness target, as narrate scores it."""
    mp3 = work / "band.mp3"
    audio.export_mp3(audio.normalise_loudness(joined, audio.TARGET_LUFS + offset_lu), mp3)
    return verify_text(text, narrator.recognise(mp3)).wer


def fault_counts(narrator: Narrator, article: Article, script, wavs: list[Path], narration, transcript) -> tuple:
    """Faults that verification finds in this render, and what self-repair leaves (as narrate would)."""
    check = narrator.verify(article.spoken_paragraphs, transcript, narration.path)
    take = Take(narration, transcript, check)
    if check.faults and narrator.options.repair_attempts:
        take = narrator.repair(article, script, wavs, take, {})
    return [str(f.kind) for f in check.faults], [str(f.kind) for f in take.check.faults], len(take.repairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--group", choices=["seed", "tune", "held-out", "all"], default="seed")
    parser.add_argument("--voice", default="en-us", help="voice name or voice TOML file")
    parser.add_argument("--lexicon", type=Path, action="append", default=[], help="extra lexicon (TOML)")
    parser.add_argument("--beam-size", type=int, default=DEFAULT_BEAM_SIZE)
    parser.add_argument("--model", default=None, help="ASR model: tiny.en (default) or base")
    parser.add_argument("--raw", action="store_true", help="baseline: article text as is, engine defaults")
    parser.add_argument("--max-words", type=int, default=0, help="score only the first N words of each page")
    parser.add_argument("--errors", action="store_true", help="list each page's misheard words")
    parser.add_argument("--skip-rule", action="append", default=[], help="leave out a speech rule (by name)")
    parser.add_argument("--no-lexicon", action="store_true", help="leave out every lexicon")
    parser.add_argument("--band", action="store_true", help="also score each render at +-0.1..0.4 LU loudness")
    parser.add_argument("--faults", action="store_true", help="also verify (faults) and self-repair each render")
    parser.add_argument("--threads", type=int, default=0, help="CPU threads per model (0: one per core)")
    parser.add_argument("--only", action="append", help="score only the group's pages whose name contains this")
    args = parser.parse_args(argv)
    chosen = [p for p in pages(args.group) if not args.only or any(part in p.name for part in args.only)]
    tune = set(pages("tune"))
    if not chosen or not all(p.is_file() for p in chosen):
        print(f"error: no pages for group {args.group} under {SHARED}", file=sys.stderr)
        return 2
    options = NarrateOptions(
        voice=args.voice,
        asr_model=args.model,
        beam_size=args.beam_size,
        lexicon_files=tuple(args.lexicon),
        plain_reading=args.raw,  # the engine reading the text as written, at its own default speed
        skip_speech_rules=tuple(args.skip_rule),
        use_lexicons=not args.no_lexicon,
        cpu_threads=args.threads,
    )
    set_up_process()
    try:
        narrator = Narrator(options)
    except BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results: dict[str, list[float]] = collections.defaultdict(list)
    all_errors: collections.Counter[str] = collections.Counter()
    bands: dict[str, list[float]] = collections.defaultdict(list)
    faulty: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for path in chosen:
            article = narrator.clean(path.read_bytes())
            if args.max_words:
                article = first_words(article, args.max_words)
            script = narrator.script(article)
            work = Path(tmp)
            wavs = narrator.synthesize(script, work)
            kinds = [segment.kind for segment in script.segments]
            joined = audio.assemble(wavs, kinds, narrator.voice.pauses)[0] if args.band else None
            narration = narrator.master(script, wavs, work / "narration.mp3")
            transcript = narrator.recognise(narration.path)
            check = verify_text(article.text, transcript)
            errors = misheard(article.text, transcript.text)
            all_errors.update(errors)
            group = "seed" if path == SEED else ("tune" if path in tune else "held-out")
            results[group].append(check.wer)
            words = len(normalise(article.text).split())
            line = f"{group:8} {path.name[:40]:40} WER {check.wer:.3f}  {words:5d} words  {narration.seconds:6.1f} s"
            if joined is not None:
                band = [check.wer] + [band_wer(narrator, joined, article.text, lu, work) for lu in BAND_OFFSETS_LU]
                bands[group].append(statistics.mean(band))
                line += f"  band {min(band):.3f}-{max(band):.3f} mean {statistics.mean(band):.3f}"
            if args.faults:
                before, after, repairs = fault_counts(narrator, article, script, wavs, narration, transcript)
                faulty[group].append((bool(before), bool(after)))
                line += f"  faults {','.join(before) or '-'} -> {','.join(after) or '-'} ({repairs} repairs)"
            print(line, flush=True)
            if args.errors:
                print("    " + " | ".join(errors))
    for group, wers in results.items():
        mean, median = statistics.mean(wers), statistics.median(wers)
        summary = f"{group}: {len(wers)} pages, mean WER {mean:.3f}, median {median:.3f}"
        if bands[group]:
            summary += f", mean of band means {statistics.mean(bands[group]):.3f}"
        if faulty[group]:
            before, after = (sum(f[n] for f in faulty[group]) for n in (0, 1))
            summary += f", renders with a fault: {before} before repair, {after} after"
        print(summary)
    if args.errors:
        print("most common:", ", ".join(f"{e} ({n})" for e, n in all_errors.most_common(40)))
    narrator.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
