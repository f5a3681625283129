"""The stages, each a module with typed records in and out: read input (source, fetch), clean (clean,
extract), speech text (speech, lexicon, textnorm), TTS (voices, engines/), audio, recognition (asr/) and
verification (verdict, verify -> second_look -> align). Stages import only each other and the records."""
