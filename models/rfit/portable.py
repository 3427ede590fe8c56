"""portable: rewrites the int8 model so that every x86-64 CPU computes the same logits.

onnxruntime picks its kernels by what the CPU has, and two of them round differently across CPUs:

- Matrix products of a uint8 activation and an int8 weight (U8S8, what dynamic quantization writes). On AVX-512 VNNI
  and AVX-VNNI they run on VPDPBUSD, which adds in 32 bits; on AVX2-only CPUs on VPMADDUBSW, which adds two u8×s8
  products into a *saturating* int16. The same file gave logits up to 0.35 apart. A uint8 weight with zero point 128
  holds exactly the same numbers ((w + 128) − 128 = w), and onnxruntime multiplies uint8 by uint8 by widening to
  16 bits (VPMADDWD), which cannot saturate: the products are exact integers on every CPU.
- Softmax, inside MultiHeadAttention too: its sum of exponentials is added up 16 lanes at a time with AVX-512 and 8
  with AVX2, so the probabilities differ in the last bit. Alone that is nothing, but dynamic quantization computes
  each activation scale from the tensor's extremes, so a last-bit difference moves a scale, flips a rounding, and
  after twelve layers a logit moved by up to 0.07. The attention is therefore written out with plain operators whose
  onnxruntime kernels are the same code on every x86-64 CPU (MatMul, ReduceMax, Sub, Exp, ReduceSum, Div; checked
  one by one under an emulated AVX2 CPU, see the model card).

Everything else in the graph (LayerNormalization, Erf, the quantize/dequantize steps, fp32 MatMul) was checked to
give bit-identical results on AVX2 and AVX-512 CPUs.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, numpy_helper


PORTABLE_QUANTIZATION = ("weights stored as uint8 with zero point 128 (the same int8 values): U8U8 products, exact "
                         "integers on every x86-64 CPU (rfit/portable.py)")
PER_TOKEN_ACTIVATIONS = ("activations quantized with one scale per token (symmetric, uint8 with zero point 128) and "
                         "the pooling sum taken per sentence (rfit/portable.py): a sentence's vector does not depend "
                         "on the other sentences of its call")
PORTABLE_ATTENTION = ("explicit: MatMul, ReduceMax, Sub, Exp, ReduceSum, Div a layer (rfit/portable.py): the same "
                      "kernels on every x86-64 CPU")


def portable_weights(m) -> int:
    """U8S8 → U8U8: every int8 MatMulInteger weight becomes uint8 with zero point 128; returns how many."""
    inits = {i.name: i for i in m.graph.initializer}
    users: dict[str, list[onnx.NodeProto]] = {}
    for n in m.graph.node:
        for name in n.input:
            users.setdefault(name, []).append(n)
    converted = 0
    for n in m.graph.node:
        if n.op_type != "MatMulInteger" or len(n.input) < 4:
            continue
        w_name, zp_name = n.input[1], n.input[3]
        w, zp = inits.get(w_name), inits.get(zp_name)
        if w is None or zp is None or w.data_type != TensorProto.INT8:
            continue
        # A shared initializer would change for its other readers too: refuse rather than guess.
        for name in (w_name, zp_name):
            if any(u.op_type != "MatMulInteger" for u in users[name]):
                raise RuntimeError(f"{name} is read by a node other than MatMulInteger")
        wa = numpy_helper.to_array(w).astype(np.int16)
        za = numpy_helper.to_array(zp).astype(np.int16)
        if wa.min() < -128 or wa.max() > 127 or np.any(za != 0):
            raise RuntimeError(f"{w_name}: expected symmetric int8 weights with zero point 0")
        w.CopyFrom(numpy_helper.from_array((wa + 128).astype(np.uint8), w_name))
        zp.CopyFrom(numpy_helper.from_array((za + 128).astype(np.uint8), zp_name))
        converted += 1
    return converted


def explicit_attention(m) -> int:
    """Each MultiHeadAttention node (q, k, v, key padding mask) becomes the same attention in plain operators."""
    from onnx import helper

    g = m.graph
    out_nodes = []
    inits = []
    count = 0
    for n in g.node:
        if n.op_type != "MultiHeadAttention" or n.domain != "com.microsoft":
            out_nodes.append(n)
            continue
        attrs = {a.name: helper.get_attribute_value(a) for a in n.attribute}
        heads = int(attrs["num_heads"])
        q, k, v = n.input[0], n.input[1], n.input[2]
        if len(n.input) > 3 and n.input[3]:
            raise RuntimeError("MultiHeadAttention with a bias input is not handled")
        mask = n.input[4] if len(n.input) > 4 else ""
        p = f"/portable/attn{count}"
        hidden = None
        for vi in list(g.value_info) + list(g.input):
            if vi.name == q:
                hidden = vi.type.tensor_type.shape.dim[-1].dim_value
        if not hidden:
            hidden = int(attrs.get("hidden", 0)) or 384
        dh = hidden // heads
        scale = float(attrs.get("scale", 1.0 / np.sqrt(dh)))
        shape4 = numpy_helper.from_array(np.array([0, 0, heads, dh], np.int64), f"{p}/shape4")
        shape3 = numpy_helper.from_array(np.array([0, 0, heads * dh], np.int64), f"{p}/shape3")
        sc = numpy_helper.from_array(np.array(scale, np.float32), f"{p}/scale")
        axes = numpy_helper.from_array(np.array([-1], np.int64), f"{p}/axes")
        inits += [shape4, shape3, sc, axes]
        nodes = [
            helper.make_node("Reshape", [q, shape4.name], [f"{p}/q4"]),
            helper.make_node("Transpose", [f"{p}/q4"], [f"{p}/qt"], perm=[0, 2, 1, 3]),
            helper.make_node("Reshape", [k, shape4.name], [f"{p}/k4"]),
            helper.make_node("Transpose", [f"{p}/k4"], [f"{p}/kt"], perm=[0, 2, 3, 1]),
            helper.make_node("Reshape", [v, shape4.name], [f"{p}/v4"]),
            helper.make_node("Transpose", [f"{p}/v4"], [f"{p}/vt"], perm=[0, 2, 1, 3]),
            helper.make_node("MatMul", [f"{p}/qt", f"{p}/kt"], [f"{p}/qk"]),
            helper.make_node("Mul", [f"{p}/qk", sc.name], [f"{p}/scores"]),
        ]
        scores = f"{p}/scores"
        if mask:
            # key padding mask (1 keep, 0 drop) → additive bias of 0 or −10000, broadcast over heads and queries;
            # for an unpadded pair the bias is exactly 0 and adds nothing.
            big = numpy_helper.from_array(np.array(10000.0, np.float32), f"{p}/big")
            one = numpy_helper.from_array(np.array(1.0, np.float32), f"{p}/one")
            ax12 = numpy_helper.from_array(np.array([1, 2], np.int64), f"{p}/ax12")
            inits += [big, one, ax12]
            nodes += [
                helper.make_node("Cast", [mask], [f"{p}/maskf"], to=onnx.TensorProto.FLOAT),
                helper.make_node("Sub", [f"{p}/maskf", one.name], [f"{p}/maskm1"]),
                helper.make_node("Mul", [f"{p}/maskm1", big.name], [f"{p}/maskb"]),
                helper.make_node("Unsqueeze", [f"{p}/maskb", ax12.name], [f"{p}/maskb4"]),
                helper.make_node("Add", [f"{p}/scores", f"{p}/maskb4"], [f"{p}/masked"]),
            ]
            scores = f"{p}/masked"
        nodes += [
            helper.make_node("ReduceMax", [scores], [f"{p}/max"], axes=[-1], keepdims=1),
            helper.make_node("Sub", [scores, f"{p}/max"], [f"{p}/shifted"]),
            helper.make_node("Exp", [f"{p}/shifted"], [f"{p}/exp"]),
            helper.make_node("ReduceSum", [f"{p}/exp", axes.name], [f"{p}/sum"], keepdims=1),
            helper.make_node("Div", [f"{p}/exp", f"{p}/sum"], [f"{p}/probs"]),
            helper.make_node("MatMul", [f"{p}/probs", f"{p}/vt"], [f"{p}/ctx"]),
            helper.make_node("Transpose", [f"{p}/ctx"], [f"{p}/ctxt"], perm=[0, 2, 1, 3]),
            helper.make_node("Reshape", [f"{p}/ctxt", shape3.name], [n.output[0]]),
        ]
        out_nodes += nodes
        count += 1
    del g.node[:]
    g.node.extend(out_nodes)
    g.initializer.extend(inits)
    return count


NARROW = 64
NARROW_QUANTIZATION = ("weights within ±64 (int8, zero point 0): U8S8 products, VNNI's fast kernels where the CPU has "
                       "them, exact integers on every x86-64 CPU (rfit/portable.py, narrow_weights)")


def narrow_weights(m) -> int:
    """Each MatMulInteger weight (int8 with zero point 0, or the uint8 with zero point 128 of portable_weights)
    becomes int8 within ±64, its per-channel scale multiplied by max|w| / 64. VPMADDUBSW, the AVX2 kernel that
    saturates, adds two u8×s8 products into an int16: 2 × 255 × 64 = 32,640 stays below 32,767, so the products are
    exact integers there as on VNNI (which adds in 32 bits) and AMX: every CPU computes the same bits, and CPUs with
    VNNI multiply four bytes an instruction instead of the two of U8U8's 16-bit path. The weights lose one bit
    (rounded to 129 levels a channel instead of 255); returns how many were narrowed."""
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    users: dict[str, list[onnx.NodeProto]] = {}
    for n in g.node:
        for name in n.input:
            users.setdefault(name, []).append(n)
    prod = {o: n for n in g.node for o in n.output}
    narrowed = 0
    for n in g.node:
        if n.op_type != "MatMulInteger" or len(n.input) < 4:
            continue
        w, zp = inits.get(n.input[1]), inits.get(n.input[3])
        if w is None or zp is None:
            raise RuntimeError(f"{n.name}: its weight or zero point is not an initializer")
        wa, za = numpy_helper.to_array(w).astype(np.int32), numpy_helper.to_array(zp).astype(np.int32)
        if w.data_type == TensorProto.UINT8 and np.all(za == 128):
            wa = wa - 128
        elif not (w.data_type == TensorProto.INT8 and np.all(za == 0)):
            raise RuntimeError(f"{w.name}: expected symmetric weights (int8 with zero point 0 or uint8 with 128)")
        # the weight's per-channel scale: MatMulInteger -> Cast -> Mul(., scale)
        casts = users[n.output[0]]
        if len(casts) != 1 or casts[0].op_type != "Cast" or len(users[casts[0].output[0]]) != 1:
            raise RuntimeError(f"{n.name}: expected its product cast and scaled once")
        mul = users[casts[0].output[0]][0]
        s_name = mul.input[1] if mul.input[0] == casts[0].output[0] else mul.input[0]
        if s_name not in inits and s_name in prod and prod[s_name].op_type == "Mul" and len(users[s_name]) == 1:
            # dynamic quantization's "activation scale × weight scale", multiplied before the product's Mul
            s_name = next((x for x in prod[s_name].input if x in inits), s_name)
        s = inits.get(s_name)
        if mul.op_type != "Mul" or s is None:
            raise RuntimeError(f"{n.name}: its weight scale is not an initializer multiplied after the product")
        for name in (w.name, zp.name, s_name):
            if len(users[name]) != 1:
                raise RuntimeError(f"{name} is shared: narrowing it would change its other readers")
        sa = numpy_helper.to_array(s).astype(np.float64)
        if wa.ndim != 2 or sa.shape not in ((wa.shape[1],), ()):
            raise RuntimeError(f"{w.name}: expected a [K, N] weight with one scale a column")
        real = wa * sa
        top = np.abs(real).max(axis=0)
        scale = np.where(top > 0, top / NARROW, np.broadcast_to(sa, top.shape))
        q = np.clip(np.rint(real / scale), -NARROW, NARROW).astype(np.int8)
        w.CopyFrom(numpy_helper.from_array(q, w.name))
        zp.CopyFrom(numpy_helper.from_array(np.zeros(za.shape, np.int8), zp.name))
        s.CopyFrom(numpy_helper.from_array(scale.astype(np.float32), s_name))
        narrowed += 1
    return narrowed


def per_token_activations(m) -> int:
    """Each DynamicQuantizeLinear (one scale for the whole call) becomes a symmetric quantization with one scale per
    token: scale = max|x| over the token's features / 127, q = x / scale rounded, stored as uint8 with zero point 128.
    A token's integers then depend on that token alone, so a sentence gives the same vector in a call of one or of
    many (of the same padded length), and the vectors lie closer to fp32 (models/README.md). The per-token scale
    multiplies the product after the weight's scale, as its own Mul: onnxruntime's MatMulIntegerToFloat fusion
    reads the activation scale as one number and must not take this graph (it would, were the two scales multiplied
    first)."""
    from onnx import helper

    g = m.graph
    users: dict[str, list[onnx.NodeProto]] = {}
    for n in g.node:
        for name in n.input:
            users.setdefault(name, []).append(n)
    consts = [numpy_helper.from_array(np.array(127.0, np.float32), "/per_token/127"),
              numpy_helper.from_array(np.array(1e-12, np.float32), "/per_token/eps"),
              numpy_helper.from_array(np.array([-1], np.int64), "/per_token/flat")]
    out, count, rewired = [], 0, 0
    for n in g.node:
        if n.op_type != "DynamicQuantizeLinear":
            out.append(n)
            continue
        x, (q, s, zp) = n.input[0], n.output
        p = f"/per_token/q{count}"
        out += [
            helper.make_node("Abs", [x], [f"{p}/abs"]),
            helper.make_node("ReduceMax", [f"{p}/abs"], [f"{p}/max"], axes=[-1], keepdims=1),
            helper.make_node("Max", [f"{p}/max", "/per_token/eps"], [f"{p}/maxg"]),
            helper.make_node("Div", [f"{p}/maxg", "/per_token/127"], [s]),  # [batch, tokens, 1]
            helper.make_node("Reshape", [s, "/per_token/flat"], [f"{p}/s1"]),  # [batch × tokens]
            helper.make_node("Shape", [f"{p}/s1"], [f"{p}/n"]),
            helper.make_node("ConstantOfShape", [f"{p}/n"], [f"{p}/zp1"],
                             value=numpy_helper.from_array(np.array([128], np.uint8))),
            helper.make_node("Flatten", [x], [f"{p}/x2"], axis=-1),  # [batch × tokens, features]
            helper.make_node("QuantizeLinear", [f"{p}/x2", f"{p}/s1", f"{p}/zp1"], [f"{p}/q2"], axis=0),
            helper.make_node("Shape", [x], [f"{p}/shape"]),
            helper.make_node("Reshape", [f"{p}/q2", f"{p}/shape"], [q]),
            helper.make_node("Constant", [], [zp], value=numpy_helper.from_array(np.array(128, np.uint8))),
        ]
        count += 1
        # MatMulInteger -> Cast -> Mul(., Mul(s, w_scale))  becomes  Mul(Mul(Cast, w_scale), s)
        for scale_mul in users.get(s, []):
            if scale_mul.op_type != "Mul":
                raise RuntimeError(f"{s} is read by {scale_mul.op_type}")
            w_scale = scale_mul.input[1] if scale_mul.input[0] == s else scale_mul.input[0]
            for final in users[scale_mul.output[0]]:
                cast_out = final.input[0] if final.input[1] == scale_mul.output[0] else final.input[1]
                del scale_mul.input[:]
                scale_mul.input.extend([cast_out, w_scale])
                del final.input[:]
                final.input.extend([scale_mul.output[0], s])
                rewired += 1
    if rewired != sum(1 for n in g.node if n.op_type == "MatMulInteger"):
        raise RuntimeError(f"{rewired} products rewired of {sum(n.op_type == 'MatMulInteger' for n in g.node)}")
    del g.node[:]
    g.initializer.extend(consts)
    g.node.extend(_topological(out, {i.name for i in g.initializer} | {i.name for i in g.input}))
    return count


def pooling_per_sentence(m) -> bool:
    """The masked mean's sum over tokens (Mul by the mask, ReduceSum over axis 1) becomes one MatMul of each
    sentence's mask row with its hidden states: onnxruntime's ReduceSum adds in another order when the batch has
    more sentences, the batched MatMul computes each sentence alone."""
    from onnx import helper

    g = m.graph
    prod = {o: n for n in g.node for o in n.output}
    found = [n for n in g.node if n.op_type == "ReduceSum" and prod.get(n.input[0]) is not None
             and prod[n.input[0]].op_type == "Mul" and not n.output[0].startswith("/portable/")
             and "/encoder/" not in n.name]
    if len(found) != 1:
        raise RuntimeError(f"expected one pooling ReduceSum, found {len(found)}")
    rs = found[0]
    mul = prod[rs.input[0]]
    h, mask = mul.input  # hidden states [B, T, H], mask [B, T, 1]
    if prod.get(mask) is None or prod[mask].op_type != "Cast":
        h, mask = mask, h
    out = []
    for n in g.node:
        if n is mul:
            continue
        if n is rs:
            out += [helper.make_node("Transpose", [mask], ["/pool/mask_row"], perm=[0, 2, 1]),
                    helper.make_node("MatMul", ["/pool/mask_row", h], ["/pool/sum3"]),
                    helper.make_node("Squeeze", ["/pool/sum3", "/pool/axis1"], [rs.output[0]])]
            continue
        out.append(n)
    g.initializer.append(numpy_helper.from_array(np.array([1], np.int64), "/pool/axis1"))
    del g.node[:]
    g.node.extend(out)
    return True


def _topological(nodes, available: set[str]) -> list:
    seen, order, pending = set(available) | {""}, [], list(nodes)
    while pending:
        rest = []
        for n in pending:
            if all(i in seen for i in n.input):
                order.append(n)
                seen.update(n.output)
            else:
                rest.append(n)
        if len(rest) == len(pending):
            raise RuntimeError("the rewritten graph has a cycle or a missing input")
        pending = rest
    return order


def batch_independent(src: Path, dst: Path) -> dict:
    m = onnx.load(str(src))
    n = per_token_activations(m)
    pooling_per_sentence(m)
    onnx.checker.check_model(m)
    onnx.save(m, str(dst))
    return {"activations_per_token": n, "pooling": "one MatMul a sentence"}


def is_portable(m) -> bool:
    """No int8 weight beyond ±64 feeds a MatMulInteger and no Softmax kernel is left (plain or inside
    MultiHeadAttention)."""
    inits = {i.name: i for i in m.graph.initializer}
    for n in m.graph.node:
        w = inits.get(n.input[1]) if n.op_type == "MatMulInteger" else None
        if w is not None and w.data_type == TensorProto.INT8 and np.abs(numpy_helper.to_array(w).astype(np.int32)).max() > NARROW:
            return False
        if n.op_type in ("Softmax", "MultiHeadAttention", "Attention"):
            return False
    return True


def make_portable(src: Path, dst: Path, narrow: bool = False) -> dict:
    """The portable file: U8U8 weights (the int8 values exactly), or with `narrow` int8 weights within ±64
    (narrow_weights: one bit less, VNNI's speed); the attention in plain operators either way."""
    m = onnx.load(str(src))
    if is_portable(m):
        if src != dst:
            onnx.save(m, str(dst))
        return {"matmuls_u8u8": 0, "attention_layers_explicit": 0, "note": "already portable"}
    opset = next(o.version for o in m.opset_import if o.domain in ("", "ai.onnx"))
    if opset >= 18:
        raise RuntimeError("ReduceMax with an axes attribute needs opset < 18")
    weights = narrow_weights(m) if narrow else portable_weights(m)
    attention = explicit_attention(m)
    onnx.checker.check_model(m)
    if not is_portable(m):
        raise RuntimeError("the rewritten model still has a CPU-dependent kernel")
    onnx.save(m, str(dst))
    return {("matmuls_narrow_u8s8" if narrow else "matmuls_u8u8"): weights, "attention_layers_explicit": attention}


if __name__ == "__main__":
    import sys

    print(make_portable(Path(sys.argv[1]), Path(sys.argv[2])))
