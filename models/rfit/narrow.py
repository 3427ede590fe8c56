"""narrow: the shipped cross-encoder's U8U8 file rewritten for VNNI's kernels, with the same logits on every CPU.

Two rewrites of rfit/portable.py, on the file as shipped (the trained fp32 weights are not in the repository):
- narrow_weights: every int8 weight within ±64, so the U8S8 kernels (VPDPBUSD on VNNI CPUs, VPMADDUBSW on AVX2) are
  exact integers everywhere and run about 1.8× faster a pair than U8U8's 16-bit path on a VNNI CPU;
- per_token_activations: one activation scale per token instead of one per call, which keeps the logits nearer the
  fp32 model than one scale per call did (one outlier token no longer coarsens every other token's rounding) and
  makes a token's integers depend on that token alone.
The parity fixture's onnxruntime logits are computed again; its PyTorch fp32 logits (of the trained weights) are
kept, and the distance of the old and new file to them is printed and written to build/onnx/narrow.json.
"""
from __future__ import annotations

import shutil

import numpy as np

from .common import BUILD, SHIP, OrtScorer, load_tokenizer, read_json, sigmoid, write_json

NARROW_NOTE = ("weights within ±64 (int8, zero point 0): U8S8 products, exact integers on every x86-64 CPU "
               "(rfit/portable.py, narrow_weights); activations quantized with one scale per token (symmetric, "
               "uint8 with zero point 128; per_token_activations)")


def narrow_cross_encoder(version: str) -> dict:
    import onnx

    from .portable import PORTABLE_QUANTIZATION, is_portable, narrow_weights, per_token_activations

    path = SHIP / "onnx" / "model_quantized.onnx"
    before = BUILD / "onnx" / "model_quantized.u8u8.onnx"
    before.parent.mkdir(parents=True, exist_ok=True)
    info = read_json(SHIP / "model-info.json")
    if PORTABLE_QUANTIZATION not in info["quantization"]:
        raise SystemExit("model-info.json does not describe a U8U8 file: narrowed already?")
    shutil.copy(path, before)
    m = onnx.load(str(path))
    weights = narrow_weights(m)
    activations = per_token_activations(m)
    onnx.checker.check_model(m)
    if not is_portable(m):
        raise SystemExit("the narrowed file is not portable")
    onnx.save(m, str(path))

    tok = load_tokenizer(str(SHIP))
    old, new = OrtScorer(before, tok), OrtScorer(path, tok)
    fx = read_json(SHIP / "parity.json")
    cal = read_json(SHIP / "calibration.json")
    d_old, d_new = [], []
    for c in fx["cases"]:
        one = {k: np.asarray([c[k]]) for k in ("input_ids", "attention_mask")}
        l_old, l_new = float(old.logits_from_encoding(one)[0]), float(new.logits_from_encoding(one)[0])
        d_old.append(abs(l_old - c["logit_torch_fp32"]))
        d_new.append(abs(l_new - c["logit_torch_fp32"]))
        c["logit_onnx_int8"] = round(l_new, 6)
        c["p_calibrated_int8"] = round(float(sigmoid(cal["a"] * l_new + cal["b"])), 6)
    write_json(SHIP / "parity.json", fx)
    info["quantization"] = info["quantization"].replace(PORTABLE_QUANTIZATION, NARROW_NOTE)
    info["version"] = version
    write_json(SHIP / "model-info.json", info)
    out = {"weights_narrowed": weights, "activations_per_token": activations,
           "parity_abs_diff_to_torch_fp32": {"before": {"mean": round(float(np.mean(d_old)), 3), "max": round(float(np.max(d_old)), 3)},
                                             "after": {"mean": round(float(np.mean(d_new)), 3), "max": round(float(np.max(d_new)), 3)}}}
    write_json(BUILD / "onnx" / "narrow.json", out)
    print(f"[narrow] {out}")
    return out
