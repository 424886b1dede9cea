"""Kokoro's graph with its int8 convolutions made matrix products: the same numbers, a third less time.

The int8 Kokoro model computes each convolution with onnxruntime's `ConvInteger`, which
unfolds the input and multiplies it by unsigned weights it cannot pre-pack: two thirds
of the model's time. Here each one becomes the unfolding written in the graph (a
transpose, the padding and one gather of every tap) and a `MatMulInteger` whose
constant weights are signed: onnxruntime pre-packs them once and multiplies with its
u8s8 kernels. The weights and their zero point shift by 128 together, so every product,
and so every int32 sum, is the one `ConvInteger` made: the audio is the same to the bit
(tests/test_kokoro_graph.py), and faster by about a quarter (bench/build.py).

The rewrite runs once, at install, and its result is checked by SHA-256 like the upstream
files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError


def rewrite(model: Path) -> bytes:
    """The model's bytes with every `ConvInteger` made a pre-packed `MatMulInteger`."""
    import onnx

    proto = onnx.load(str(model))
    graph = proto.graph
    constants = {t.name: t for t in graph.initializer}
    added: list[Any] = []
    nodes: list[Any] = []
    for node in graph.node:
        nodes.extend(_as_matmul(node, constants, added) if node.op_type == "ConvInteger" else [node])
    if not added:
        raise ConfigError(model, "no int8 convolutions to rewrite: not the int8 Kokoro model")
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.extend(added)
    used = {name for node in graph.node for name in node.input}
    kept = [t for t in graph.initializer if t.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    return bytes(proto.SerializeToString())


def _as_matmul(node: Any, constants: dict[str, Any], added: list[Any]) -> list[Any]:
    """The nodes that compute `node`'s int32 output as an unfolded input times pre-packed weights."""
    from onnx import helper, numpy_helper

    attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
    x, weights, x_zero, w_zero = node.input
    if attrs.get("group", 1) != 1 or weights not in constants or w_zero not in constants \
            or len(attrs.get("kernel_shape", ())) != 1 or attrs.get("auto_pad", b"NOTSET") != b"NOTSET":
        raise ConfigError(node.name, "an int8 convolution of a kind the rewrite does not know")
    (taps,) = attrs["kernel_shape"]
    (dilation,) = attrs.get("dilations", [1])
    (stride,) = attrs.get("strides", [1])
    left, right = attrs.get("pads", [0, 0])
    w = numpy_helper.to_array(constants[weights])
    w_zero_value = numpy_helper.to_array(constants[w_zero])
    if w.dtype != np.uint8 or w_zero_value.dtype != np.uint8:
        raise ConfigError(node.name, "an int8 convolution of a kind the rewrite does not know")
    out_channels, in_channels, _ = w.shape
    name = node.name.replace("/", "_") or node.output[0]

    def constant(suffix: str, value: Any) -> str:
        added.append(numpy_helper.from_array(np.asarray(value), f"{name}_{suffix}"))
        return f"{name}_{suffix}"

    # Row (tap * in_channels + channel) of the unfolded input meets the same row of these weights.
    signed = (w.astype(np.int16) - 128).astype(np.int8).transpose(2, 1, 0).reshape(taps * in_channels, out_channels)
    signed_zero = (w_zero_value.astype(np.int16) - 128).astype(np.int8)
    nodes = [helper.make_node("Transpose", [x], [f"{name}_time_major"], perm=[0, 2, 1])]
    unfolded = f"{name}_time_major"
    if left or right:
        pads = constant("pads", np.array([0, left, 0, 0, right, 0], np.int64))
        nodes.append(helper.make_node("Pad", [unfolded, pads, x_zero], [f"{name}_padded"]))
        unfolded = f"{name}_padded"
    if taps > 1 or stride > 1:
        # One gather takes every output step's taps at once: row t holds the input at t * stride + tap * dilation
        # for each tap, and the reshape lays them side by side (tap * in_channels + channel).
        span = (taps - 1) * dilation
        nodes += [
            helper.make_node("Shape", [unfolded], [f"{name}_length"], start=1, end=2),
            helper.make_node("Sub", [f"{name}_length", constant("span", np.array([span], np.int64))],
                             [f"{name}_limit"]),
            helper.make_node("Squeeze", [f"{name}_limit"], [f"{name}_limit_scalar"]),
            helper.make_node("Range", [constant("first", np.array(0, np.int64)), f"{name}_limit_scalar",
                                       constant("stride", np.array(stride, np.int64))], [f"{name}_steps"]),
            helper.make_node("Unsqueeze", [f"{name}_steps", constant("step_axis", np.array([1], np.int64))],
                             [f"{name}_step_column"]),
            helper.make_node("Add", [f"{name}_step_column",
                                     constant("taps", (np.arange(taps, dtype=np.int64) * dilation)[None, :])],
                             [f"{name}_positions"]),
            helper.make_node("Gather", [unfolded, f"{name}_positions"], [f"{name}_gathered"], axis=1),
            helper.make_node("Reshape", [f"{name}_gathered", constant("rows", np.array([0, 0, -1], np.int64))],
                             [f"{name}_columns"]),
        ]
        unfolded = f"{name}_columns"
    nodes.append(helper.make_node("MatMulInteger", [unfolded, constant("weights", signed), x_zero,
                                                    constant("weights_zero", signed_zero)], [f"{name}_products"]))
    nodes.append(helper.make_node("Transpose", [f"{name}_products"], [node.output[0]], perm=[0, 2, 1]))
    return nodes

