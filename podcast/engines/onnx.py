"""onnxruntime sessions for the neural engines: one thread each, because the workers already fill the cores.

Measured on 2 cores: two worker processes with one intra-op thread each beat one
process with two threads, and one thread makes the arithmetic, and so the audio,
the same on every run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ConfigError


def session(model: Path) -> Any:
    """An inference session on the CPU with one intra-op and one inter-op thread."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3  # errors only: its warnings would reach cron's mail
    try:
        return onnxruntime.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own untyped errors for a bad file
        raise ConfigError(model, f"not a usable ONNX model: {str(exc).splitlines()[0][:200]}") from exc
