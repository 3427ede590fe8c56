"""calibrate: Platt scaling p = sigmoid(a*logit + b), fitted on the calibration split with the INT8 model."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from .common import BUILD, SHIP, OrtScorer, load_tokenizer, read_json, write_json


def fit_platt(x, y) -> tuple[float, float]:
    """Maximum-likelihood Platt fit (Newton iterations on the 2-parameter logistic log-loss),
    with Platt's target smoothing to avoid overconfident fits on separable data."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n1, n0 = y.sum(), len(y) - y.sum()
    t = np.where(y > 0, (n1 + 1) / (n1 + 2), 1 / (n0 + 2))
    a, b = 1.0, 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(a * x + b)))
        g = np.array([np.sum((p - t) * x), np.sum(p - t)])
        w = p * (1 - p) + 1e-12
        H = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(H, g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-10:
            break
    return float(a), float(b)


def pair_texts(groups, pairs):
    vac = [groups[str(p["group"])]["jobs"][p["job"]]["text"] for p in pairs]
    res = [groups[str(p["group"])]["resumes"][p["resume"]] for p in pairs]
    return vac, res


def tfidf_scores(groups, pairs) -> np.ndarray:
    """TF-IDF cosine per pair; the vectorizer is fitted on the pair's own group (jobs + resumes)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    out = np.zeros(len(pairs))
    for g in sorted({p["group"] for p in pairs}):
        grp = groups[str(g)]
        v = TfidfVectorizer(sublinear_tf=True).fit([j["text"] for j in grp["jobs"]] + grp["resumes"])
        idx = [i for i, p in enumerate(pairs) if p["group"] == g]
        vac, res = pair_texts(groups, [pairs[i] for i in idx])
        A, B = v.transform(vac), v.transform(res)
        out[idx] = np.asarray(A.multiply(B).sum(1)).ravel()
    return out


def calibrate(ship: Path = SHIP, data_dir: Path = BUILD / "data") -> dict:
    groups = read_json(data_dir / "groups.json")
    pairs = read_json(data_dir / "cal_pairs.json")
    tok = load_tokenizer(str(ship))
    scorer = OrtScorer(ship / "onnx" / "model_quantized.onnx", tok)
    vac, res = pair_texts(groups, pairs)
    logits = scorer(vac, res, batch=1, progress="calibration int8")  # one pair per call, as the product scores
    y = np.array([p["label"] for p in pairs])
    a, b = fit_platt(logits, y)
    n_jobs = len({(p["group"], p["job"]) for p in pairs})
    cal = {"method": "platt", "a": a, "b": b,
           "fitted_on": f"calibration split: {n_jobs} held-out training jobs of groups 1-2 "
                        f"({len(pairs)} pairs: {int(y.sum())} fit, {int((1 - y).sum())} no-fit = hard + random easy "
                        f"negatives), logits of the int8 ONNX model",
           "formula": "p = 1 / (1 + exp(-(a * logit + b)))",
           "created": dt.date.today().isoformat()}
    old = ship / "calibration.json"
    if old.exists():  # keep keys other tools add (e.g. the scorer's combined fit), replace only ours
        prev = read_json(old)
        cal = {**{k: v for k, v in prev.items() if k not in cal}, **cal}
    write_json(ship / "calibration.json", cal)
    # baseline: the same Platt fit for TF-IDF cosine (used by eval for a fair ECE comparison)
    ta, tb = fit_platt(tfidf_scores(groups, pairs), y)
    write_json(BUILD / "tfidf_platt.json", {"a": ta, "b": tb})
    write_json(BUILD / "cal_logits.json", {"logits": logits.tolist(), "labels": y.tolist()})
    print(f"[calibrate] a={a:.4f} b={b:.4f} on {len(pairs)} pairs ({n_jobs} jobs)")
    return cal
