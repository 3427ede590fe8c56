"""Shared paths, settings, seeds and scoring helpers."""
from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import numpy as np

MODELS_DIR = Path(__file__).resolve().parent.parent          # <repo>/models
REPO_ROOT = MODELS_DIR.parent
DEFAULT_DATA = REPO_ROOT / "datasets" / "screening"                 # shipped, Apache-2.0 (see its NOTICE)
BUILD = MODELS_DIR / "build"                                   # git-ignored
SHIP = MODELS_DIR / "resume-fit"                               # shipped folder
EVAL_DIR = MODELS_DIR / "eval"

MAX_LENGTH = 256
TRUNCATION = "longest_first"
SEED = 13
THREADS = int(os.environ.get("RF_THREADS", "2"))
# deterministic cuBLAS (must be set before CUDA starts); ignored on the CPU
os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")


def data_dir(arg: str | None = None) -> Path:
    return Path(arg or os.environ.get("RF_DATA") or DEFAULT_DATA).resolve()


def seed_all(seed: int = SEED) -> None:
    random.seed(seed)
    np.random.seed(seed)
    try:
        import torch

        torch.manual_seed(seed)
        torch.use_deterministic_algorithms(True, warn_only=True)
    except ImportError:
        pass


def read_json(p: Path):
    return json.loads(Path(p).read_text())


def write_json(p: Path, obj) -> None:
    p = Path(p)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def read_jsonl(p: Path) -> list[dict]:
    out = []
    for line in Path(p).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            out.append(json.loads(line))
    return out


# ----------------------------------------------------------------------------- titles
GENERIC = {"developer", "engineer", "dev", "senior", "junior", "sr", "jr", "lead", "and", "the", "of", "-"}


def core_title(t: str) -> frozenset:
    words = re.findall(r"[a-z0-9+#.]+", t.lower().replace("node js", "nodejs").replace("node.js", "nodejs"))
    return frozenset(w for w in words if w not in GENERIC)


def similar_title(a: str, b: str) -> bool:
    """Same title (case-insensitive) or the non-generic title words overlap
    (e.g. 'Django Developer' ~ 'Python Django Developer', 'Machine Learning' ~ 'Machine Learning Engineer')."""
    if a.strip().lower() == b.strip().lower():
        return True
    ca, cb = core_title(a), core_title(b)
    return bool(ca & cb)


# ----------------------------------------------------------------------------- tokenizer / scoring
def load_tokenizer(path: str):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(path)


def encode(tok, vacancies, resumes, pad=True, return_tensors="np"):
    return tok(list(vacancies), list(resumes), truncation=TRUNCATION, max_length=MAX_LENGTH,
               padding=pad, return_tensors=return_tensors)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


class OrtScorer:
    """Scores (vacancy, resume) pairs with an ONNX model through onnxruntime."""

    def __init__(self, onnx_path: str, tok, threads: int = THREADS):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
        self.inputs = [i.name for i in self.sess.get_inputs()]
        self.tok = tok

    def logits_from_encoding(self, enc) -> np.ndarray:
        feed = {k: np.asarray(enc[k], dtype=np.int64) for k in self.inputs}
        return self.sess.run(["logits"], feed)[0][:, 0]

    def __call__(self, vacancies, resumes, batch: int = 16, progress: str | None = None) -> np.ndarray:
        return _batched(self, vacancies, resumes, batch, progress)


class TorchScorer:
    def __init__(self, model_dir: str, tok, threads: int = THREADS):
        import torch

        from .model import CrossEncoder

        torch.set_num_threads(threads)
        self.torch = torch
        self.model = CrossEncoder.load(model_dir)
        self.tok = tok
        self.inputs = list(tok.model_input_names)

    def logits_from_encoding(self, enc) -> np.ndarray:
        t = self.torch
        with t.no_grad():
            feed = {k: t.as_tensor(np.asarray(enc[k]), dtype=t.long) for k in self.inputs}
            return self.model(**feed)[:, 0].double().numpy()

    def __call__(self, vacancies, resumes, batch: int = 16, progress: str | None = None) -> np.ndarray:
        return _batched(self, vacancies, resumes, batch, progress)


def _batched(scorer, vacancies, resumes, batch, progress):
    import time

    vacancies, resumes = list(vacancies), list(resumes)
    n = len(vacancies)
    # tokenize once without padding, then batch by length to avoid wasted padding
    enc = encode(scorer.tok, vacancies, resumes, pad=False, return_tensors=None)
    lens = np.array([len(x) for x in enc["input_ids"]])
    order = np.argsort(-lens, kind="stable")
    out = np.zeros(n, dtype=np.float64)
    t0 = time.time()
    keys = [k for k in enc.keys()]
    for bi, s in enumerate(range(0, n, batch)):
        idx = order[s:s + batch]
        sub = {k: [enc[k][i] for i in idx] for k in keys}
        padded = scorer.tok.pad(sub, return_tensors="np")
        out[idx] = scorer.logits_from_encoding(padded)
        if progress and (bi % max(1, 800 // batch) == 0 or s + batch >= n):
            done = min(s + batch, n)
            el = time.time() - t0
            print(f"  [{progress}] {done}/{n} pairs  {done / max(el, 1e-9):.1f} pairs/s", flush=True)
    return out
