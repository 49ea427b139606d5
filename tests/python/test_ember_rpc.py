"""The Python RPC client against the emulated boards (run by ctest: py_ember_rpc).

KWS on qemu-mps2-an386 and qemu-mps3-an547 through `emberc serve`: golden
cases bit-exact, every layer called by name equals the host reference's
output (`emberc run --dump-dir`), and bad frames the server answers one by
one.
"""
import os
import random
import struct
import subprocess
import tempfile

import numpy as np
import pytest

import ember_rpc as ember

SHARED = (os.environ.get("EMBER_SHARED") or os.environ.get("EMBER_SHARED_DEFAULT")
          or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
EMBERC = os.environ.get("EMBERC", "emberc")
MODEL = os.path.join(SHARED, "models", "mlperf_tiny", "kws", "kws_ref_model.tflite")
GOLDEN = os.path.join(SHARED, "models", "golden", "kws_ref_model")


def golden(name):
    with open(os.path.join(GOLDEN, name), "rb") as f:
        return f.read()


@pytest.fixture(scope="module")
def reference():
    """Every tensor of the host reference executor on case 0, by tensor id."""
    d = tempfile.mkdtemp(prefix="ember-py-")
    subprocess.run([EMBERC, "run", MODEL, "--input", os.path.join(GOLDEN, "case0.input0.bin"),
                    "--output-dir", d, "--dump-dir", d], check=True, capture_output=True)
    tensors = {}
    for name in os.listdir(d):
        if name.startswith("t") and name.endswith(".bin"):
            with open(os.path.join(d, name), "rb") as f:
                tensors[int(name[1:-4])] = f.read()
    return tensors


@pytest.mark.parametrize("board", ["qemu-mps2-an386", "qemu-mps3-an547"])
def test_kws(board, reference):
    with ember.connect(board, MODEL, emberc=EMBERC) as m:
        assert m.info["model"] == "kws_ref_model"
        assert len(m.inputs) == 1 and len(m.outputs) == 1
        for k in range(3):
            x = np.frombuffer(golden("case%d.input0.bin" % k), dtype=np.int8).reshape(m.inputs[0].shape)
            m.set_input(0, x)
            assert m.run() > 0
            y = m.get_output(0)
            assert y.dtype == np.int8 and y.shape == tuple(m.outputs[0].shape)
            assert y.tobytes() == golden("case%d.output0.bin" % k)
        cycles = m.cycles()
        assert len(cycles["layers"]) == len(m.function_list) - 1 and all(c > 0 for c in cycles["layers"])

        # Every layer by name, one call each from the model's input on: each
        # output equals the host reference's (CRC-32 on the board).
        m.set_input(0, golden("case0.input0.bin"))
        for name in m.function_list[1:]:
            m.call(name)
            for a in m.functions[name]:
                if a.role == 1:
                    assert m.tensor_equals(a.tensor, reference[a.tensor]), name
        last = m.function_list[-1]
        for a in m.functions[last]:
            if a.role == 1:
                assert m.read_tensor(a.tensor).tobytes() == reference[a.tensor]

        # Errors are exceptions, and the board stays up.
        with pytest.raises(ember.RpcError):
            m.call("no_such_function")
        with pytest.raises(ember.RpcError):
            m.set_input(0, b"\0" * 3)
        rng = random.Random(7)
        c = m.client
        for i in range(200):
            kind = i % 4
            if kind == 0:
                f = ember.frame(i, 0x40 + rng.randrange(0x30), bytes(rng.randrange(256) for _ in range(rng.randrange(4))))
                want = 3
            elif kind == 1:
                f = bytearray(ember.frame(i, ember.PING, bytes(rng.randrange(256) for _ in range(4))))
                f[-1] ^= 0x5A
                want = 1
            elif kind == 2:
                f = b"\xe5\x52" + bytes([i & 0xFF, ember.WRITE]) + struct.pack("<H", 5000 + rng.randrange(60000))
                want = 2
            else:
                f = ember.frame(i, ember.READ, struct.pack("<HIH", 0, 1 << 20, 16))
                want = 7
            c.send_raw(f)
            seq, cmd, status, _ = c.read_reply(10)
            assert seq == i & 0xFF and status == want, (i, status)
        assert c.ping(b"still here") == b"still here"
        m.reset()
        assert not m.get_output(0).any()
