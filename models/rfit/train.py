"""train: fine-tune the base encoder as a cross-encoder (single logit, BCE)."""
from __future__ import annotations

import contextlib
import json
import math
import time
from pathlib import Path

import numpy as np

from .common import BUILD, MAX_LENGTH, SEED, THREADS, TRUNCATION, load_tokenizer, read_json, seed_all, write_json
from .data import training_groups

# The shipped model's settings (see models/README.md, "Training"); `pipeline.py train` uses them as they are.
DEFAULTS = dict(epochs=20, jobs_per_batch=16, lr=8e-5, head_lr=1e-3, warmup=0.1, weight_decay=0.01, pos_weight=2.0,
                n_hard=4, n_mined=3, n_easy=8, listwise=1.0, freeze_word_embeddings=True, grad_clip=1.0,
                train_max_length=MAX_LENGTH, seed=SEED)


def _version(pkg: str) -> str:
    import importlib.metadata as md

    return md.version(pkg)


def device_name() -> str:
    """RF_DEVICE (cpu | cuda), else CUDA when PyTorch sees a GPU."""
    import os

    import torch

    d = os.environ.get("RF_DEVICE", "").strip()
    return d or ("cuda" if torch.cuda.is_available() else "cpu")


def train(base: str, out: Path = BUILD / "finetuned", data_dir: Path = BUILD / "data", max_steps: int = 0, **kw) -> dict:
    """Each step takes jobs_per_batch training jobs with a group of 1 + n_hard + n_mined + n_easy resumes each
    (its ground truth first). Loss: binary cross-entropy over every pair (the score must be a probability of
    fit) + `listwise` x softmax cross-entropy within each job's group (the ground truth must outrank the
    confusable resumes written for the same or a similar posting)."""
    import torch
    from .model import CrossEncoder

    hp = {**DEFAULTS, **{k: v for k, v in kw.items() if v is not None}}
    dev = device_name()
    torch.set_num_threads(THREADS)
    seed_all(hp["seed"])
    groups = read_json(data_dir / "groups.json")
    split = read_json(data_dir / "split.json")
    tok = load_tokenizer(base)
    model = CrossEncoder.from_base(base).to(dev)
    if hp["freeze_word_embeddings"]:
        # keeps the multilingual token space intact (we fine-tune on English only)
        model.encoder.get_input_embeddings().weight.requires_grad_(False)
    head, enc = [], []
    for n, p in model.named_parameters():
        if not p.requires_grad:
            continue
        (head if n.startswith("classifier") else enc).append((n, p))

    def groups_for(params, lr):
        decay = [p for n, p in params if p.ndim > 1]
        nodecay = [p for n, p in params if p.ndim <= 1]
        return [{"params": decay, "lr": lr, "weight_decay": hp["weight_decay"]},
                {"params": nodecay, "lr": lr, "weight_decay": 0.0}]

    opt = torch.optim.AdamW(groups_for(enc, hp["lr"]) + groups_for(head, hp["head_lr"]))
    base_lrs = [g["lr"] for g in opt.param_groups]
    gsize = 1 + hp["n_hard"] + hp["n_mined"] + hp["n_easy"]
    epochs = [training_groups(groups, split, e, hp["n_hard"], hp["n_mined"], hp["n_easy"], hp["seed"], fill=True)
              for e in range(hp["epochs"])]
    jpb = hp["jobs_per_batch"]
    steps_per_epoch = math.ceil(len(epochs[0]) / jpb)
    total = steps_per_epoch * hp["epochs"]
    if max_steps:  # smoke tests only
        total = min(total, max_steps)
        epochs = [epochs[0][: total * jpb]]
    warm = max(1, int(hp["warmup"] * total))
    lossf = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(hp["pos_weight"], device=dev))
    amp = torch.autocast("cuda", dtype=torch.bfloat16) if dev == "cuda" else contextlib.nullcontext()
    print(f"[train] base={base} device={dev} jobs/epoch={len(epochs[0])} pairs/job={gsize} steps={total} "
          f"max_length={hp['train_max_length']} threads={THREADS}", flush=True)
    model.train()
    step, log, t0 = 0, [], time.time()
    for e, jobs in enumerate(epochs):
        for s in range(0, len(jobs), jpb):
            bj = [g for g in jobs[s:s + jpb] if len(g) == gsize]
            b = [p for g in bj for p in g]
            vac = [groups[str(p["group"])]["jobs"][p["job"]]["text"] for p in b]
            res = [groups[str(p["group"])]["resumes"][p["resume"]] for p in b]
            enc_b = tok(vac, res, truncation=TRUNCATION, max_length=hp["train_max_length"], padding=True,
                        return_tensors="pt")
            feed = {k: enc_b[k].to(dev) for k in tok.model_input_names if k in enc_b}
            y = torch.tensor([float(p["label"]) for p in b], device=dev)
            f = (step + 1) / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))
            for g, lr0 in zip(opt.param_groups, base_lrs):
                g["lr"] = lr0 * f
            with amp:
                logits = model(**feed)[:, 0]
            logits = logits.float()
            loss = lossf(logits, y)
            if hp["listwise"] > 0:  # the positive is the first of each group
                lg = logits.view(len(bj), gsize)
                loss = loss + hp["listwise"] * torch.nn.functional.cross_entropy(
                    lg, torch.zeros(len(bj), dtype=torch.long, device=dev))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), hp["grad_clip"])
            opt.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            log.append(loss.item())
            if step % 10 == 0 or step == total:
                el = time.time() - t0
                print(f"  epoch {e + 1} step {step}/{total} loss(avg10)={np.mean(log[-10:]):.4f} "
                      f"elapsed={el / 60:.1f}min eta={(total - step) * el / step / 60:.1f}min", flush=True)
            if step >= total:
                break
    model.eval().to("cpu")
    out.mkdir(parents=True, exist_ok=True)
    model.save(out)
    tok.save_pretrained(out)
    if Path(base).is_dir():  # keep the tokenizer files exactly as built (no re-serialisation)
        import shutil

        for f in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
            if (Path(base) / f).exists():
                shutil.copy(Path(base) / f, out / f)
    info = {"base": base, "hyperparameters": hp, "max_length": MAX_LENGTH, "truncation": TRUNCATION,
            "seed": hp["seed"], "threads": THREADS, "device": dev,
            "device_name": torch.cuda.get_device_name(0) if dev == "cuda" else "cpu",
            "torch": torch.__version__, "transformers": _version("transformers"), "steps": total, "pairs_per_epoch": len(epochs[0]) * gsize,
            "train_minutes": round((time.time() - t0) / 60, 2),
            "loss_first10": float(np.mean(log[:10])), "loss_last10": float(np.mean(log[-10:]))}
    write_json(out / "train_info.json", info)
    print(f"[train] done in {info['train_minutes']} min -> {out}")
    return info
