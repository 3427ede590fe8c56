"""kernel_probes: two tiny ONNX files that tell which int8 matrix kernel a CPU runs, for the cross-CPU test.

Both multiply a row of 255s by a column of weights 127 (k = 8), so the exact product is 8 × 255 × 127 = 259,080.
- probe-u8s8.onnx: int8 weights. AVX2-only CPUs add each pair of u8×s8 products into a saturating int16
  (VPMADDUBSW): 2 × 255 × 127 = 64,770 clips to 32,767, and the row gives 4 × 32,767 = 131,068. AVX-512 VNNI and
  AVX-VNNI give 259,080.
- probe-u8u8.onnx: the same weights stored as uint8 with zero point 128, as the shipped cross-encoder stores them:
  259,080 on every CPU.
- probe-u8s8-narrow.onnx: int8 weights 64, the widest the shipped sentence embedder holds (rfit/portable.py,
  narrow_weights): a pair adds to 2 × 255 × 64 = 32,640, below the int16 limit, so every CPU gives 8 × 255 × 64 =
  130,560, on the same U8S8 kernels that clip the wider probe.
So a run whose probe-u8s8 answer is 131,068 really ran the AVX2 kernels, and its shipped-model logits are the AVX2
ones. Written by `python models/rfit/kernel_probes.py OUT_DIR` (packages/model-runtime/src/testing).
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

K = 8


def probe(weights: np.ndarray, zero_point: np.ndarray, name: str) -> onnx.ModelProto:
    node = helper.make_node("MatMulInteger", ["a", "w", "a_zp", "w_zp"], ["y"])
    graph = helper.make_graph(
        [node], name,
        [helper.make_tensor_value_info("a", TensorProto.UINT8, [1, K])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [1, 1])],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(zero_point, "w_zp"),
         numpy_helper.from_array(np.array(0, np.uint8), "a_zp")])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    w = np.full((K, 1), 127, np.int8)
    onnx.save(probe(w, np.zeros(1, np.int8), "probe_u8s8"), str(out / "probe-u8s8.onnx"))
    onnx.save(probe((w.astype(np.int16) + 128).astype(np.uint8), np.full(1, 128, np.uint8), "probe_u8u8"),
              str(out / "probe-u8u8.onnx"))
    onnx.save(probe(np.full((K, 1), 64, np.int8), np.zeros(1, np.int8), "probe_u8s8_narrow"),
              str(out / "probe-u8s8-narrow.onnx"))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
