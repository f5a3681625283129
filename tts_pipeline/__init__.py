"""tts-pipeline: narrate news articles and verify the audio by speech recognition."""

__version__ = "0.1.0"
