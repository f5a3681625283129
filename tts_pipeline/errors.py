"""Errors the CLI turns into one line on stderr and exit status 2."""


class BadInput(Exception):
    """The user's input (file, text, audio, option or output folder) cannot be used.

    The message is a complete sentence fragment naming the problem; the CLI prints it as is.
    """


class EngineError(Exception):
    """A TTS engine or ASR backend could not do its job (missing model, failed synthesis)."""
