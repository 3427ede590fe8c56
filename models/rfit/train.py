"""train: fine-tune the base encoder as a cross-encoder (single logit, BCE)."""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

import numpy as np

from .common import BUILD, MAX_LENGTH, SEED, THREADS, TRUNCATION, load_tokenizer, read_json, seed_all, write_json
from .data import training_epoch

DEFAULTS = dict(epochs=2, batch=16, lr=5e-5, head_lr=1e-3, warmup=0.1, weight_decay=0.01, pos_weight=2.0,
                n_hard=3, n_mined=1, n_easy=3, freeze_word_embeddings=True, grad_clip=1.0,
                train_max_length=MAX_LENGTH)


def train(base: str, out: Path = BUILD / "finetuned", data_dir: Path = BUILD / "data", max_steps: int = 0, **kw) -> dict:
    import torch
    from .model import CrossEncoder

    hp = {**DEFAULTS, **{k: v for k, v in kw.items() if v is not None}}
    torch.set_num_threads(THREADS)
    seed_all(SEED)
    groups = read_json(data_dir / "groups.json")
    split = read_json(data_dir / "split.json")
    tok = load_tokenizer(base)
    model = CrossEncoder.from_base(base)
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
    epochs = [training_epoch(groups, split, e, hp["n_hard"], hp["n_mined"], hp["n_easy"]) for e in range(hp["epochs"])]
    steps_per_epoch = math.ceil(len(epochs[0]) / hp["batch"])
    total = steps_per_epoch * hp["epochs"]
    if max_steps:  # smoke tests only
        total = min(total, max_steps)
        epochs = [epochs[0][: total * hp["batch"]]]
    warm = max(1, int(hp["warmup"] * total))
    lossf = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(hp["pos_weight"]))
    print(f"[train] base={base} pairs/epoch={len(epochs[0])} steps={total} threads={THREADS}", flush=True)
    model.train()
    step, log, t0 = 0, [], time.time()
    for e, pairs in enumerate(epochs):
        for s in range(0, len(pairs), hp["batch"]):
            b = pairs[s:s + hp["batch"]]
            vac = [groups[str(p["group"])]["jobs"][p["job"]]["text"] for p in b]
            res = [groups[str(p["group"])]["resumes"][p["resume"]] for p in b]
            enc_b = tok(vac, res, truncation=TRUNCATION, max_length=hp["train_max_length"], padding=True,
                        return_tensors="pt")
            feed = {k: enc_b[k] for k in tok.model_input_names if k in enc_b}
            y = torch.tensor([float(p["label"]) for p in b])
            f = (step + 1) / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))
            for g, lr0 in zip(opt.param_groups, base_lrs):
                g["lr"] = lr0 * f
            logits = model(**feed)[:, 0]
            loss = lossf(logits, y)
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
    model.eval()
    out.mkdir(parents=True, exist_ok=True)
    model.save(out)
    tok.save_pretrained(out)
    if Path(base).is_dir():  # keep the tokenizer files exactly as built (no re-serialisation)
        import shutil

        for f in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
            if (Path(base) / f).exists():
                shutil.copy(Path(base) / f, out / f)
    info = {"base": base, "hyperparameters": hp, "max_length": MAX_LENGTH, "truncation": TRUNCATION,
            "seed": SEED, "threads": THREADS, "steps": total, "pairs_per_epoch": len(epochs[0]),
            "train_minutes": round((time.time() - t0) / 60, 2),
            "loss_first10": float(np.mean(log[:10])), "loss_last10": float(np.mean(log[-10:]))}
    write_json(out / "train_info.json", info)
    print(f"[train] done in {info['train_minutes']} min -> {out}")
    return info
