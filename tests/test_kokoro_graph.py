"""Kokoro's rewritten graph: every int8 convolution made a matrix product that gives the same int32 sums."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import pytest
from onnx import TensorProto, helper, numpy_helper

from podcast.engines import assets, graph, make_engine
from podcast.engines.kokoro import KokoroVoice
from podcast.errors import ConfigError


def _session(model: bytes) -> onnxruntime.InferenceSession:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    return onnxruntime.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])


def _convolution(path: Path, taps: int, dilation: int, stride: int, pads: tuple[int, int], channels: tuple[int, int],
                 seed: int) -> None:
    """A one-node model: ConvInteger over a uint8 input with constant weights and zero points."""
    rng = np.random.default_rng(seed)
    weights = rng.integers(0, 256, (channels[1], channels[0], taps), dtype=np.uint8)
    node = helper.make_node("ConvInteger", ["x", "w", "x_zero", "w_zero"], ["y"], name="/decoder/conv",
                            kernel_shape=[taps], dilations=[dilation], strides=[stride], pads=list(pads))
    body = helper.make_graph(
        [node], "conv", [helper.make_tensor_value_info("x", TensorProto.UINT8, [1, channels[0], None])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [1, channels[1], None])],
        [numpy_helper.from_array(weights, "w"),
         numpy_helper.from_array(np.array(rng.integers(0, 256), np.uint8), "x_zero"),
         numpy_helper.from_array(np.array(rng.integers(0, 256), np.uint8), "w_zero")])
    onnx.save(helper.make_model(body, opset_imports=[helper.make_opsetid("", 17)]), str(path))


# Kokoro's own shapes, and some it does not have (asymmetric padding, even kernels, a stride with a dilation).
@pytest.mark.parametrize(("taps", "dilation", "stride", "pads"), [
    pytest.param(11, 5, 1, (25, 25), id="k11-d5"),
    pytest.param(7, 3, 1, (9, 9), id="k7-d3"),
    pytest.param(3, 1, 2, (1, 1), id="k3-s2"),
    pytest.param(12, 1, 6, (3, 3), id="k12-s6"),
    pytest.param(1, 1, 1, (0, 0), id="k1"),
    pytest.param(5, 1, 1, (2, 2), id="k5"),
    pytest.param(4, 2, 3, (0, 5), id="k4-d2-s3-asymmetric"),
    pytest.param(2, 1, 1, (0, 0), id="k2-unpadded"),
])
def test_each_convolution_gives_the_same_sums(tmp_path: Path, taps: int, dilation: int, stride: int,
                                             pads: tuple[int, int]) -> None:
    model = tmp_path / "conv.onnx"
    _convolution(model, taps, dilation, stride, pads, channels=(6, 5), seed=taps * 100 + dilation)
    rewritten = graph.rewrite(model)
    assert {n.op_type for n in onnx.load_from_string(rewritten).graph.node} >= {"MatMulInteger"}
    assert "ConvInteger" not in {n.op_type for n in onnx.load_from_string(rewritten).graph.node}
    for length in (40, 41, 97):
        x = np.random.default_rng(length).integers(0, 256, (1, 6, length), dtype=np.uint8)
        expected = _session(model.read_bytes()).run(None, {"x": x})[0]
        got = _session(rewritten).run(None, {"x": x})[0]
        assert got.dtype == np.int32 and got.shape == expected.shape
        assert np.array_equal(got, expected)


def test_a_model_without_int8_convolutions_is_refused(tmp_path: Path) -> None:
    body = helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "relu",
                             [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
                             [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])])
    model = tmp_path / "relu.onnx"
    onnx.save(helper.make_model(body), str(model))
    with pytest.raises(ConfigError, match="relu.onnx: no int8 convolutions to rewrite"):
        graph.rewrite(model)


def test_a_grouped_convolution_is_refused_not_guessed(tmp_path: Path) -> None:
    model = tmp_path / "conv.onnx"
    _convolution(model, 3, 1, 1, (1, 1), channels=(4, 4), seed=1)
    proto = onnx.load(str(model))
    proto.graph.node[0].attribute.append(helper.make_attribute("group", 2))
    onnx.save(proto, str(model))
    with pytest.raises(ConfigError, match="/decoder/conv: an int8 convolution of a kind the rewrite does not know"):
        graph.rewrite(model)


@pytest.mark.slow
def test_the_installed_graph_is_the_rewrite_of_the_installed_model() -> None:
    rewritten = graph.rewrite(assets.installed(assets.KOKORO_MODEL))
    assert rewritten == assets.installed(assets.KOKORO_MATMUL).read_bytes()
    upstream = [n.op_type for n in onnx.load(str(assets.installed(assets.KOKORO_MODEL))).graph.node]
    ours = [n.op_type for n in onnx.load_from_string(rewritten).graph.node]
    assert "ConvInteger" not in ours and ours.count("MatMulInteger") == upstream.count("ConvInteger") + upstream.count(
        "MatMulInteger")


@pytest.mark.slow
def test_kokoro_says_the_same_to_the_bit_through_either_graph(tmp_path: Path) -> None:
    """The upstream model, named as a profile's own, runs as it is: its audio is the reference."""
    text = "Shares in Voltara fell 9 percent after it delayed its Dresden plant by a year."
    ours, theirs = tmp_path / "ours.wav", tmp_path / "theirs.wav"
    make_engine(KokoroVoice(voice="af_heart")).render(text, ours)
    make_engine(KokoroVoice(voice="af_heart", model=str(assets.installed(assets.KOKORO_MODEL)))).render(text, theirs)
    assert ours.stat().st_size > 100_000
    assert ours.read_bytes() == theirs.read_bytes()
