"""optimize: rewrites each layer's exported self-attention into one onnxruntime MultiHeadAttention node.

The PyTorch export spells attention out as some twenty nodes a layer: reshapes and transposes of Q, K and V, the two
scaled halves, the score MatMul, a mask built with Range/Expand/Where and added to the scores, Softmax, an IsNaN/Where
guard against rows with every key masked, the MatMul with V, and the transposes back. On a two-core CPU the mask's
Where and the NaN guard alone took 18% of the int8 model's time. MultiHeadAttention (com.microsoft, in every
onnxruntime build, CPU included) does the same arithmetic in one kernel from the projections' outputs and a key
padding mask. The weights, the quantization and every other node stay as they are, so the rewritten model computes
the same function; `check` measures how close on real pairs, batched with padding and one at a time.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .common import SHIP, read_json

MS_DOMAIN = "com.microsoft"


def _const(graph, name: str):
    from onnx import numpy_helper

    for n in graph.node:
        if n.op_type == "Constant" and n.output[0] == name:
            return numpy_helper.to_array(n.attribute[0].t)
    for t in graph.initializer:
        if t.name == name:
            return numpy_helper.to_array(t)
    return None


def _prune(graph) -> int:
    """Drops nodes and initializers that no graph output depends on; returns how many nodes went."""
    needed = {o.name for o in graph.output}
    keep = []
    for node in reversed(list(graph.node)):
        if any(o in needed for o in node.output):
            keep.append(node)
            needed.update(i for i in node.input if i)
    dropped = len(graph.node) - len(keep)
    del graph.node[:]
    graph.node.extend(reversed(keep))
    inits = [t for t in graph.initializer if t.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(inits)
    return dropped


def fuse_attention(src: Path, dst: Path, num_heads: int | None = None) -> dict:
    """Writes src with every layer's attention as MultiHeadAttention; returns what changed."""
    import onnx
    from onnx import helper

    model = onnx.load(str(src))
    graph = model.graph
    if any(n.op_type == "MultiHeadAttention" for n in graph.node):
        print(f"[optimize] {src} already has fused attention")
        if src != dst:
            dst.parent.mkdir(parents=True, exist_ok=True)
            onnx.save(model, str(dst))
        return {"layers": 0, "already_fused": True}
    if num_heads is None:
        num_heads = int(read_json(src.parent.parent / "config.json")["num_attention_heads"])
    before = len(graph.node)
    producer = {o: n for n in graph.node for o in n.output}

    mask_name = "attention_mask_int32"
    cast = helper.make_node("Cast", ["attention_mask"], [mask_name], name="attention_mask_to_int32",
                            to=onnx.TensorProto.INT32)
    layers = sorted({n.name.split("/attention/self/")[0] for n in graph.node if "/attention/self/" in n.name})
    new_nodes = {}
    for prefix in layers:
        self_ = f"{prefix}/attention/self"
        q, k, v = (f"{self_}/{p}/Add_output_0" for p in ("query", "key", "value"))
        out = f"{self_}/Reshape_4_output_0"
        for name in (q, k, v, out):
            if name not in producer:
                raise SystemExit(f"unexpected attention graph in {prefix}: no {name}")
        # the export scales Q and K by a constant each before the score MatMul; their product is the score scale
        scores = next((n for n in graph.node if n.op_type == "MatMul" and n.name == f"{self_}/MatMul"), None)
        if scores is None:
            raise SystemExit(f"unexpected attention graph in {prefix}: no score MatMul")
        scale = 1.0
        for side in scores.input:
            mul = producer[side]
            c = _const(graph, mul.input[1]) if mul.op_type == "Mul" else None
            if c is None or np.asarray(c).size != 1:
                raise SystemExit(f"unexpected attention graph in {prefix}: {mul.name} is not a scaling")
            scale *= float(np.asarray(c).reshape(-1)[0])
        mha = helper.make_node("MultiHeadAttention", [q, k, v, "", mask_name], [out], name=f"{self_}/MultiHeadAttention",
                               domain=MS_DOMAIN, num_heads=num_heads, scale=scale)
        new_nodes[producer[out].name] = mha
    nodes = [cast]
    for n in graph.node:
        nodes.append(new_nodes.get(n.name, n))
    del graph.node[:]
    graph.node.extend(nodes)
    dropped = _prune(graph)
    if not any(o.domain == MS_DOMAIN for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid(MS_DOMAIN, 1))
    onnx.checker.check_model(model)
    dst.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(dst))
    info = {"layers": len(layers), "nodes_before": before, "nodes_after": len(graph.node), "nodes_dropped": dropped,
            "num_heads": num_heads}
    print(f"[optimize] {len(layers)} attention blocks fused: {before} -> {len(graph.node)} nodes ({dst})")
    return info


def check(original: Path, fused: Path, pairs: list[tuple[str, str]], model_dir: Path = SHIP) -> dict:
    """Max |fused - original| logit on the pairs, one per call and in padded batches of 8."""
    from .common import OrtScorer, load_tokenizer

    tok = load_tokenizer(str(model_dir))
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    out = {}
    for batch in (1, 8):
        ref = OrtScorer(original, tok)(a, b, batch=batch)
        new = OrtScorer(fused, tok)(a, b, batch=batch)
        out[f"batch{batch}_max_abs_diff"] = float(np.abs(ref - new).max())
    print(f"[optimize] fused vs original logits: {out}")
    return out


def optimize(files: list[Path], model_dir: Path = SHIP) -> list[dict]:
    """Fuses attention in each ONNX file in place, checking the rewritten file against the original on pairs from
    the training groups (group 3 stays unseen); a file whose logits move by more than 1e-4 is left as it was."""
    import random
    import shutil

    from .common import BUILD, read_json as rj

    num_heads = int(rj(model_dir / "config.json")["num_attention_heads"])
    pairs: list[tuple[str, str]] = [("Python developer", "I write Python and SQL"),
                                    ("Бухгалтер", "Опыт работы бухгалтером 5 лет")]
    groups = BUILD / "data" / "groups.json"
    if groups.exists():
        grp = rj(groups)["1"]
        rng = random.Random(0)
        pairs += [(rng.choice(grp["jobs"])["text"], rng.choice(grp["resumes"])) for _ in range(24)]
        pairs += [(j["text"], grp["resumes"][j["gt"]]) for j in grp["jobs"][:6]]
    out = []
    for f in files:
        if not f.exists():
            continue
        tmp = f.with_name(f.stem + ".fused.onnx")
        info = fuse_attention(f, tmp, num_heads)
        if info.get("already_fused"):
            tmp.unlink(missing_ok=True)
            out.append({"file": f.name, **info})
            continue
        diff = check(f, tmp, pairs, model_dir)
        if max(diff.values()) > 1e-4:
            tmp.unlink()
            raise SystemExit(f"fused attention changed {f.name}'s logits by {max(diff.values())}; not applied")
        # the file as exported stays in build/ (git-ignored), for the benchmark's before/after row
        keep = (f.parent if BUILD in f.parents else BUILD / "onnx") / f"{f.stem}.unfused.onnx"
        keep.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, keep)
        shutil.move(tmp, f)
        out.append({"file": f.name, **info, **diff, "pairs": len(pairs)})
    return out
