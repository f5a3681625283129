"""Whisper's log-mel features computed a block of frames at a time: the same numbers as faster-whisper's.

faster-whisper's FeatureExtractor takes the STFT of the whole file at once: for a 6-minute narration that
peaks 274 MB above the audio (windowed frames, a complex128 FFT and its complex64 copy, measured). Here the
FFT goes block by block; only the power spectrum (28 MB for 6 minutes) and the 80-band spectrogram (11 MB)
are whole: the mel product over all frames at once and the floor (8 below the maximum) over the whole file
keep the values bit for bit faster-whisper's.
"""

from __future__ import annotations

import numpy as np
from faster_whisper.feature_extractor import FeatureExtractor

BLOCK_FRAMES = 3000  # 30 s of frames per block


class BlockFeatureExtractor(FeatureExtractor):
    def __call__(self, waveform: np.ndarray, padding: int = 160, chunk_length: int | None = None) -> np.ndarray:
        if chunk_length is not None:  # as faster-whisper's: the window length follows the last call
            self.n_samples = chunk_length * self.sampling_rate
            self.nb_max_frames = self.n_samples // self.hop_length
        waveform = waveform.astype(np.float32, copy=False)
        if padding:
            waveform = np.pad(waveform, (0, padding))
        n_fft, hop = self.n_fft, self.hop_length
        padded = np.pad(waveform, n_fft // 2, mode="reflect")  # the STFT's centre padding
        frames = 1 + (len(padded) - n_fft) // hop - 1  # faster-whisper drops the last frame
        window = np.hanning(n_fft + 1)[:-1].astype("float32")
        power = np.empty((n_fft // 2 + 1, max(frames, 0)), dtype=np.float32)
        for first in range(0, frames, BLOCK_FRAMES):
            last = min(first + BLOCK_FRAMES, frames)
            piece = padded[first * hop : (last - 1) * hop + n_fft]
            stft = self.stft(piece, n_fft, hop, window=window, center=False, return_complex=True).astype("complex64")
            power[:, first:last] = np.abs(stft) ** 2
        # One product over every frame, as faster-whisper's: blocked, BLAS rounds differently (1e-7), and
        # Whisper's decoding can turn on less than that.
        mel = self.mel_filters @ power
        log_spec = np.log10(np.clip(mel, a_min=1e-10, a_max=None))
        log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
        return (log_spec + 4.0) / 4.0
