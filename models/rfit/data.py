"""prepare: build training / calibration / evaluation pairs from the screening CSVs.

Groups 1-2 -> training (+ a calibration split of 10 % of their jobs, by job); group 3 -> evaluation only.
For a job: positive = its ground-truth resume; hard negatives = ground-truth resumes of other jobs of
the same group with the same or a similar title; easy negatives = every other resume of the group.
"""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pandas as pd

from .common import BUILD, SEED, similar_title, write_json

TRAIN_GROUPS = (1, 2)
EVAL_GROUP = 3
CAL_FRACTION = 0.10


def load_group(data: Path, g: int) -> dict:
    jd = pd.read_csv(data / f"jd{g}.csv")
    rs = pd.read_csv(data / f"resumes{g}.csv")
    ts = pd.read_csv(data / f"testset{g}.csv")
    resumes = [str(x) for x in rs["Resume"].tolist()]
    idx = {r: i for i, r in enumerate(resumes)}
    jobs = []
    for i, row in ts.iterrows():
        gt = idx.get(str(row["Ground Truth"]))
        if gt is None:
            raise SystemExit(f"group {g} job {i}: ground truth is not a row of resumes{g}.csv")
        title = str(jd["Job Title"][i]) if i < len(jd) else str(row["Job Description"]).split("\n", 1)[0]
        jobs.append({"group": g, "job": int(i), "title": title.strip(), "text": str(row["Job Description"]),
                     "gt": int(gt)})
    return {"group": g, "jobs": jobs, "resumes": resumes}


def hard_sets(jobs: list[dict]) -> list[list[int]]:
    """For each job: resume indices of ground truths of similar-title jobs (excluding its own)."""
    out = []
    for j in jobs:
        out.append(sorted({o["gt"] for o in jobs if o is not j and o["gt"] != j["gt"]
                           and similar_title(j["title"], o["title"])}))
    return out


def screening_pairs(group: dict, job_ids, rng: random.Random, n_easy: int = 8, max_hard: int = 8,
                    exclude_resumes: set | None = None) -> list[dict]:
    """Fixed evaluation-style mix per job: positive, up to max_hard hard, n_easy random easy negatives."""
    jobs, R = group["jobs"], group["resumes"]
    hs = hard_sets(jobs)
    ex = exclude_resumes or set()
    pairs = []
    for ji in job_ids:
        j = jobs[ji]
        pairs.append(dict(group=group["group"], job=ji, resume=j["gt"], label=1, kind="pos"))
        hard = [r for r in hs[ji] if r not in ex]
        rng.shuffle(hard)
        for r in hard[:max_hard]:
            pairs.append(dict(group=group["group"], job=ji, resume=r, label=0, kind="hard"))
        easy = [r for r in range(len(R)) if r != j["gt"] and r not in hs[ji] and r not in ex]
        for r in rng.sample(easy, min(n_easy, len(easy))):
            pairs.append(dict(group=group["group"], job=ji, resume=r, label=0, kind="easy"))
    return pairs


def prepare(data: Path, out: Path = BUILD / "data") -> dict:
    rng = random.Random(SEED)
    groups = {g: load_group(data, g) for g in (*TRAIN_GROUPS, EVAL_GROUP)}
    train_jobs, cal_jobs = {}, {}
    for g in TRAIN_GROUPS:
        ids = list(range(len(groups[g]["jobs"])))
        rng.shuffle(ids)
        k = max(1, int(round(CAL_FRACTION * len(ids))))
        cal_jobs[g], train_jobs[g] = sorted(ids[:k]), sorted(ids[k:])
    cal_pairs = []
    for g in TRAIN_GROUPS:
        cal_pairs += screening_pairs(groups[g], cal_jobs[g], rng)
    # resumes that are ground truth of calibration jobs never enter training
    cal_gt = {g: {groups[g]["jobs"][j]["gt"] for j in cal_jobs[g]} for g in TRAIN_GROUPS}
    split = {
        "data_dir": str(data), "seed": SEED, "train_groups": list(TRAIN_GROUPS), "eval_group": EVAL_GROUP,
        "train_jobs": {str(g): v for g, v in train_jobs.items()},
        "cal_jobs": {str(g): v for g, v in cal_jobs.items()},
        "cal_excluded_resumes": {str(g): sorted(v) for g, v in cal_gt.items()},
    }
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / "groups.json", {str(g): v for g, v in groups.items()})
    write_json(out / "split.json", split)
    write_json(out / "cal_pairs.json", cal_pairs)
    n_train = sum(len(v) for v in train_jobs.values())
    print(f"[prepare] data={data}  train jobs={n_train}  calibration jobs={sum(map(len, cal_jobs.values()))} "
          f"({len(cal_pairs)} pairs)  eval group={EVAL_GROUP} ({len(groups[EVAL_GROUP]['jobs'])} jobs, "
          f"{len(groups[EVAL_GROUP]['resumes'])} resumes)")
    return split


def tfidf_mined(group: dict, job_ids, k: int = 10) -> dict[int, list[int]]:
    """Top-k non-ground-truth resumes by TF-IDF cosine for each job (used to sample confusable negatives)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    J = [group["jobs"][j]["text"] for j in job_ids]
    v = TfidfVectorizer(sublinear_tf=True).fit(J + group["resumes"])
    S = (v.transform(J) @ v.transform(group["resumes"]).T).toarray()
    out = {}
    for row, ji in enumerate(job_ids):
        order = np.argsort(-S[row])
        out[ji] = [int(r) for r in order if r != group["jobs"][ji]["gt"]][:k]
    return out


def training_groups(groups: dict, split: dict, epoch: int, n_hard: int, n_mined: int, n_easy: int,
                    seed: int = SEED, fill: bool = False) -> list[list[dict]]:
    """Per training job and epoch: its positive, n_hard title-hard, n_mined TF-IDF-confusable and n_easy random
    negatives, sampled anew each epoch with a seed derived from the epoch. With fill, a job with fewer hard or
    mined candidates gets more random negatives, so that every group has the same size (for the listwise loss)."""
    rng = random.Random(seed * 1000 + epoch)
    out = []
    for g in split["train_groups"]:
        grp = groups[str(g)]
        jobs, R = grp["jobs"], grp["resumes"]
        ids = split["train_jobs"][str(g)]
        ex = set(split["cal_excluded_resumes"][str(g)])
        hs = hard_sets(jobs)
        mined = grp.setdefault("_mined", tfidf_mined(grp, ids))
        for ji in ids:
            j = jobs[ji]
            pairs = [dict(group=g, job=ji, resume=j["gt"], label=1, kind="pos")]
            hard = [r for r in hs[ji] if r not in ex]
            used = set()
            for r in rng.sample(hard, min(n_hard, len(hard))):
                pairs.append(dict(group=g, job=ji, resume=r, label=0, kind="hard")); used.add(r)
            mm = [r for r in mined[ji] if r not in ex and r not in used]
            for r in rng.sample(mm, min(n_mined, len(mm))):
                pairs.append(dict(group=g, job=ji, resume=r, label=0, kind="mined")); used.add(r)
            easy = [r for r in range(len(R)) if r != j["gt"] and r not in ex and r not in used and r not in hs[ji]]
            k = (1 + n_hard + n_mined + n_easy - len(pairs)) if fill else n_easy
            for r in rng.sample(easy, min(k, len(easy))):
                pairs.append(dict(group=g, job=ji, resume=r, label=0, kind="easy"))
            out.append(pairs)
    rng.shuffle(out)
    return out


def training_epoch(groups: dict, split: dict, epoch: int, n_hard: int, n_mined: int, n_easy: int,
                   seed: int = SEED) -> list[dict]:
    """Pairs for one epoch (training_groups, flattened and shuffled)."""
    rng = random.Random(seed * 1000 + epoch + 7)
    pairs = [p for grp in training_groups(groups, split, epoch, n_hard, n_mined, n_easy, seed) for p in grp]
    rng.shuffle(pairs)
    return pairs
