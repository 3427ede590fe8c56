"""export + quantize: fp32 ONNX into build/ (git-ignored), int8 ONNX + tokenizer into the shipped folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from .common import BUILD, MAX_LENGTH, SHIP, THREADS, OrtScorer, encode, load_tokenizer, read_json, write_json

FP32 = BUILD / "onnx" / "model.onnx"
INT8 = SHIP / "onnx" / "model_quantized.onnx"
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt",
                   "sentencepiece.bpe.model")


def export(model_dir: Path = BUILD / "finetuned", fp32: Path = FP32) -> Path:
    import torch
    from .model import CrossEncoder

    torch.set_num_threads(THREADS)
    tok = load_tokenizer(str(model_dir))
    model = CrossEncoder.load(model_dir)
    names = list(tok.model_input_names)

    class Wrap(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, *args):
            return self.m(**dict(zip(names, args)))

    enc = encode(tok, ["Python developer wanted", "Нужен бухгалтер", "Data engineer " * 200],
                 ["I write Python", "Опыт работы бухгалтером 5 лет", "Spark Airflow " * 200], return_tensors="pt")
    args = tuple(enc[k] for k in names)
    fp32.parent.mkdir(parents=True, exist_ok=True)
    dyn = {k: {0: "batch", 1: "sequence"} for k in names}
    dyn["logits"] = {0: "batch"}
    wrapped = Wrap(model).eval()  # export restores the wrapper's mode afterwards: keep it in eval (no dropout)
    torch.onnx.export(wrapped, args, str(fp32), input_names=names, output_names=["logits"],
                      dynamic_axes=dyn, opset_version=17, do_constant_folding=True, dynamo=False)
    # check against torch
    import onnxruntime as ort

    model.eval()
    s = ort.InferenceSession(str(fp32), providers=["CPUExecutionProvider"])
    o = s.run(["logits"], {k: enc[k].numpy().astype(np.int64) for k in names})[0]
    with torch.no_grad():
        t = model(**{k: enc[k] for k in names}).numpy()
    if np.abs(o - t).max() > 1e-3:
        raise SystemExit(f"ONNX export does not match PyTorch: {np.abs(o - t).max()}")
    print(f"[export] {fp32} ({fp32.stat().st_size / 1e6:.1f} MB)  inputs={names}  max|onnx-torch|={np.abs(o - t).max():.2e}")
    return fp32


def _down_projections(fp32: Path) -> list[str]:
    import onnx

    m = onnx.load(str(fp32), load_external_data=False)
    return [n.name for n in m.graph.node if n.op_type == "MatMul" and "/output/dense/" in n.name
            and "attention" not in n.name]


def sensitivity(fp32: Path, model_dir: Path = BUILD / "finetuned", data_dir: Path = BUILD / "data",
                n_pairs: int = 80) -> list[dict]:
    """For each layer's FFN down-projection: the int8 model's logit error against fp32 when that one MatMul stays
    fp32, on training-group pairs (group 3 stays unseen). Dynamic int8 quantizes a MatMul's input with one scale
    per call, and the down-projection's input (after GELU) has the largest outliers: one layer carries most of it."""
    import random

    from onnxruntime.quantization import QuantType, quantize_dynamic

    tok = load_tokenizer(str(model_dir))
    grp = read_json(data_dir / "groups.json")["1"]
    rng = random.Random(0)
    pairs = [(rng.choice(grp["jobs"])["text"], rng.choice(grp["resumes"])) for _ in range(n_pairs * 3 // 4)]
    pairs += [(j["text"], grp["resumes"][j["gt"]]) for j in grp["jobs"][: n_pairs - len(pairs)]]

    def logits(path):  # one pair per call, as the int8 model is scored everywhere
        return OrtScorer(path, tok)([v for v, _ in pairs], [r for _, r in pairs], batch=1)

    ref = logits(fp32)
    tmp = BUILD / "onnx" / "sensitivity.onnx"
    rows = []
    for name in [None] + _down_projections(fp32):
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                         nodes_to_exclude=[name] if name else [])
        d = np.abs(logits(tmp) - ref)
        rows.append({"fp32_node": name, "mean_abs_err": float(d.mean()), "max_abs_err": float(d.max())})
        print(f"  [sensitivity] fp32 {name or '(none)'}: mean {d.mean():.4f} max {d.max():.4f}", flush=True)
    tmp.unlink()
    return rows


def quantize(model_dir: Path = BUILD / "finetuned", fp32: Path = FP32, ship: Path = SHIP) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = ship / "onnx" / "model_quantized.onnx"
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = sensitivity(fp32, model_dir)
    keep = min(rows[1:], key=lambda r: r["mean_abs_err"])
    write_json(BUILD / "quant_sensitivity.json", {"pairs": "80 group-1 pairs", "rows": rows, "kept_fp32": keep})
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True,
                     nodes_to_exclude=[keep["fp32_node"]])
    print(f"[quantize] fp32 kept for {keep['fp32_node']}: mean |int8-fp32| {rows[0]['mean_abs_err']:.4f} -> "
          f"{keep['mean_abs_err']:.4f}, max {rows[0]['max_abs_err']:.3f} -> {keep['max_abs_err']:.3f}")
    for f in TOKENIZER_FILES:
        if (model_dir / f).exists():
            shutil.copy(model_dir / f, ship / f)
    cfg = read_json(model_dir / "config.json")
    cfg.pop("_source", None)
    write_json(ship / "config.json", cfg)
    # tokenizer_config: make the truncation used in training explicit for consumers
    tc = read_json(ship / "tokenizer_config.json")
    tc["model_max_length"] = MAX_LENGTH
    tc["truncation_side"] = "right"
    write_json(ship / "tokenizer_config.json", tc)
    print(f"[quantize] {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out
