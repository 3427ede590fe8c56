"""recover: a PyTorch cross-encoder and an fp32 ONNX rebuilt from the shipped int8 file alone.

The trained PyTorch weights and the fp32 export live in models/build/ (git-ignored), so a fresh clone has only the
int8 ONNX. Everything a comparison on "the same model" needs can be rebuilt from it: each int8 matrix dequantized
((q - zero_point) * scale, per output channel), every bias, LayerNorm and the fp32-kept MatMul taken as stored. The
result is the shipped model computed in fp32: its logits differ from the int8 file's by the activation quantization
only (measured and printed), and from the originally trained weights by the weight rounding. The benchmarks use it
for the fp32 rows and for the PyTorch baseline when models/build/finetuned is absent; the card's evaluation and the
parity fixture come from the trained weights, not from this.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import numpy as np

from .common import BUILD, SHIP, read_json, write_json

RECOVERED = BUILD / "recovered"


def _module_of(node_name: str) -> str:
    """'/m/encoder/encoder/layer.0/attention/self/query/MatMul_quant' -> 'encoder.encoder.layer.0.attention.self.query'."""
    parts = node_name.strip("/").split("/")
    if parts[0] == "m":
        parts = parts[1:]
    return ".".join(parts[:-1])


def weights_from_onnx(onnx_path: Path) -> dict[str, np.ndarray]:
    """State-dict-shaped fp32 arrays (torch Linear layout [out, in]) from a dynamically quantized export."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(onnx_path))
    init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}

    def deq(base: str) -> np.ndarray:
        q = init[f"{base}_quantized"].astype(np.float32)
        return (q - init[f"{base}_zero_point"].astype(np.float32)) * init[f"{base}_scale"].astype(np.float32)

    out: dict[str, np.ndarray] = {}
    for name, arr in init.items():
        if name.startswith("m.") and not name.endswith(("_quantized", "_scale", "_zero_point")):
            out[name[2:]] = arr.astype(np.float32)
        elif name.startswith("m.") and name.endswith(".weight_quantized") and "embeddings" in name:
            out[name[2:-len("_quantized")]] = deq(name[: -len("_quantized")])
    for node in model.graph.node:
        if node.op_type == "MatMulInteger" and node.input[1].endswith("_quantized"):
            w = deq(node.input[1][: -len("_quantized")])  # [in, out]
        elif node.op_type == "MatMul" and node.input[1] in init:
            w = init[node.input[1]].astype(np.float32)
        else:
            continue
        out[f"{_module_of(node.name)}.weight"] = np.ascontiguousarray(w.T)
    return out


def recover(onnx_path: Path | None = None, ship: Path = SHIP, out: Path = RECOVERED) -> Path:
    import torch
    from transformers import AutoConfig, AutoModel

    from .common import THREADS, OrtScorer, TorchScorer, load_tokenizer
    from .export import export
    from .model import CrossEncoder
    from .optimize import optimize

    torch.set_num_threads(THREADS)
    onnx_path = onnx_path or ship / "onnx" / "model_quantized.onnx"
    cfg = read_json(ship / "config.json")
    config = AutoConfig.for_model(cfg.pop("model_type"), **{k: v for k, v in cfg.items() if k != "architectures"})
    encoder = AutoModel.from_config(config, add_pooling_layer=False)
    model = CrossEncoder(encoder).eval()
    arrays = weights_from_onnx(onnx_path)
    state = model.state_dict()
    missing = [k for k in state if k not in arrays and not k.endswith("position_ids")]
    unused = [k for k in arrays if k not in state]
    if missing or unused:
        raise SystemExit(f"cannot map the ONNX weights onto the model: missing {missing[:5]}, unused {unused[:5]}")
    for k, v in arrays.items():
        if tuple(state[k].shape) != v.shape:
            raise SystemExit(f"{k}: ONNX {v.shape} vs model {tuple(state[k].shape)}")
        state[k] = torch.from_numpy(v)
    model.load_state_dict(state)
    torch_dir = out / "finetuned"
    model.save(torch_dir)
    for f in ship.iterdir():
        if f.name.startswith("tokenizer") or f.name == "special_tokens_map.json":
            shutil.copy(f, torch_dir / f.name)
    fp32 = export(torch_dir, out / "onnx" / "model.onnx")
    optimize([fp32], ship)

    # how far the recovered fp32 model is from the shipped int8 file, on training-group pairs
    tok = load_tokenizer(str(ship))
    pairs = [("Python developer", "I write Python and SQL"), ("Бухгалтер", "Опыт работы бухгалтером 5 лет")]
    groups = BUILD / "data" / "groups.json"
    if groups.exists():
        grp = read_json(groups)["1"]
        rng = random.Random(0)
        pairs += [(rng.choice(grp["jobs"])["text"], rng.choice(grp["resumes"])) for _ in range(30)]
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    int8 = OrtScorer(onnx_path, tok)(a, b, batch=1)
    t = TorchScorer(str(torch_dir), tok)(a, b, batch=8)
    d = np.abs(int8 - t)
    info = {"from": str(onnx_path.relative_to(ship.parent.parent)) if onnx_path.is_relative_to(ship.parent.parent)
            else str(onnx_path), "pairs": len(pairs), "mean_abs_diff_vs_int8": float(d.mean()),
            "max_abs_diff_vs_int8": float(d.max())}
    write_json(out / "recovered.json", info)
    print(f"[recover] {torch_dir} and {fp32}: |torch fp32 - shipped int8| mean {d.mean():.4f} max {d.max():.4f} "
          f"over {len(pairs)} pairs")
    return out
