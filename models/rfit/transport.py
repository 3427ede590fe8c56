"""Moving the base and the trained weights to and from a GPU machine that has PyTorch but no package index.

- ``pack_base``: the de-quantized base folder -> one .npz of ~25 MB. Every matrix of the base came from a Q4_0 file
  (per 32 weights one fp16 scale and 4-bit integers), so it is stored that way again, losslessly: ``unpack_base``
  rebuilds a folder whose weights are bit-identical (checked when packing).
- ``pack_weights``: a fine-tuned model -> fp16 safetensors shards of < 16 MB without the frozen word embeddings;
  ``unpack_weights`` rebuilds the fine-tuned folder from the base and the shards. The fp16 rounding (relative
  1e-3 of each weight) is part of the shipped model: the PyTorch model of the parity test is the unpacked one.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

BASE_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "trim_stats.json")
WORD_EMB = "embeddings.word_embeddings.weight"


def _q4(w: np.ndarray):
    """w == d * q exactly, q in [-8, 7], one fp16 d per block of 32 along a row (the Q4_0 layout), or None."""
    if w.ndim != 2 or w.shape[1] % 32:
        return None
    b = w.reshape(-1, 32)
    i = np.abs(b).argmax(1)
    d = (b[np.arange(len(b)), i] / -8.0).astype(np.float16)
    df = d.astype(np.float32)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        q = np.where(df != 0, np.rint(b / df), 0)
    if q.min() < -8 or q.max() > 7 or not np.array_equal((q.astype(np.float32) * df).reshape(w.shape), w):
        return None
    u = (q + 8).astype(np.uint8)
    return (u[:, 0::2] | (u[:, 1::2] << 4)), d


def pack_base(base: Path, out: Path) -> Path:
    from safetensors.numpy import load_file

    w = load_file(str(Path(base) / "model.safetensors"))
    arrays, meta = {}, {}
    for k, v in w.items():
        v = np.asarray(v, dtype=np.float32)
        q = _q4(v)
        if q is None:
            arrays[f"f:{k}"] = v
        else:
            arrays[f"q:{k}"], arrays[f"d:{k}"] = q
        meta[k] = list(v.shape)
    for f in BASE_FILES:
        if (Path(base) / f).exists():
            arrays[f"file:{f}"] = np.frombuffer((Path(base) / f).read_bytes(), dtype=np.uint8)
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out, **arrays)
    tmp = out.parent / (out.stem + ".check")
    unpack_base(out, tmp)
    back = load_file(str(tmp / "model.safetensors"))
    assert all(np.array_equal(back[k], w[k]) for k in w), "packed base does not round-trip"
    shutil.rmtree(tmp)
    print(f"[pack-base] {base} -> {out} ({out.stat().st_size / 1e6:.1f} MB, lossless)")
    return out


def unpack_base(src: Path, out: Path) -> Path:
    from safetensors.numpy import save_file

    z = np.load(src)
    meta = json.loads(bytes(z["meta"]).decode())
    w = {}
    for k, shape in meta.items():
        if f"f:{k}" in z:
            w[k] = z[f"f:{k}"]
        else:
            p, d = z[f"q:{k}"], z[f"d:{k}"].astype(np.float32)[:, None]
            q = np.empty((len(p), 32), dtype=np.float32)
            q[:, 0::2] = (p & 0x0F).astype(np.float32) - 8
            q[:, 1::2] = (p >> 4).astype(np.float32) - 8
            w[k] = (q * d).reshape(shape)
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: np.ascontiguousarray(v) for k, v in w.items()}, str(out / "model.safetensors"))
    for name in z.files:
        if name.startswith("file:"):
            (out / name[5:]).write_bytes(bytes(z[name]))
    return out


def pack_weights(model_dir: Path, out: Path, shard_bytes: int = 15_000_000) -> list[Path]:
    import torch
    from safetensors.torch import save_file

    from .model import CrossEncoder

    m = CrossEncoder.load(model_dir)
    sd = {f"encoder.{k}": v for k, v in m.encoder.state_dict().items() if k != WORD_EMB}
    sd.update({f"classifier.{k}": v for k, v in m.classifier.state_dict().items()})
    out.mkdir(parents=True, exist_ok=True)
    shards, cur, size = [], {}, 0
    for k, v in sd.items():
        t = v.detach().to(torch.float16).contiguous()
        if size + t.numel() * 2 > shard_bytes and cur:
            shards.append(cur); cur, size = {}, 0
        cur[k] = t
        size += t.numel() * 2
    shards.append(cur)
    paths = []
    for i, s in enumerate(shards):
        p = out / f"weights-{i:02d}.safetensors"
        save_file(s, str(p))
        paths.append(p)
    shutil.copy(Path(model_dir) / "train_info.json", out / "train_info.json")
    return paths


def unpack_weights(base: Path, src: Path, out: Path) -> Path:
    import torch
    from safetensors.torch import load_file

    from .model import CrossEncoder

    m = CrossEncoder.from_base(str(base))
    sd = {}
    for p in sorted(Path(src).glob("weights-*.safetensors")):
        sd.update({k: v.to(torch.float32) for k, v in load_file(str(p)).items()})
    enc = {k[len("encoder."):]: v for k, v in sd.items() if k.startswith("encoder.")}
    missing = set(m.encoder.state_dict()) - set(enc) - {WORD_EMB}
    if missing:
        raise SystemExit(f"packed weights lack {sorted(missing)[:5]}")
    m.encoder.load_state_dict(enc, strict=False)
    m.classifier.load_state_dict({k[len("classifier."):]: v for k, v in sd.items() if k.startswith("classifier.")})
    m.eval()
    m.save(out)
    for f in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copy(Path(base) / f, Path(out) / f)
    shutil.copy(Path(src) / "train_info.json", Path(out) / "train_info.json")
    print(f"[unpack-weights] {src} + {base} -> {out}")
    return out
