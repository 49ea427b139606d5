"""Ember RPC client: drive a model and every layer function on a board.

Pure Python (numpy for arrays, pyserial for real serial ports); the protocol
is docs/RPC.md, the same the C++ client (flashers/RpcClient.h) speaks.

    import ember_rpc
    m = ember_rpc.connect("qemu-mps2-an386", "kws.tflite")   # runs `emberc serve`
    m.set_input(0, x)          # numpy array (or bytes)
    m.run()
    y = m.get_output(0)        # numpy array, the output's dtype and shape
    m.call("kws_l03_conv2d")   # one layer on its own tensors
    t = m.read_tensor(12)      # any tensor a function takes, by id
    m.close()

or, to a server already up: ember_rpc.connect("unix:/tmp/.../uart.sock"),
ember_rpc.connect("tcp:localhost:5555"), ember_rpc.connect("/dev/ttyACM0@115200").
"""
import os
import socket
import struct
import subprocess
import time
import zlib

import numpy as np

VERSION = 1
MAGIC = b"\xe5\x52"
MAX_PAYLOAD = 4096

HELLO, FUNC_INFO, BUF_INFO, WRITE, READ, CALL, RUN, CYCLES, RESET, PING, CHECKSUM = range(1, 12)
STATUS = ["ok", "bad checksum", "frame too long", "unknown command", "bad request", "unknown function",
          "unknown buffer", "out of range", "bad argument", "truncated frame", "server not ready"]
ROLES = ["input", "output", "pool", "constants"]


class RpcError(Exception):
    """A request the board refused (status != ok) or a transport failure."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


def frame(seq, cmd, payload=b""):
    body = bytes([seq & 0xFF, cmd]) + struct.pack("<H", len(payload)) + bytes(payload)
    return MAGIC + body + struct.pack("<I", zlib.crc32(body) & 0xFFFFFFFF)


class _SocketTransport:
    def __init__(self, sock):
        self.sock = sock

    def write(self, data):
        self.sock.sendall(data)

    def read(self, n, timeout):
        self.sock.settimeout(max(timeout, 0.001))
        try:
            data = self.sock.recv(n)
        except socket.timeout:
            return b""
        if not data:
            raise RpcError("the board closed the connection")
        return data

    def close(self):
        self.sock.close()


class _SerialTransport:
    def __init__(self, port):
        self.port = port

    def write(self, data):
        self.port.write(data)

    def read(self, n, timeout):
        self.port.timeout = max(timeout, 0.001)
        return self.port.read(max(1, min(n, self.port.in_waiting or 1)))

    def close(self):
        self.port.close()


def open_transport(address, timeout=10.0):
    """unix:PATH, tcp:HOST:PORT or a serial device (DEVICE[@BAUD])."""
    deadline = time.monotonic() + timeout
    if address.startswith("unix:") or address.startswith("tcp:"):
        while True:
            try:
                if address.startswith("unix:"):
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    s.connect(address[5:])
                else:
                    host, port = address[4:].rsplit(":", 1)
                    s = socket.create_connection((host, int(port)), timeout=timeout)
                return _SocketTransport(s)
            except OSError as e:
                s.close()
                if time.monotonic() > deadline:
                    raise RpcError("cannot connect to %s: %s" % (address, e))
                time.sleep(0.02)
    import serial  # pyserial, only for real boards

    device, _, baud = address.partition("@")
    return _SerialTransport(serial.Serial(device, int(baud or 115200), timeout=0.1))


class _Reader:
    def __init__(self, data):
        self.data, self.at = data, 0

    def u(self, n, signed=False):
        if self.at + n > len(self.data):
            raise RpcError("malformed reply from the board")
        v = int.from_bytes(self.data[self.at:self.at + n], "little", signed=signed)
        self.at += n
        return v

    def str(self):
        n = self.u(1)
        s = self.data[self.at:self.at + n].decode("utf-8", "replace")
        self.at += n
        return s

    def arg(self):
        role, tensor, code, bits, ndim = self.u(1), self.u(4, True), self.u(1), self.u(1), self.u(1)
        shape = tuple(self.u(4, True) for _ in range(ndim))
        return Arg(role, tensor, code, bits, shape, self.u(4), self.str())


class Arg:
    """One argument of a function (or one buffer): role, tensor id, dtype, shape, bytes, name."""

    def __init__(self, role, tensor, code, bits, shape, nbytes, name):
        self.role, self.tensor, self.code, self.bits = role, tensor, code, bits
        self.shape, self.nbytes, self.name = shape, nbytes, name

    @property
    def dtype(self):
        kind = {0: "i", 1: "u", 2: "f"}.get(self.code, "u")
        return np.dtype("<%s%d" % (kind, max(1, self.bits // 8)))

    def __repr__(self):
        return "%s %s #%d %s%s" % (ROLES[self.role] if self.role < 4 else "?", self.name, self.tensor,
                                   self.dtype, list(self.shape))


class Client:
    """One request, one reply (docs/RPC.md)."""

    def __init__(self, transport):
        self.t = transport
        self.seq = 0
        self.buf = b""

    def send_raw(self, data):
        self.t.write(bytes(data))

    def _get(self, n, deadline):
        while len(self.buf) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RpcError("no reply from the board (timeout)")
            self.buf += self.t.read(65536, left)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def read_reply(self, timeout=20.0):
        """(seq, cmd, status, data) of the next valid reply frame."""
        deadline = time.monotonic() + timeout
        while True:
            c = self._get(1, deadline)
            if c != b"\xe5":
                continue
            while c == b"\xe5":
                c = self._get(1, deadline)
            if c != b"\x52":
                continue
            head = self._get(4, deadline)
            n = head[2] | head[3] << 8
            if n == 0 or n > MAX_PAYLOAD + 1:
                continue
            rest = self._get(n + 4, deadline)
            body = head + rest[:n]
            if struct.unpack("<I", rest[n:])[0] != zlib.crc32(body) & 0xFFFFFFFF:
                continue
            return head[0], head[1], body[4], body[5:]

    def request(self, cmd, payload=b"", timeout=20.0, check=True, retry=True):
        self.seq = (self.seq + 1) & 0xFF
        self.send_raw(frame(self.seq, cmd, payload))
        for _ in range(64):
            seq, rcmd, status, data = self.read_reply(timeout)
            if seq == self.seq and rcmd == cmd | 0x80:
                if status == 9 and retry:  # the frame stopped arriving (a starved emulator): once more
                    return self.request(cmd, payload, timeout, check, False)
                if check and status != 0:
                    raise RpcError("the board answered '%s' (status %d)" % (
                        STATUS[status] if status < len(STATUS) else "?", status), status)
                return status, data
        raise RpcError("the board's replies do not match the requests")

    def resync(self):
        """Completes a half-received frame (a previous client died mid-way) and drops stale replies."""
        self.send_raw(bytes(MAX_PAYLOAD + 10))
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            if self.t.read(65536, 0.3):
                end = time.monotonic() + 0.3
        self.buf = b""

    def hello(self):
        _, d = self.request(HELLO)
        r = _Reader(d)
        h = dict(version=r.u(2), max_payload=r.u(2), functions=r.u(4), slots=r.u(4), pools=r.u(4),
                 counter_kind=r.u(4), arena_bytes=r.u(4), arena_used=r.u(4), stack_used=r.u(4), layers=r.u(4))
        h["model"] = r.str()
        if h["version"] != VERSION:
            raise RpcError("the board speaks protocol version %d, this client %d" % (h["version"], VERSION))
        return h

    def function_info(self, i):
        _, d = self.request(FUNC_INFO, struct.pack("<H", i))
        r = _Reader(d)
        r.u(2)
        n = r.u(2)
        name = r.str()
        return name, [r.arg() for _ in range(n)]

    def buffer_info(self, i):
        _, d = self.request(BUF_INFO, struct.pack("<H", i))
        r = _Reader(d)
        r.u(2)
        kind = r.u(1)
        return kind, r.arg()

    def read(self, buf, offset, length):
        out = bytearray()
        while len(out) < length:
            n = min(MAX_PAYLOAD, length - len(out))
            _, d = self.request(READ, struct.pack("<HIH", buf, offset + len(out), n))
            out += d
        return bytes(out)

    def write(self, buf, offset, data):
        data = bytes(data)
        done = 0
        while True:
            chunk = data[done:done + MAX_PAYLOAD - 6]
            self.request(WRITE, struct.pack("<HI", buf, offset + done) + chunk)
            done += len(chunk)
            if done >= len(data):
                return

    def call(self, name, ids=()):
        raw = name.encode()
        payload = bytes([len(raw)]) + raw + bytes([len(ids)]) + b"".join(struct.pack("<i", i) for i in ids)
        _, d = self.request(CALL, payload)
        return struct.unpack("<iI", d[:8])

    def run(self):
        _, d = self.request(RUN)
        return struct.unpack("<iI", d[:8])

    def cycles(self):
        _, d = self.request(CYCLES, struct.pack("<H", 0))
        kind, now, last, layers, _, n = struct.unpack("<IIIHHH", d[:18])
        return dict(counter_kind=kind, now=now, last_call=last,
                    layers=list(struct.unpack("<%dI" % n, d[18:18 + 4 * n])))

    def reset(self):
        self.request(RESET)

    def ping(self, payload=b""):
        return self.request(PING, payload)[1]

    def checksum(self, buf, offset, length):
        _, d = self.request(CHECKSUM, struct.pack("<HII", buf, offset, length))
        return struct.unpack("<I", d[:4])[0]


class Module:
    """A model on a board: inputs, run, outputs, and every layer function by name."""

    def __init__(self, transport, server=None, resync=True):
        self.client = Client(transport)
        self.server = server
        if resync:
            self.client.resync()
        self.info = self.client.hello()
        self.functions = {}
        self.function_list = []
        for i in range(self.info["functions"]):
            name, args = self.client.function_info(i)
            self.functions[name] = args
            self.function_list.append(name)
        self.buffers = [self.client.buffer_info(i) for i in range(self.info["slots"] + self.info["pools"])]
        self._slot = {a.tensor: i for i, (kind, a) in enumerate(self.buffers) if kind == 0}
        entry = self.functions[self.function_list[0]]
        self.inputs = [a for a in entry if a.role == 0]
        self.outputs = [a for a in entry if a.role == 1]

    def _arg(self, args, key, what):
        if isinstance(key, str):
            for a in args:
                if a.name == key:
                    return a
            raise RpcError("the model has no %s named '%s'" % (what, key))
        if not 0 <= key < len(args):
            raise RpcError("%s %d does not exist; the model has %d" % (what, key, len(args)))
        return args[key]

    def _buffer(self, tensor):
        if tensor not in self._slot:
            raise RpcError("tensor %d is not an argument of any function on the board" % tensor)
        return self._slot[tensor], self.buffers[self._slot[tensor]][1]

    def write_tensor(self, tensor, value):
        b, a = self._buffer(tensor)
        data = np.ascontiguousarray(value).tobytes() if isinstance(value, np.ndarray) else bytes(value)
        if len(data) != a.nbytes:
            raise RpcError("tensor %d ('%s') has %d bytes, got %d" % (tensor, a.name, a.nbytes, len(data)))
        self.client.write(b, 0, data)

    def read_tensor(self, tensor):
        b, a = self._buffer(tensor)
        return np.frombuffer(self.client.read(b, 0, a.nbytes), dtype=a.dtype).reshape(a.shape)

    def tensor_equals(self, tensor, value):
        """True if the board's tensor holds exactly these bytes (CRC-32 computed on the board)."""
        b, a = self._buffer(tensor)
        data = np.ascontiguousarray(value).tobytes() if isinstance(value, np.ndarray) else bytes(value)
        return len(data) == a.nbytes and self.client.checksum(b, 0, a.nbytes) == zlib.crc32(data) & 0xFFFFFFFF

    def set_input(self, key, value):
        self.write_tensor(self._arg(self.inputs, key, "input").tensor, value)

    def get_output(self, key):
        return self.read_tensor(self._arg(self.outputs, key, "output").tensor)

    def run(self):
        rc, ticks = self.client.run()
        if rc != 0:
            raise RpcError("the model's run function returned %d on the board" % rc)
        return ticks

    def call(self, function, *tensor_ids):
        if function not in self.functions:
            raise RpcError("the board has no function '%s'" % function)
        rc, ticks = self.client.call(function, tensor_ids)
        if rc != 0:
            raise RpcError("%s returned %d on the board" % (function, rc))
        return ticks

    def reset(self):
        self.client.reset()

    def cycles(self):
        return self.client.cycles()

    def close(self):
        self.client.t.close()
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(10)
            except subprocess.TimeoutExpired:
                self.server.kill()
            self.server = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def serve(board, model, emberc=None, extra_args=(), timeout=600):
    """Starts `emberc serve MODEL --board BOARD`; returns (process, address)."""
    emberc = emberc or os.environ.get("EMBERC", "emberc")
    p = subprocess.Popen([emberc, "serve", model, "--board", board] + list(extra_args),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = p.stdout.readline()
        if not line:
            err = p.stderr.read()
            raise RpcError("emberc serve failed: %s" % err.strip())
        if line.startswith("connect: "):
            return p, line.split(None, 1)[1].strip()
    p.kill()
    raise RpcError("emberc serve did not start within %d s" % timeout)


def connect(target, model=None, **kw):
    """connect(BOARD, MODEL) boots the model's RPC firmware (emulated boards, via
    `emberc serve`); connect(ADDRESS) attaches to a server already up."""
    if model is None:
        return Module(open_transport(target))
    proc, address = serve(target, model, **kw)
    try:
        return Module(open_transport(address), server=proc, resync=False)
    except Exception:
        proc.kill()
        raise
