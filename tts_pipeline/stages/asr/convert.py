"""CTranslate2 Whisper model -> openai-whisper checkpoint, offline, from the weights we already ship.

Hand-written because ctranslate2's Python package only *writes* model.bin (specs/model_spec.py,
``ModelSpec._serialize``) and has no reader, and no library converts CT2 back to PyTorch.

model.bin (binary version 6, little endian), as ``_serialize`` writes it::

    u32 version | str spec_name | u32 spec_revision | u32 n_variables
    n_variables x ( str name | u8 rank | u32 dims[rank] | u8 dtype | u32 n_bytes | bytes data )
    u32 n_aliases | n_aliases x ( str alias | str target )

where ``str`` = u16 length (including a trailing NUL) + UTF-8 bytes + NUL, and dtype indexes
(float32, int8, int16, int32, float16, bfloat16). Quantized int8 weights ``.../weight`` come with a
float32 per-output-row ``.../weight_scale`` (int8 = round(float * scale)), so float = int8 / scale.

Names follow ctranslate2's WhisperSpec (converters/transformers.py, WhisperLoader): self-attention
``linear_0`` is q, k and v fused along the output axis (k's bias, which Whisper lacks, stored as
zeros), ``linear_1`` the output projection; cross-attention ``linear_0`` is q, ``linear_1`` k and v
fused, ``linear_2`` the output projection; ``gamma``/``beta`` are LayerNorm weight/bias.
"""

from __future__ import annotations

import json
import mmap
import re
import struct
from pathlib import Path

import numpy as np

CT2_DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")
CONVERTER_VERSION = 1  # bump when the mapping changes: cached checkpoints are keyed by it


def read_ct2_model(path: Path) -> dict[str, np.ndarray]:
    """Every variable in a CTranslate2 model.bin as float32/int arrays (int8 weights dequantized)."""
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        offset = 0

        def take(fmt: str):
            nonlocal offset
            (value,) = struct.unpack_from("<" + fmt, buf, offset)
            offset += struct.calcsize("<" + fmt)
            return value

        def string() -> str:
            nonlocal offset
            length = take("H")
            value = bytes(buf[offset : offset + length - 1]).decode()
            offset += length
            return value

        version = take("I")
        if version != 6:
            raise ValueError(f"unsupported CTranslate2 model.bin version {version} (expected 6)")
        spec, _revision, count = string(), take("I"), take("I")
        if spec != "WhisperSpec":
            raise ValueError(f"{path} holds a {spec}, not a Whisper model")
        raw: dict[str, np.ndarray] = {}
        for _ in range(count):
            name = string()
            shape = [take("I") for _ in range(take("B"))]
            dtype, size = CT2_DTYPES[take("B")], take("I")
            if dtype == "bfloat16":  # numpy has no bfloat16: it is the top half of a float32
                array = np.frombuffer(buf, np.uint16, size // 2, offset).astype(np.uint32) << 16
                array = array.view(np.float32)
            else:
                array = np.frombuffer(buf, dtype, size // np.dtype(dtype).itemsize, offset).copy()
            offset += size
            raw[name] = array.reshape(shape)
        aliases = {string(): string() for _ in range(take("I"))}
    for alias, target in aliases.items():  # e.g. the output projection tied to the token embedding
        raw[alias] = raw[target]
        if target + "_scale" in raw:  # an aliased int8 weight shares its target's scale too
            raw.setdefault(alias + "_scale", raw[target + "_scale"])
    out = {}
    for name, array in raw.items():
        if name.endswith("_scale"):
            continue
        scale = raw.get(name + "_scale")
        if scale is not None and array.dtype == np.int8:  # per output row (axis 0), conv kernels included
            array = array.astype(np.float32) / scale.reshape((-1,) + (1,) * (array.ndim - 1))
        out[name] = array
    return out


def _layers(variables: dict, scope: str) -> int:
    return len({k.split("/")[1] for k in variables if re.match(rf"{scope}/layer_\d+/", k)})


def to_openai_whisper(variables: dict[str, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    """(dims, state_dict as numpy) for openai-whisper's ``Whisper`` from CT2 WhisperSpec variables."""
    v = variables
    n_audio_state = v["encoder/conv1/weight"].shape[0]
    n_text_state = v["decoder/embeddings/weight"].shape[1]
    dims = {
        "n_mels": int(v["encoder/conv1/weight"].shape[1]),
        "n_audio_ctx": int(v["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": int(n_audio_state),
        "n_audio_head": int(v["encoder/num_heads"]),
        "n_audio_layer": _layers(v, "encoder"),
        "n_vocab": int(v["decoder/embeddings/weight"].shape[0]),
        "n_text_ctx": int(v["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(n_text_state),
        "n_text_head": int(v["decoder/num_heads"]),
        "n_text_layer": _layers(v, "decoder"),
    }
    sd: dict[str, np.ndarray] = {}

    def linear(dst: str, src: str) -> None:
        sd[f"{dst}.weight"], sd[f"{dst}.bias"] = v[f"{src}/weight"], v[f"{src}/bias"]

    def norm(dst: str, src: str) -> None:
        sd[f"{dst}.weight"], sd[f"{dst}.bias"] = v[f"{src}/gamma"], v[f"{src}/beta"]

    def split(dst: str, src: str, names: tuple[str, ...], n_state: int) -> None:
        weight, bias = v[f"{src}/weight"], v[f"{src}/bias"]
        for i, name in enumerate(names):
            rows = slice(i * n_state, (i + 1) * n_state)
            sd[f"{dst}.{name}.weight"] = weight[rows]
            if name == "key":  # Whisper's key projection has no bias; CT2 stores zeros
                if np.abs(bias[rows]).max() > 1e-6:
                    raise ValueError(f"{src}: non-zero key bias, not a Whisper model")
            else:
                sd[f"{dst}.{name}.bias"] = bias[rows]

    def block(dst: str, src: str, n_state: int, cross: bool) -> None:
        split(f"{dst}.attn", f"{src}/self_attention/linear_0", ("query", "key", "value"), n_state)
        linear(f"{dst}.attn.out", f"{src}/self_attention/linear_1")
        norm(f"{dst}.attn_ln", f"{src}/self_attention/layer_norm")
        if cross:
            linear(f"{dst}.cross_attn.query", f"{src}/attention/linear_0")
            split(f"{dst}.cross_attn", f"{src}/attention/linear_1", ("key", "value"), n_state)
            linear(f"{dst}.cross_attn.out", f"{src}/attention/linear_2")
            norm(f"{dst}.cross_attn_ln", f"{src}/attention/layer_norm")
        linear(f"{dst}.mlp.0", f"{src}/ffn/linear_0")
        linear(f"{dst}.mlp.2", f"{src}/ffn/linear_1")
        norm(f"{dst}.mlp_ln", f"{src}/ffn/layer_norm")

    linear("encoder.conv1", "encoder/conv1")
    linear("encoder.conv2", "encoder/conv2")
    sd["encoder.positional_embedding"] = v["encoder/position_encodings/encodings"]
    for i in range(dims["n_audio_layer"]):
        block(f"encoder.blocks.{i}", f"encoder/layer_{i}", n_audio_state, cross=False)
    norm("encoder.ln_post", "encoder/layer_norm")
    sd["decoder.token_embedding.weight"] = v["decoder/embeddings/weight"]
    sd["decoder.positional_embedding"] = v["decoder/position_encodings/encodings"]
    for i in range(dims["n_text_layer"]):
        block(f"decoder.blocks.{i}", f"decoder/layer_{i}", n_text_state, cross=True)
    norm("decoder.ln", "decoder/layer_norm")
    embedding = v["decoder/embeddings/weight"]
    projection = v.get("decoder/projection/weight", embedding)
    if projection is not embedding and not np.array_equal(projection, embedding):
        raise ValueError("output projection is not tied to the token embedding; Whisper ties them")
    return dims, sd


def convert_ct2_folder(ct2_dir: Path, dest: Path) -> None:
    """Write an openai-whisper checkpoint (``dims`` + ``model_state_dict``) loadable by
    ``whisper.load_model(dest)``; ``alignment_heads`` (from CT2's config.json) rides along as an
    extra key, which load_model ignores and our recognizer applies."""
    import torch  # lazy: only the openai-whisper backend needs it

    dims, state = to_openai_whisper(read_ct2_model(ct2_dir / "model.bin"))
    config_path = ct2_dir / "config.json"
    config = json.loads(config_path.read_text()) if config_path.is_file() else {}
    checkpoint = {
        "dims": dims,
        "model_state_dict": {k: torch.from_numpy(np.ascontiguousarray(a)) for k, a in state.items()},
        "alignment_heads": [list(map(int, pair)) for pair in config.get("alignment_heads") or []],
    }
    torch.save(checkpoint, dest)
