"""distill: a shallower sentence encoder that reproduces multilingual-e5-small's embeddings, for matching by meaning.

The product embeds every sentence of a resume that can be evidence (about 54 in a two-page CV) on two CPU cores; with
the twelve layers of e5-small that is most of a single analysis's time. The student keeps e5-small's vocabulary,
embeddings and width and a few of its layers (spread over the depth, each initialised from the teacher's layer), and
is trained to give the teacher's unit vectors and the teacher's cosines between sentences of a batch (the product
compares cosines with thresholds, so the geometry between sentences matters more than each vector alone).

Text (no labels are read): sentences and lines of screening groups 1-2 (never group 3), data/dev's postings and
resumes (not its similarity pairs, which evaluate the embedder), the fit part of data/fit-set (no posting of the
held-out part and no resume graded against one) and the hand-written Russian check; each also as random shorter
spans, so the student sees requirement-sized text. Russian text is repeated to weigh about as much as English.
"""
from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import numpy as np

from .common import BUILD, MODELS_DIR, REPO_ROOT, SEED, THREADS, read_jsonl, write_json

STUDENT = BUILD / "embed-student"
MAX_TOKENS = 64
PREFIX = "query: "  # the shipped prefix on both sides (rfit/embedder.py)
CYR = re.compile(r"[А-Яа-яЁё]")


def _sentences(text: str) -> list[str]:
    out = []
    for line in re.split(r"\n+", text):
        for s in re.split(r"(?<=[.!?;])\s+|\s[•·▪–—]\s", line):
            s = re.sub(r"\s+", " ", s).strip(" •·-–—*\t")
            if 12 <= len(s) <= 400 and re.search(r"[A-Za-zА-Яа-яЁё]{3}", s):
                out.append(s)
    return out


def corpus() -> dict:
    """Training sentences by source; nothing from screening group 3, data/dev/similarity or fit-set's held-out part."""
    from .common import data_dir
    from .data import TRAIN_GROUPS, load_group

    texts: dict[str, list[str]] = {}
    data = data_dir()
    for g in TRAIN_GROUPS:
        grp = load_group(data, g)
        texts[f"screening group {g}"] = grp["resumes"] + [j["text"] for j in grp["jobs"]]
    dev = REPO_ROOT / "data" / "dev"
    texts["data/dev postings and resumes"] = [p.read_text() for d in ("postings", "resumes") for p in
                                              sorted((dev / d).glob("*.txt"))]
    fs = REPO_ROOT / "data" / "fit-set"
    held = set(json.loads((fs / "split.json").read_text())["held-out"])
    labels = read_jsonl(fs / "labels.jsonl")
    held_resumes = {x["resume"] for x in labels if x["posting"] in held}
    fit_postings = sorted({x["posting"] for x in labels if x["posting"] not in held})
    fit_resumes = sorted({x["resume"] for x in labels if x["posting"] not in held} - held_resumes)
    texts["data/fit-set fit part"] = ([(fs / "postings" / f"{p}.txt").read_text() for p in fit_postings]
                                      + [(fs / "resumes" / f"{r}.txt").read_text() for r in fit_resumes])
    texts["Russian check"] = [t for row in read_jsonl(MODELS_DIR / "data" / "ru_check.jsonl")
                              for t in (row["vacancy"], row["resume"])]
    return texts


def training_sentences(seed: int = SEED) -> tuple[list[str], dict]:
    rng = random.Random(seed)
    src = corpus()
    seen, ru, en, per = set(), [], [], {}
    for name, docs in src.items():
        n = 0
        for d in docs:
            for s in _sentences(d):
                if s in seen:
                    continue
                seen.add(s)
                (ru if CYR.search(s) else en).append(s)
                n += 1
        per[name] = n
    spans = []
    for s in ru + en:  # a requirement-sized piece of each longer sentence
        w = s.split()
        if len(w) >= 6:
            k = rng.randint(2, min(8, len(w) - 1))
            i = rng.randint(0, len(w) - k)
            spans.append(" ".join(w[i:i + k]))
    ru_spans = [s for s in spans if CYR.search(s)]
    en_spans = [s for s in spans if not CYR.search(s)]
    # a few thousand strings of frequent words, so that words the sentences above never use are read like the
    # teacher reads them too (Russian text is scarcer here than English)
    from wordfreq import top_n_list

    bags = []
    for lang, n in (("ru", 8000), ("en", 3000)):
        words = [w for w in top_n_list(lang, 30000) if len(w) > 1]
        for _ in range(n):
            k = rng.randint(2, 12)
            bags.append(" ".join(words[min(len(words) - 1, int(rng.paretovariate(0.6)) * 7 + rng.randint(0, 6))]
                                 if rng.random() < 0.5 else rng.choice(words) for _ in range(k)))
    weight = max(1, min(4, round(len(en) / max(1, len(ru)))))
    out = en + en_spans + (ru + ru_spans) * weight + bags
    rng.shuffle(out)
    info = {"sentences_by_source": per, "english": len(en), "russian": len(ru), "spans": len(spans),
            "russian_repeated": weight, "word_strings": len(bags),
            "training_texts": len(out)}
    return out, info


def _pool(h, mask):
    import torch

    m = mask.unsqueeze(-1).to(h.dtype)
    return torch.nn.functional.normalize((h * m).sum(1) / m.sum(1).clamp(min=1.0), p=2.0, dim=-1)


def student_from(teacher, layers: list[int]):
    import copy

    s = copy.deepcopy(teacher)
    s.encoder.layer = type(s.encoder.layer)([s.encoder.layer[i] for i in layers])
    s.config.num_hidden_layers = len(layers)
    return s


def distill(base: str, layers: list[int], epochs: int = 2, batch: int = 64, lr: float = 1e-4,
            out: Path = STUDENT, limit: int | None = None) -> dict:
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    torch.set_num_threads(THREADS)
    tok = AutoTokenizer.from_pretrained(base)
    teacher = AutoModel.from_pretrained(base, add_pooling_layer=False).eval()
    texts, info = training_sentences()
    if limit:
        texts = texts[:limit]
    print(f"[distill] {info}", flush=True)

    def enc(ts):
        return tok([PREFIX + t for t in ts], truncation=True, max_length=MAX_TOKENS, padding=True,
                   return_tensors="pt")

    # teacher vectors once, in batches of similar length (kept in build/ for the next run on the same texts)
    import hashlib

    t0 = time.time()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    key = hashlib.sha256(("\n".join(texts) + base).encode()).hexdigest()[:16]
    cached = BUILD / "embed" / f"teacher-{key}.npy"
    if cached.exists():
        target = torch.from_numpy(np.load(cached))
    else:
        target = torch.zeros(len(texts), teacher.config.hidden_size)
        with torch.no_grad():
            for s in range(0, len(order), 128):
                idx = order[s:s + 128]
                e = enc([texts[i] for i in idx])
                target[idx] = _pool(teacher(**e).last_hidden_state, e["attention_mask"])
        cached.parent.mkdir(parents=True, exist_ok=True)
        np.save(cached, target.numpy())
    print(f"[distill] teacher vectors for {len(texts)} texts in {time.time() - t0:.0f} s", flush=True)

    student = student_from(teacher, layers).train()
    for p in student.embeddings.word_embeddings.parameters():
        p.requires_grad = False  # the vocabulary stays the teacher's
    params = [p for p in student.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.0)
    steps = epochs * ((len(texts) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: min(1.0, (k + 1) / 100) * max(0.0, 1 - k / steps))
    rng = random.Random(SEED)
    # batches of similar length (less padding), shuffled
    chunks = [order[s:s + batch] for s in range(0, len(order), batch)]
    log, k, t0 = [], 0, time.time()
    for ep in range(epochs):
        rng.shuffle(chunks)
        for idx in chunks:
            e = enc([texts[i] for i in idx])
            v = _pool(student(**e).last_hidden_state, e["attention_mask"])
            t = target[idx]
            vec = ((v - t) ** 2).sum(1).mean()
            geo = ((v @ v.T - t @ t.T) ** 2).mean()
            loss = vec + 10.0 * geo
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            k += 1
            if k % 50 == 0:
                cos = (v * t).sum(1).mean().item()
                print(f"[distill] epoch {ep + 1} step {k}/{steps} loss {loss.item():.4f} cos {cos:.4f} "
                      f"({time.time() - t0:.0f} s)", flush=True)
                log.append({"step": k, "loss": round(loss.item(), 5), "cos_to_teacher": round(cos, 5)})
    student.eval()
    out.mkdir(parents=True, exist_ok=True)
    student.save_pretrained(out)
    import shutil

    for f in Path(base).iterdir():  # the base's tokenizer files as they are (the shipped tokenizer is checked)
        if f.name.startswith(("tokenizer", "special_tokens", "sentencepiece")):
            shutil.copy(f, out / f.name)
    cfg = json.loads((out / "config.json").read_text())
    cfg["_distilled"] = {"teacher": "intfloat/multilingual-e5-small", "teacher_layers_kept": layers,
                         "epochs": epochs, "batch": batch, "lr": lr, **info}
    (out / "config.json").write_text(json.dumps(cfg, indent=2))
    res = {"layers": layers, "seconds": round(time.time() - t0), "log": log, **info}
    write_json(BUILD / "embed" / "distill.json", res)
    return res


def fidelity(base: str, student: Path = STUDENT) -> dict:
    """Student against teacher on text it was not trained on: the similarity pairs' cosines (data/dev/similarity)
    and the held-out fit-set's sentences (vectors only, no labels)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(THREADS)
    tok = AutoTokenizer.from_pretrained(base)
    models = {"teacher": AutoModel.from_pretrained(base, add_pooling_layer=False).eval(),
              "student": AutoModel.from_pretrained(str(student), add_pooling_layer=False).eval()}

    def emb(m, ts):
        out = []
        with torch.no_grad():
            for s in range(0, len(ts), 64):
                e = tok([PREFIX + t for t in ts[s:s + 64]], truncation=True, max_length=MAX_TOKENS, padding=True,
                        return_tensors="pt")
                out.append(_pool(m(**e).last_hidden_state, e["attention_mask"]))
        return torch.cat(out).numpy()

    rows = read_jsonl(REPO_ROOT / "data" / "dev" / "similarity" / "pairs.jsonl")
    res = {}
    sims = {}
    for name, m in models.items():
        a, b = emb(m, [r["requirement"] for r in rows]), emb(m, [r["resume"] for r in rows])
        sims[name] = (a * b).sum(1)
    from .embedder import _auc

    for name, s in sims.items():
        res[name] = {lab2: round(_auc([x for x, r in zip(s, rows) if r["label"] == "match"],
                                      [x for x, r in zip(s, rows) if r["label"] == lab2]), 3)
                     for lab2 in ("partial", "none")}
    d = sims["student"] - sims["teacher"]
    res["pair_cosine_student_minus_teacher"] = {"mean": round(float(d.mean()), 4),
                                                "mean_abs": round(float(np.abs(d).mean()), 4),
                                                "max_abs": round(float(np.abs(d).max()), 4)}
    fs = REPO_ROOT / "data" / "fit-set"
    held = json.loads((fs / "split.json").read_text())["held-out"]
    sents = [s for p in held for s in _sentences((fs / "postings" / f"{p}.txt").read_text())][:600]
    cos = (emb(models["student"], sents) * emb(models["teacher"], sents)).sum(1)
    res["held_out_sentences_cos_to_teacher"] = {"n": len(sents), "mean": round(float(cos.mean()), 4),
                                                "p05": round(float(np.percentile(cos, 5)), 4),
                                                "min": round(float(cos.min()), 4)}
    return res
