"""sweep: train a few settings on a GPU, pick one by the calibration split (never by group 3), retrain the
chosen one to check that it reproduces, and pack its weights (rfit.transport) for the machine that ships it.

Group-3 numbers are computed for every setting and reported, but the choice reads only the calibration split:
the 20 held-out training jobs (their ground-truth resumes never trained on), each ranked against all 200
resumes of its group, and the AUC of the 302 calibration pairs.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from .common import BUILD, TRUNCATION, load_tokenizer, read_json, write_json
from .data import EVAL_GROUP, TRAIN_GROUPS, hard_sets
from .evaluate import ranking, separation, tfidf_matrix

# name -> train() settings; tried in this order while the time budget lasts
CONFIGS = {
    "list-256": dict(train_max_length=256, epochs=8, jobs_per_batch=8, lr=5e-5),
    "list-384": dict(train_max_length=384, epochs=8, jobs_per_batch=8, lr=5e-5),
    "list-512": dict(train_max_length=512, epochs=8, jobs_per_batch=8, lr=5e-5),
    "bce-256": dict(train_max_length=256, epochs=8, jobs_per_batch=8, lr=5e-5, listwise=0.0),
    "list-256-e20": dict(train_max_length=256, epochs=20, jobs_per_batch=16, lr=8e-5),  # = train.DEFAULTS
}


def gpu_logits(model_dir: Path, vac: list[str], res: list[str], max_length: int, batch: int = 128) -> np.ndarray:
    import torch

    from .model import CrossEncoder
    from .train import device_name

    dev = device_name()
    tok = load_tokenizer(str(model_dir))
    m = CrossEncoder.load(model_dir).to(dev)
    # in chunks: a fast tokenizer keeps every overflowing window of a truncated pair, ~0.6 MB a pair at 256 tokens
    enc = {k: [] for k in tok.model_input_names}
    for s in range(0, len(vac), 512):
        e = tok(vac[s:s + 512], res[s:s + 512], truncation=TRUNCATION, max_length=max_length)
        for k in enc:
            enc[k] += e[k]
    lens = np.array([len(x) for x in enc["input_ids"]])
    order = np.argsort(-lens, kind="stable")
    out = np.zeros(len(vac))
    with torch.no_grad():
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            sub = tok.pad({k: [enc[k][i] for i in idx] for k in tok.model_input_names}, return_tensors="pt")
            out[idx] = m(**{k: v.to(dev) for k, v in sub.items()})[:, 0].double().cpu().numpy()
    return out


def assess(model_dir: Path, max_length: int, groups: dict, split: dict) -> tuple[dict, np.ndarray]:
    cal_rank = []
    for g in TRAIN_GROUPS:
        grp = groups[str(g)]
        ids = split["cal_jobs"][str(g)]
        R = grp["resumes"]
        V = [grp["jobs"][j]["text"] for j in ids for _ in R]
        S = gpu_logits(model_dir, V, [r for _ in ids for r in R], max_length).reshape(len(ids), len(R))
        cal_rank.append((S, np.array([grp["jobs"][j]["gt"] for j in ids])))
    S = np.concatenate([s for s, _ in cal_rank])
    gt = np.concatenate([g for _, g in cal_rank])
    cp = read_json(BUILD / "data" / "cal_pairs.json")
    cv = [groups[str(p["group"])]["jobs"][p["job"]]["text"] for p in cp]
    cr = [groups[str(p["group"])]["resumes"][p["resume"]] for p in cp]
    cl = gpu_logits(model_dir, cv, cr, max_length)
    out = {"cal": {**ranking(S, gt), "auc": float(roc_auc_score([p["label"] for p in cp], cl))}}
    if os.environ.get("RF_SWEEP_GROUP3", "1") == "0":  # the calibration split only (what the choice reads)
        return out, np.zeros((0, 0))
    grp = groups[str(EVAL_GROUP)]
    J, R = grp["jobs"], grp["resumes"]
    S3 = gpu_logits(model_dir, [j["text"] for j in J for _ in R], [r for _ in J for r in R],
                    max_length).reshape(len(J), len(R))
    gt3 = np.array([j["gt"] for j in J])
    out["group3"] = {**ranking(S3, gt3), **separation(S3, gt3, hard_sets(J))}
    return out, S3


def run(base: str, names: list[str], budget_s: float, out: Path, repeat: bool = True) -> dict:
    from .train import train
    from .transport import pack_weights

    t0 = time.time()
    groups = read_json(BUILD / "data" / "groups.json")
    split = read_json(BUILD / "data" / "split.json")
    grp = groups[str(EVAL_GROUP)]
    st = tfidf_matrix([j["text"] for j in grp["jobs"]], grp["resumes"])
    gt3 = np.array([j["gt"] for j in grp["jobs"]])
    report = {"tfidf_group3": {**ranking(st, gt3), **separation(st, gt3, hard_sets(grp["jobs"]))}, "runs": {}}
    per_run, matrices = [], {}
    for name in names:
        el = time.time() - t0
        est = max(per_run) if per_run else 0
        if el + est > budget_s:
            print(f"[sweep] skip {name}: {el:.0f}s used, budget {budget_s:.0f}s", flush=True)
            continue
        t1 = time.time()
        d = BUILD / "sweep" / name
        info = train(base, out=d, **CONFIGS[name])
        res, matrices[name] = assess(d, CONFIGS[name]["train_max_length"], groups, split)
        res.update(settings=CONFIGS[name], train_seconds=round(info["train_minutes"] * 60, 1),
                   seconds=round(time.time() - t1, 1))
        report["runs"][name] = res
        if matrices[name].size:  # group-3 logits, to set beside the exported model's
            np.save(out / f"group3-{name}.npy", matrices[name].astype(np.float32))
        per_run.append(time.time() - t1)
        print(f"[sweep] {name}: {json.dumps(res)}", flush=True)
        write_json(out / "sweep.json", report)
    best = max(report["runs"], key=lambda n: (report["runs"][n]["cal"]["mrr"], report["runs"][n]["cal"]["auc"]))
    report["chosen"] = best
    report["chosen_by"] = "calibration split: MRR of the 20 held-out training jobs, then AUC of the calibration pairs"
    print(f"[sweep] chosen {best}", flush=True)
    # pack first: the weights are what the sweep is for, the repeat only checks them
    pack_weights(BUILD / "sweep" / best, out / "weights")
    write_json(out / "sweep.json", report)
    if repeat and time.time() - t0 + max(per_run) < budget_s * 1.25:
        d = BUILD / "sweep" / (best + "-again")
        train(base, out=d, **CONFIGS[best])
        res, S_again = assess(d, CONFIGS[best]["train_max_length"], groups, split)
        report["repeat"] = {**res, "max_abs_logit_diff_vs_first": (
            float(np.abs(S_again - matrices[best]).max()) if S_again.size else None)}
        print(f"[sweep] repeat of {best}: {json.dumps(report['repeat'])}", flush=True)
    report["seconds"] = round(time.time() - t0, 1)
    write_json(out / "sweep.json", report)
    return report
