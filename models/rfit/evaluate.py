"""eval: held-out group 3 only. Ranking, separation and calibration of the shipped int8 ONNX model,
beside a TF-IDF baseline computed here, plus the hand-written Russian / English check sets."""
from __future__ import annotations

import random
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from .calibrate import fit_platt
from .common import (BUILD, EVAL_DIR, MODELS_DIR, SEED, SHIP, OrtScorer, TorchScorer, load_tokenizer, read_json,
                     read_jsonl, sigmoid, write_json)
from .data import EVAL_GROUP, hard_sets, screening_pairs


def ranking(S: np.ndarray, gt: np.ndarray) -> dict:
    pos = S[np.arange(len(gt)), gt]
    rank = (S > pos[:, None]).sum(1) + 1  # ties count in the model's favour only if exactly equal
    return {"top1": float((rank == 1).mean()), "top5": float((rank <= 5).mean()),
            "mrr": float((1.0 / rank).mean()), "mean_rank": float(rank.mean()), "n_jobs": int(len(gt)),
            "n_candidates": int(S.shape[1])}


def separation(S: np.ndarray, gt: np.ndarray, hard: list[list[int]]) -> dict:
    n, m = S.shape
    pos = S[np.arange(n), gt]
    hard_mask = np.zeros_like(S, dtype=bool)
    for i, hs in enumerate(hard):
        hard_mask[i, hs] = True
    easy_mask = ~hard_mask
    easy_mask[np.arange(n), gt] = False
    hneg, eneg = S[hard_mask], S[easy_mask]

    def auc(neg):
        y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
        return float(roc_auc_score(y, np.r_[pos, neg]))

    return {"auc_easy": auc(eneg), "auc_hard": auc(hneg), "auc_all": auc(np.r_[hneg, eneg]),
            "n_pos": int(len(pos)), "n_hard": int(len(hneg)), "n_easy": int(len(eneg))}


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> tuple[float, list[dict]]:
    edges = np.linspace(0, 1, bins + 1)
    rows, ece = [], 0.0
    for k in range(bins):
        m = (p >= edges[k]) & ((p < edges[k + 1]) if k < bins - 1 else (p <= 1))
        if m.sum() == 0:
            rows.append({"bin": f"{edges[k]:.1f}-{edges[k + 1]:.1f}", "n": 0, "mean_p": None, "frac_fit": None})
            continue
        mp, fy = float(p[m].mean()), float(y[m].mean())
        ece += m.sum() / len(p) * abs(mp - fy)
        rows.append({"bin": f"{edges[k]:.1f}-{edges[k + 1]:.1f}", "n": int(m.sum()), "mean_p": round(mp, 4),
                     "frac_fit": round(fy, 4)})
    return float(ece), rows


def tfidf_matrix(jobs: list[str], resumes: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    v = TfidfVectorizer(sublinear_tf=True).fit(jobs + resumes)
    return (v.transform(jobs) @ v.transform(resumes).T).toarray()


def check_set(path: Path, int8: OrtScorer, torch_s, cal: dict, tf_platt: dict) -> dict:
    rows = read_jsonl(path)
    V, R = [r["vacancy"] for r in rows], [r["resume"] for r in rows]
    y = np.array([r["label"] for r in rows])
    li = int8(V, R, batch=1)
    lt = torch_s(V, R) if torch_s is not None else None
    p = sigmoid(cal["a"] * li + cal["b"])
    tf = np.array([tfidf_matrix([v], [r])[0, 0] for v, r in zip(V, R)])
    out = {"n": len(rows), "n_fit": int(y.sum()),
           "auc": float(roc_auc_score(y, li)), "accuracy_at_0.5": float(((p >= 0.5) == y).mean()),
           "mean_p_fit": float(p[y == 1].mean()), "mean_p_nofit": float(p[y == 0].mean()),
           "tfidf_auc": float(roc_auc_score(y, tf)),
           "pairs": [{"id": r["id"], "label": int(r["label"]), "logit_int8": round(float(a), 4),
                      **({"logit_torch": round(float(b), 4)} if lt is not None else {}),
                      "p": round(float(c), 4), "tfidf": round(float(d), 4)}
                     for r, a, b, c, d in zip(rows, li, lt if lt is not None else li, p, tf)]}
    return out


def evaluate(data_dir: Path = BUILD / "data", ship: Path = SHIP, fp32: Path = BUILD / "onnx" / "model.onnx",
             torch_dir: Path = BUILD / "finetuned", fp32_jobs: int = 15,
             eval_jobs: int = 0, reuse_matrix: bool = False) -> dict:
    t0 = time.time()
    groups = read_json(data_dir / "groups.json")
    grp = groups[str(EVAL_GROUP)]
    jobs, R = grp["jobs"], grp["resumes"]
    if eval_jobs:  # smoke tests only
        jobs = jobs[:eval_jobs]
        grp = {**grp, "jobs": jobs}
    J = [j["text"] for j in jobs]
    gt = np.array([j["gt"] for j in jobs])
    hard = hard_sets(jobs)
    tok = load_tokenizer(str(ship))
    cal = read_json(ship / "calibration.json")
    tf_platt = read_json(BUILD / "tfidf_platt.json")
    int8 = OrtScorer(ship / "onnx" / "model_quantized.onnx", tok)

    # ---- full 100 x 200 score matrix (int8) and TF-IDF
    vac = [J[i] for i in range(len(J)) for _ in range(len(R))]
    res = [R[k] for _ in range(len(J)) for k in range(len(R))]
    # int8 with dynamic quantization: activation scales are computed per call, so a pair's score depends on the
    # other pairs in a batch; score one pair per call, as the product's scorer does
    cache = BUILD / "eval_int8_matrix.npy"
    if reuse_matrix and cache.exists() and cache.stat().st_mtime > (ship / "onnx" / "model_quantized.onnx").stat().st_mtime:
        S8 = np.load(cache)  # resume an interrupted eval: int8 scores of this very model
        print(f"  [group-3 ranking int8] reused {cache}")
    else:
        S8 = int8(vac, res, batch=1, progress="group-3 ranking int8").reshape(len(J), len(R))
        np.save(cache, S8)
    ST = tfidf_matrix(J, R)

    res_out = {"eval_group": EVAL_GROUP, "model": "int8 ONNX (shipped)", "baseline": "TF-IDF cosine (sublinear tf, "
               "fitted on group-3 jobs + resumes)",
               "ranking": {"model_int8": ranking(S8, gt), "tfidf": ranking(ST, gt)},
               "separation": {"model_int8": separation(S8, gt, hard), "tfidf": separation(ST, gt, hard)}}

    # ---- calibration on a screening mix of group 3 (pos + up to 8 hard + 8 random easy per job)
    rng = random.Random(SEED + 3)
    pairs = screening_pairs(grp, list(range(len(jobs))), rng)
    y = np.array([p["label"] for p in pairs])
    lg = np.array([S8[p["job"], p["resume"]] for p in pairs])
    tfv = np.array([ST[p["job"], p["resume"]] for p in pairs])
    ece_raw, rel_raw = reliability(sigmoid(lg), y)
    ece_cal, rel_cal = reliability(sigmoid(cal["a"] * lg + cal["b"]), y)
    ece_tf, rel_tf = reliability(sigmoid(tf_platt["a"] * tfv + tf_platt["b"]), y)
    res_out["calibration"] = {
        "eval_mix": f"{len(pairs)} group-3 pairs: {int(y.sum())} fit, {int((y == 0).sum())} no-fit "
                    "(per job: its ground truth, up to 8 hard, 8 random easy negatives)",
        "ece_model_raw_sigmoid": ece_raw, "ece_model_platt": ece_cal, "ece_tfidf_platt": ece_tf,
        "reliability_model_platt": rel_cal, "reliability_model_raw": rel_raw, "reliability_tfidf_platt": rel_tf,
        "platt": {"a": cal["a"], "b": cal["b"]}}

    # ---- fp32 (= the PyTorch weights exported to ONNX) vs int8 on a subset of jobs
    if fp32.exists() and fp32_jobs > 0:
        n = min(fp32_jobs, len(J))
        f = OrtScorer(fp32, tok)
        S32 = f(vac[:n * len(R)], res[:n * len(R)], progress=f"fp32 on first {n} jobs").reshape(n, len(R))
        res_out["fp32_vs_int8"] = {
            "subset": f"first {n} group-3 jobs x all {len(R)} resumes",
            "ranking_fp32": ranking(S32, gt[:n]), "ranking_int8": ranking(S8[:n], gt[:n]),
            "ranking_tfidf": ranking(ST[:n], gt[:n]),
            "mean_abs_logit_diff": float(np.abs(S32 - S8[:n]).mean()),
            "max_abs_logit_diff": float(np.abs(S32 - S8[:n]).max()),
            "note": "fp32 ONNX is the PyTorch model exported as is (export checks |onnx-torch| < 1e-4)"}

    # ---- hand-written check sets (int8 + PyTorch)
    ts = TorchScorer(str(torch_dir), tok) if torch_dir.exists() else None
    res_out["ru_check"] = check_set(MODELS_DIR / "data" / "ru_check.jsonl", int8, ts, cal, tf_platt)
    res_out["en_check"] = check_set(MODELS_DIR / "data" / "en_check.jsonl", int8, ts, cal, tf_platt)
    res_out["seconds"] = round(time.time() - t0, 1)
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    write_json(EVAL_DIR / "results.json", res_out)
    (EVAL_DIR / "results.md").write_text(to_markdown(res_out))
    print((EVAL_DIR / "results.md").read_text())
    return res_out


def f3(x):
    return "—" if x is None else f"{x:.3f}"


def to_markdown(r: dict) -> str:
    rk, sp, c = r["ranking"], r["separation"], r["calibration"]
    L = [f"## Evaluation on held-out group {r['eval_group']} (never used for training or calibration)", "",
         "| metric | cross-encoder (int8 ONNX) | TF-IDF baseline |", "| --- | --- | --- |"]
    for k, name in [("top1", "top-1 (GT resume ranked first of 200)"), ("top5", "top-5"), ("mrr", "MRR"),
                    ("mean_rank", "mean rank of GT")]:
        L.append(f"| {name} | {f3(rk['model_int8'][k])} | {f3(rk['tfidf'][k])} |")
    for k, name in [("auc_easy", "ROC AUC fit vs easy negatives"), ("auc_hard", "ROC AUC fit vs hard negatives"),
                    ("auc_all", "ROC AUC fit vs all negatives")]:
        L.append(f"| {name} | {f3(sp['model_int8'][k])} | {f3(sp['tfidf'][k])} |")
    L.append(f"| ECE (10 bins) after Platt | {f3(c['ece_model_platt'])} | {f3(c['ece_tfidf_platt'])} |")
    L.append(f"| ECE before Platt (sigmoid of raw logit) | {f3(c['ece_model_raw_sigmoid'])} | n/a |")
    s = sp["model_int8"]
    L += ["", f"Ranking: {rk['model_int8']['n_jobs']} jobs × {rk['model_int8']['n_candidates']} resumes. "
          f"Separation: {s['n_pos']} fit pairs, {s['n_hard']} hard negatives (ground-truth resumes of jobs with the "
          f"same/similar title), {s['n_easy']} easy negatives (all other pairs).", "",
          f"### Reliability (model, Platt-calibrated) — {c['eval_mix']}", "",
          "| bin | n | mean predicted p | observed fraction fit |", "| --- | --- | --- | --- |"]
    for row in c["reliability_model_platt"]:
        L.append(f"| {row['bin']} | {row['n']} | {f3(row['mean_p'])} | {f3(row['frac_fit'])} |")
    if "fp32_vs_int8" in r:
        f = r["fp32_vs_int8"]
        L += ["", f"### fp32 (PyTorch weights) vs int8 — {f['subset']}", "",
              "| metric | fp32 | int8 | TF-IDF |", "| --- | --- | --- | --- |"]
        for k in ("top1", "top5", "mrr"):
            L.append(f"| {k} | {f3(f['ranking_fp32'][k])} | {f3(f['ranking_int8'][k])} | {f3(f['ranking_tfidf'][k])} |")
        L.append(f"\nmean |logit fp32 − int8| = {f['mean_abs_logit_diff']:.4f}, max = {f['max_abs_logit_diff']:.4f}")
    for key, title in (("ru_check", "Russian hand-written check set"), ("en_check", "English hand-written check set")):
        cs = r[key]
        L += ["", f"### {title} ({cs['n']} pairs, {cs['n_fit']} fit; written by hand, not real data)", "",
              f"AUC {cs['auc']:.3f} (TF-IDF {cs['tfidf_auc']:.3f}), accuracy at p≥0.5 {cs['accuracy_at_0.5']:.3f}, "
              f"mean p fit {cs['mean_p_fit']:.3f}, mean p no-fit {cs['mean_p_nofit']:.3f}", "",
              "| id | label | logit int8 | logit torch | p (calibrated) | TF-IDF |", "| --- | --- | --- | --- | --- | --- |"]
        for p in cs["pairs"]:
            L.append(f"| {p['id']} | {p['label']} | {p['logit_int8']:.3f} | {p.get('logit_torch', float('nan')):.3f} | "
                     f"{p['p']:.3f} | {p['tfidf']:.3f} |")
    return "\n".join(L) + "\n"
