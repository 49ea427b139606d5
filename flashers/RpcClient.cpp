#include "RpcClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "core/Compiler.h"
#include "core/validate/ChildProcesses.h"

namespace ember::rpc {

const char *statusName(uint8_t s) {
    static const char *const names[] = {"ok",          "bad checksum",   "frame too long", "unknown command",
                                        "bad request", "unknown function", "unknown buffer", "out of range",
                                        "bad argument", "truncated frame", "server not ready (tensor arena too small)"};
    return s < sizeof names / sizeof names[0] ? names[s] : "unknown status";
}

uint32_t crc32(const uint8_t *p, size_t n, uint32_t crc) {
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

namespace {

void put16(std::vector<uint8_t> &v, uint32_t x) {
    v.push_back(uint8_t(x));
    v.push_back(uint8_t(x >> 8));
}
void put32(std::vector<uint8_t> &v, uint32_t x) {
    put16(v, x & 0xFFFF);
    put16(v, x >> 16);
}

// Reads fields of a reply, refusing to run past its end.
struct Reader {
    const std::vector<uint8_t> &b;
    size_t at = 0;
    bool ok = true;
    uint32_t u(int bytes) {
        if (at + size_t(bytes) > b.size()) {
            ok = false;
            return 0;
        }
        uint32_t v = 0;
        for (int k = 0; k < bytes; ++k) v |= uint32_t(b[at + size_t(k)]) << (8 * k);
        at += size_t(bytes);
        return v;
    }
    std::string str() {
        const uint32_t n = u(1);
        if (!ok || at + n > b.size()) {
            ok = false;
            return {};
        }
        std::string s(b.begin() + long(at), b.begin() + long(at + n));
        at += n;
        return s;
    }
};

ArgInfo readArg(Reader &r) {
    ArgInfo a;
    a.role = uint8_t(r.u(1));
    a.tensor = int32_t(r.u(4));
    a.dtypeCode = uint8_t(r.u(1));
    a.dtypeBits = uint8_t(r.u(1));
    const uint32_t ndim = r.u(1);
    for (uint32_t d = 0; d < ndim && r.ok; ++d) a.shape.push_back(int32_t(r.u(4)));
    a.bytes = r.u(4);
    a.name = r.str();
    return a;
}

class FdTransport : public Transport {
public:
    explicit FdTransport(int fd) : fd_(fd) {}
    ~FdTransport() override {
        if (fd_ >= 0) ::close(fd_);
    }
    bool write(const uint8_t *data, size_t n) override {
        while (n) {
            const ssize_t k = ::write(fd_, data, n);
            if (k < 0 && (errno == EINTR || errno == EAGAIN)) {
                pollfd p{fd_, POLLOUT, 0};
                ::poll(&p, 1, 1000);
                continue;
            }
            if (k <= 0) return false;
            data += k;
            n -= size_t(k);
        }
        return true;
    }
    int read(uint8_t *data, size_t n, int timeoutMs) override {
        pollfd p{fd_, POLLIN, 0};
        const int r = ::poll(&p, 1, timeoutMs);
        if (r == 0) return 0;
        if (r < 0) return errno == EINTR ? 0 : -1;
        const ssize_t k = ::read(fd_, data, n);
        if (k < 0 && (errno == EINTR || errno == EAGAIN)) return 0;
        return k <= 0 ? -1 : int(k);
    }

private:
    int fd_;
};

speed_t baudOf(long baud) {
    switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    case 460800: return B460800;
    case 921600: return B921600;
    default: return 0;
    }
}

}  // namespace

std::unique_ptr<Transport> openTransport(const std::string &address, std::string *error, int connectTimeoutMs) {
    if (address.rfind("unix:", 0) == 0) {
        const std::string path = address.substr(5);
        sockaddr_un sa{};
        sa.sun_family = AF_UNIX;
        if (path.size() >= sizeof sa.sun_path) {
            *error = "socket path too long: " + path;
            return nullptr;
        }
        std::memcpy(sa.sun_path, path.c_str(), path.size() + 1);
        QElapsedTimer t;
        t.start();
        for (;;) {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0)
                return std::make_unique<FdTransport>(fd);
            const int e = errno;
            if (fd >= 0) ::close(fd);
            if (t.elapsed() > connectTimeoutMs) {
                *error = "cannot connect to " + path + ": " + std::strerror(e);
                return nullptr;
            }
            QThread::msleep(20);
        }
    }
    if (address.rfind("tcp:", 0) == 0) {
        const std::string hp = address.substr(4);
        const size_t colon = hp.rfind(':');
        if (colon == std::string::npos) {
            *error = "tcp address needs HOST:PORT: " + address;
            return nullptr;
        }
        addrinfo hints{}, *res = nullptr;
        hints.ai_socktype = SOCK_STREAM;
        if (::getaddrinfo(hp.substr(0, colon).c_str(), hp.substr(colon + 1).c_str(), &hints, &res) != 0 || !res) {
            *error = "cannot resolve " + hp;
            return nullptr;
        }
        const int fd = ::socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
        const bool ok = fd >= 0 && ::connect(fd, res->ai_addr, res->ai_addrlen) == 0;
        const int e = errno;
        ::freeaddrinfo(res);
        if (!ok) {
            if (fd >= 0) ::close(fd);
            *error = "cannot connect to " + hp + ": " + std::strerror(e);
            return nullptr;
        }
        return std::make_unique<FdTransport>(fd);
    }
    // A serial port: DEVICE[@BAUD], raw 8N1.
    std::string dev = address;
    long baud = 115200;
    if (const size_t at = dev.find('@'); at != std::string::npos) {
        baud = std::atol(dev.c_str() + at + 1);
        dev.resize(at);
    }
    if (baudOf(baud) == 0) {
        *error = "unsupported baud rate " + std::to_string(baud) + " (use 9600 ... 921600)";
        return nullptr;
    }
    const int fd = ::open(dev.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *error = "cannot open " + dev + ": " + std::strerror(errno) +
                 " (use unix:PATH, tcp:HOST:PORT or a serial device such as /dev/ttyACM0@115200)";
        return nullptr;
    }
    termios tio{};
    if (::tcgetattr(fd, &tio) == 0) {
        ::cfmakeraw(&tio);
        ::cfsetispeed(&tio, baudOf(baud));
        ::cfsetospeed(&tio, baudOf(baud));
        tio.c_cflag |= CLOCAL | CREAD;
        tio.c_cc[VMIN] = 0;
        tio.c_cc[VTIME] = 0;
        ::tcsetattr(fd, TCSANOW, &tio);
    }
    return std::make_unique<FdTransport>(fd);
}

// ---- Client ----

std::vector<uint8_t> Client::frame(uint8_t seq, uint8_t cmd, const std::vector<uint8_t> &payload) {
    std::vector<uint8_t> f{kMagic0, kMagic1, seq, cmd};
    put16(f, uint32_t(payload.size()));
    f.insert(f.end(), payload.begin(), payload.end());
    put32(f, crc32(f.data() + 2, f.size() - 2));
    return f;
}

bool Client::sendRaw(const std::vector<uint8_t> &bytes) {
    if (!t_->write(bytes.data(), bytes.size())) {
        error_ = "the connection to the board was lost while sending";
        return false;
    }
    return true;
}

bool Client::readReply(Reply &reply, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    auto get = [&](uint8_t *dst, size_t n) {
        size_t got = 0;
        while (got < n) {
            const int left = int(timeoutMs - t.elapsed());
            if (left <= 0) return false;
            const int k = t_->read(dst + got, n - got, left);
            if (k < 0) return false;
            got += size_t(k);
        }
        return true;
    };
    uint8_t c = 0;
    for (;;) {
        if (!get(&c, 1)) break;
        if (c != kMagic0) continue;
        do {
            if (!get(&c, 1)) break;
        } while (c == kMagic0);
        if (c != kMagic1) continue;
        uint8_t h[4];
        if (!get(h, 4)) break;
        const size_t len = size_t(h[2]) | size_t(h[3]) << 8;
        if (len == 0 || len > kMaxPayload + 1) continue;  // not a reply of ours: hunt on
        std::vector<uint8_t> body(4 + len + 4);
        std::memcpy(body.data(), h, 4);
        if (!get(body.data() + 4, len + 4)) break;
        uint32_t crc = 0;
        for (int k = 0; k < 4; ++k) crc |= uint32_t(body[4 + len + size_t(k)]) << (8 * k);
        if (crc != crc32(body.data(), 4 + len)) continue;
        reply.seq = h[0];
        reply.cmd = h[1];
        reply.status = body[4];
        reply.data.assign(body.begin() + 5, body.begin() + long(4 + len));
        return true;
    }
    error_ = "no reply from the board within " + std::to_string(timeoutMs / 1000.0).substr(0, 4) +
             " s (is the firmware built with the RPC server, and the board's UART the one connected?)";
    return false;
}

bool Client::request(uint8_t cmd, const std::vector<uint8_t> &payload, Reply &reply, int timeoutMs) {
    // A frame the board saw stop arriving (the emulator's I/O thread starved
    // on a busy host) is sent once more.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const uint8_t seq = ++seq_;
        if (!sendRaw(frame(seq, cmd, payload))) return false;
        bool matched = false;
        for (int stale = 0; stale < 64 && !matched; ++stale) {
            if (!readReply(reply, timeoutMs)) return false;
            matched = reply.seq == seq && reply.cmd == (cmd | kReplyBit);
        }
        if (matched && reply.status == Truncated && attempt == 0) continue;
        if (matched) return true;
        break;
    }
    error_ = "the board's replies do not match the requests (another client on the same port?)";
    return false;
}

void Client::resync() {
    // Completes any half-received frame (its checksum then fails), then drops
    // every reply until the line is quiet.
    std::vector<uint8_t> zeros(kMaxPayload + kHeaderBytes + kCrcBytes, 0);
    t_->write(zeros.data(), zeros.size());
    uint8_t buf[256];
    while (t_->read(buf, sizeof buf, 300) > 0) {
    }
}

Diagnostics Client::statusError(const std::string &what, const Reply &r) const {
    Diagnostics d;
    d.error(what + ": the board answered '" + statusName(r.status) + "' (status " + std::to_string(r.status) + ")");
    return d;
}

#define EMBER_RPC_REQUEST(cmd, payload, what)                                  \
    Reply r;                                                                   \
    if (!request(cmd, payload, r)) {                                           \
        Diagnostics d;                                                         \
        d.error(std::string(what) + ": " + error_);                            \
        return d;                                                              \
    }                                                                          \
    if (r.status != Ok) return statusError(what, r);

Result<Hello> Client::hello() {
    EMBER_RPC_REQUEST(cmd::Hello, {}, "hello")
    Reader rd{r.data};
    Hello h;
    h.version = uint16_t(rd.u(2));
    h.maxPayload = uint16_t(rd.u(2));
    h.functions = rd.u(4);
    h.tensorSlots = rd.u(4);
    h.pools = rd.u(4);
    h.counterKind = rd.u(4);
    h.arenaBytes = rd.u(4);
    h.arenaUsed = rd.u(4);
    h.stackUsed = rd.u(4);
    h.layers = rd.u(4);
    h.model = rd.str();
    Diagnostics d;
    if (!rd.ok) d.error("hello: the board's reply is too short; is it an Ember RPC server?");
    else if (h.version != kVersion)
        d.error("the board speaks RPC protocol version " + std::to_string(h.version) + ", this client " +
                std::to_string(kVersion) + "; rebuild the firmware with this emberc");
    if (!d.ok()) return d;
    return h;
}

Result<FunctionInfo> Client::functionInfo(int index) {
    std::vector<uint8_t> q;
    put16(q, uint32_t(index));
    EMBER_RPC_REQUEST(cmd::FuncInfo, q, "function " + std::to_string(index))
    Reader rd{r.data};
    FunctionInfo f;
    f.index = int(rd.u(2));
    const uint32_t n = rd.u(2);
    f.name = rd.str();
    for (uint32_t a = 0; a < n && rd.ok; ++a) f.args.push_back(readArg(rd));
    if (!rd.ok) {
        Diagnostics d;
        d.error("function " + std::to_string(index) + ": malformed reply");
        return d;
    }
    return f;
}

Result<BufferInfo> Client::bufferInfo(int index) {
    std::vector<uint8_t> q;
    put16(q, uint32_t(index));
    EMBER_RPC_REQUEST(cmd::BufInfo, q, "buffer " + std::to_string(index))
    Reader rd{r.data};
    BufferInfo b;
    b.index = int(rd.u(2));
    b.kind = uint8_t(rd.u(1));
    b.info = readArg(rd);
    if (!rd.ok) {
        Diagnostics d;
        d.error("buffer " + std::to_string(index) + ": malformed reply");
        return d;
    }
    return b;
}

Result<std::vector<uint8_t>> Client::read(int buffer, uint32_t offset, uint32_t length) {
    std::vector<uint8_t> out;
    while (out.size() < length) {
        const uint32_t chunk = std::min<uint32_t>(uint32_t(kMaxPayload), length - uint32_t(out.size()));
        std::vector<uint8_t> q;
        put16(q, uint32_t(buffer));
        put32(q, offset + uint32_t(out.size()));
        put16(q, chunk);
        EMBER_RPC_REQUEST(cmd::Read, q, "reading buffer " + std::to_string(buffer))
        if (r.data.size() != chunk) {
            Diagnostics d;
            d.error("reading buffer " + std::to_string(buffer) + ": short reply");
            return d;
        }
        out.insert(out.end(), r.data.begin(), r.data.end());
    }
    return out;
}

Diagnostics Client::write(int buffer, uint32_t offset, const std::vector<uint8_t> &bytes) {
    size_t done = 0;
    do {
        const size_t chunk = std::min(kMaxPayload - 6, bytes.size() - done);
        std::vector<uint8_t> q;
        put16(q, uint32_t(buffer));
        put32(q, offset + uint32_t(done));
        q.insert(q.end(), bytes.begin() + long(done), bytes.begin() + long(done + chunk));
        EMBER_RPC_REQUEST(cmd::Write, q, "writing buffer " + std::to_string(buffer))
        done += chunk;
    } while (done < bytes.size());
    return {};
}

Result<CallResult> Client::call(const std::string &function, const std::vector<int32_t> &ids) {
    Diagnostics d;
    if (function.size() > 255 || ids.size() > 255) {
        d.error("call: function name or argument list too long");
        return d;
    }
    std::vector<uint8_t> q(1 + function.size() + 1);
    q[0] = uint8_t(function.size());
    std::memcpy(q.data() + 1, function.data(), function.size());
    q[1 + function.size()] = uint8_t(ids.size());
    for (int32_t id : ids) put32(q, uint32_t(id));
    EMBER_RPC_REQUEST(cmd::Call, q, "calling " + function)
    Reader rd{r.data};
    CallResult c{int32_t(rd.u(4)), rd.u(4)};
    return c;
}

Result<CallResult> Client::run() {
    EMBER_RPC_REQUEST(cmd::Run, {}, "running the model")
    Reader rd{r.data};
    CallResult c{int32_t(rd.u(4)), rd.u(4)};
    return c;
}

Result<Cycles> Client::cycles() {
    Cycles c;
    uint32_t first = 0;
    for (;;) {
        std::vector<uint8_t> q;
        put16(q, first);
        EMBER_RPC_REQUEST(cmd::Cycles, q, "reading the cycle counters")
        Reader rd{r.data};
        c.counterKind = rd.u(4);
        c.now = rd.u(4);
        c.lastCall = rd.u(4);
        const uint32_t layers = rd.u(2);
        rd.u(2);
        const uint32_t n = rd.u(2);
        for (uint32_t k = 0; k < n; ++k) c.layers.push_back(rd.u(4));
        first += n;
        if (n == 0 || first >= layers || !rd.ok) break;
    }
    return c;
}

Diagnostics Client::reset() {
    EMBER_RPC_REQUEST(cmd::Reset, {}, "reset")
    return {};
}

Result<std::vector<uint8_t>> Client::ping(const std::vector<uint8_t> &payload) {
    EMBER_RPC_REQUEST(cmd::Ping, payload, "ping")
    return r.data;
}

Result<uint32_t> Client::checksum(int buffer, uint32_t offset, uint32_t length) {
    std::vector<uint8_t> q;
    put16(q, uint32_t(buffer));
    put32(q, offset);
    put32(q, length);
    EMBER_RPC_REQUEST(cmd::Checksum, q, "checksum of buffer " + std::to_string(buffer))
    Reader rd{r.data};
    const uint32_t crc = rd.u(4);
    if (!rd.ok) {
        Diagnostics d;
        d.error("checksum: short reply");
        return d;
    }
    return crc;
}

#undef EMBER_RPC_REQUEST

// ---- Server (QEMU) ----

Server::~Server() {
    qemu_.stop();
    if (ownDir_) {
        QDir(QString::fromStdString(dir_)).removeRecursively();
        children::removeTempDir(dir_);
    }
}

Result<FirmwareBuild> buildServerFirmware(const std::string &modelPath, const Board &board, const ServeOptions &o,
                                          const std::string &dir, PackageInfo *package) {
    Diagnostics d;
    if (o.onLine) o.onLine("compiling " + modelPath);
    Result<Graph> g = loadModel(modelPath);
    if (!g) return g.diagnostics();
    CompileOptions co = o.compile;
    co.packedWrappers = true;
    Result<Artifacts> a = compile(*g, co);
    if (!a) return a.diagnostics();
    Result<PackageInfo> info = readPackageInfo(a->file("metadata.json") ? *a->file("metadata.json") : "", "metadata.json");
    if (!info) return info.diagnostics();
    if (package) *package = *info;
    FirmwareOptions fo;
    fo.rpcServer = true;
    fo.corruptLayer = o.corruptLayer;
    Result<FileList> files = generateFirmwareProject(*a, board, fo);
    if (!files) return files.diagnostics();
    if (!writeFiles(*files, dir, d)) return d;
    if (o.onLine) o.onLine("building the firmware for " + board.name);
    BuildOptions bo;
    bo.cancel = o.cancel;
    return buildFirmware(dir, board, bo);
}

std::string Server::qemuLog() const {
    QFile f(QString::fromStdString(dir_ + "/qemu.log"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

Result<std::unique_ptr<Server>> Server::start(const std::string &modelPath, const std::string &boardKey,
                                              const ServeOptions &o) {
    Diagnostics d;
    Result<BoardCatalog> cat = BoardCatalog::load();
    if (!cat) return cat.diagnostics();
    Result<Board> board = cat->find(boardKey);
    if (!board) return board.diagnostics();
    if (!board->emulated()) {
        d.error(board->id + " is not emulated: flash the RPC firmware (`emberc serve MODEL --board " + board->id +
                " --port /dev/ttyACM0`) and connect to its serial port (--connect /dev/ttyACM0)");
        return d;
    }
    const std::string qemu = findTool("qemu-system-arm");
    if (const std::string why = toolProblem("qemu-system-arm", qemu); !why.empty()) {
        d.error(why);
        return d;
    }
    std::unique_ptr<Server> s(new Server);
    s->board_ = *board;
    if (o.workDir.empty()) {
        // No spaces (QEMU option syntax) and short (Unix socket paths are limited to 107 bytes).
        QTemporaryDir tmp(QDir::tempPath() + "/ember-rpc-XXXXXX");
        if (!tmp.isValid()) {
            d.error("cannot create a temporary folder in " + QDir::tempPath().toStdString());
            return d;
        }
        tmp.setAutoRemove(false);
        s->dir_ = tmp.path().toStdString();
        s->ownDir_ = true;
        children::addTempDir(s->dir_);
    } else {
        s->dir_ = QDir(QString::fromStdString(o.workDir)).absolutePath().toStdString();
    }
    Result<FirmwareBuild> fb = buildServerFirmware(modelPath, *board, o, s->dir_, &s->package_);
    if (!fb) return fb.diagnostics();
    s->build_ = *fb;
    s->socket_ = s->dir_ + "/uart.sock";
    if (s->socket_.size() > 100) s->socket_ = QDir::tempPath().toStdString() + "/ember-rpc-" + std::to_string(::getpid()) + ".sock";
    QFile::remove(QString::fromStdString(s->socket_));
    // No -icount: it halves the UART's speed, and the RPC server's counters
    // are for orientation (exact instruction counts: `emberc profile`).
    const std::vector<std::string> argv = {qemu, "-M", board->qemuMachine, "-nographic", "-monitor", "none",
                                           "-kernel", fb->elfPath,
                                           "-serial", "unix:" + s->socket_ + ",server=on,wait=off"};
    if (o.onLine) o.onLine("$ " + commandLine(argv));
    std::string why;
    if (!s->qemu_.start(argv, s->dir_ + "/qemu.log", &why)) {
        d.error("cannot start qemu-system-arm: " + why);
        return d;
    }
    QElapsedTimer wait;
    wait.start();
    while (!QFileInfo::exists(QString::fromStdString(s->socket_))) {
        if (!s->qemu_.running()) {
            d.error("qemu-system-arm ended before serving the UART:\n" + s->qemuLog());
            return d;
        }
        if (wait.elapsed() > 20000 || (o.cancel && o.cancel->load()) || children::interrupted().load()) {
            d.error(wait.elapsed() > 20000 ? "qemu-system-arm did not open the UART socket within 20 s" : "cancelled");
            return d;
        }
        QThread::msleep(20);
    }
    // Hello every half second until the firmware answers: a UART that drops
    // what arrives before it is enabled (the STM32 USART, and QEMU's model of
    // it on netduinoplus2) loses a request sent while the board boots.
    if (std::unique_ptr<Transport> t = openTransport(s->address(), &why)) {
        Client c(std::move(t));
        Reply r;
        QElapsedTimer w;
        w.start();
        while (!c.request(cmd::Hello, {}, r, 500) && w.elapsed() < 20000 && s->qemu_.running()) {
        }
    }
    return s;
}

// ---- Module ----

Result<std::unique_ptr<Module>> Module::connect(const std::string &board, const std::string &modelPath,
                                               const ServeOptions &o) {
    Result<std::unique_ptr<Server>> s = Server::start(modelPath, board, o);
    if (!s) return s.diagnostics();
    std::string error;
    std::unique_ptr<Transport> t = openTransport((*s)->address(), &error);
    Diagnostics d;
    if (!t) {
        d.error(error);
        return d;
    }
    std::unique_ptr<Module> m(new Module);
    m->server_ = std::move(s.value());
    m->client_ = std::make_unique<Client>(std::move(t));
    d = m->load();
    if (!d.ok()) {
        d.error("qemu log:\n" + m->server_->qemuLog());
        return d;
    }
    return m;
}

Result<std::unique_ptr<Module>> Module::connect(const std::string &address) {
    std::string error;
    std::unique_ptr<Transport> t = openTransport(address, &error);
    Diagnostics d;
    if (!t) {
        d.error(error);
        return d;
    }
    std::unique_ptr<Module> m(new Module);
    m->client_ = std::make_unique<Client>(std::move(t));
    m->client_->resync();
    d = m->load();
    if (!d.ok()) return d;
    return m;
}

Diagnostics Module::load() {
    Result<Hello> h = client_->hello();
    if (!h) return h.diagnostics();
    hello_ = *h;
    functions_.clear();
    buffers_.clear();
    for (uint32_t i = 0; i < hello_.functions; ++i) {
        Result<FunctionInfo> f = client_->functionInfo(int(i));
        if (!f) return f.diagnostics();
        functions_.push_back(*f);
    }
    for (uint32_t i = 0; i < hello_.tensorSlots + hello_.pools; ++i) {
        Result<BufferInfo> b = client_->bufferInfo(int(i));
        if (!b) return b.diagnostics();
        buffers_.push_back(*b);
    }
    if (functions_.empty()) {
        Diagnostics d;
        d.error("the board's function table is empty");
        return d;
    }
    return {};
}

const FunctionInfo *Module::function(const std::string &name) const {
    for (const FunctionInfo &f : functions_)
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<ArgInfo> Module::inputs() const {
    std::vector<ArgInfo> r;
    for (const ArgInfo &a : functions_.at(0).args)
        if (a.role == 0) r.push_back(a);
    return r;
}

std::vector<ArgInfo> Module::outputs() const {
    std::vector<ArgInfo> r;
    for (const ArgInfo &a : functions_.at(0).args)
        if (a.role == 1) r.push_back(a);
    return r;
}

int Module::bufferOfTensor(int32_t tensor) const {
    for (const BufferInfo &b : buffers_)
        if (b.kind == 0 && b.info.tensor == tensor) return b.index;
    return -1;
}

Diagnostics Module::writeTensor(int32_t tensor, const std::vector<uint8_t> &bytes) {
    const int b = bufferOfTensor(tensor);
    Diagnostics d;
    if (b < 0) d.error("tensor " + std::to_string(tensor) + " is not an argument of any function on the board");
    else if (bytes.size() != buffers_[size_t(b)].info.bytes)
        d.error("tensor " + std::to_string(tensor) + " ('" + buffers_[size_t(b)].info.name + "') has " +
                std::to_string(buffers_[size_t(b)].info.bytes) + " bytes, got " + std::to_string(bytes.size()));
    if (!d.ok()) return d;
    return client_->write(b, 0, bytes);
}

Result<std::vector<uint8_t>> Module::readTensor(int32_t tensor) {
    const int b = bufferOfTensor(tensor);
    if (b < 0) {
        Diagnostics d;
        d.error("tensor " + std::to_string(tensor) + " is not an argument of any function on the board");
        return d;
    }
    return client_->read(b, 0, buffers_[size_t(b)].info.bytes);
}

Diagnostics Module::setInput(int index, const std::vector<uint8_t> &bytes) {
    const std::vector<ArgInfo> in = inputs();
    if (index < 0 || size_t(index) >= in.size()) {
        Diagnostics d;
        d.error("input " + std::to_string(index) + " does not exist; the model has " + std::to_string(in.size()));
        return d;
    }
    return writeTensor(in[size_t(index)].tensor, bytes);
}

Diagnostics Module::setInput(const std::string &name, const std::vector<uint8_t> &bytes) {
    const std::vector<ArgInfo> in = inputs();
    for (size_t i = 0; i < in.size(); ++i)
        if (in[i].name == name) return setInput(int(i), bytes);
    Diagnostics d;
    d.error("the model has no input named '" + name + "'");
    return d;
}

Result<bool> Module::tensorEquals(int32_t tensor, const std::vector<uint8_t> &bytes) {
    const int b = bufferOfTensor(tensor);
    if (b < 0) {
        Diagnostics d;
        d.error("tensor " + std::to_string(tensor) + " is not an argument of any function on the board");
        return d;
    }
    if (bytes.size() != buffers_[size_t(b)].info.bytes) return false;
    Result<uint32_t> crc = client_->checksum(b, 0, uint32_t(bytes.size()));
    if (!crc) return crc.diagnostics();
    return *crc == crc32(bytes.data(), bytes.size());
}

Result<std::vector<uint8_t>> Module::getOutput(int index) {
    const std::vector<ArgInfo> out = outputs();
    if (index < 0 || size_t(index) >= out.size()) {
        Diagnostics d;
        d.error("output " + std::to_string(index) + " does not exist; the model has " + std::to_string(out.size()));
        return d;
    }
    return readTensor(out[size_t(index)].tensor);
}

Result<std::vector<uint8_t>> Module::getOutput(const std::string &name) {
    const std::vector<ArgInfo> out = outputs();
    for (size_t i = 0; i < out.size(); ++i)
        if (out[i].name == name) return getOutput(int(i));
    Diagnostics d;
    d.error("the model has no output named '" + name + "'");
    return d;
}

Result<CallResult> Module::run() {
    Result<CallResult> r = client_->run();
    if (r && r->rc != 0) {
        Diagnostics d;
        d.error("the model's run function returned " + std::to_string(r->rc) + " on the board");
        return d;
    }
    return r;
}

Result<CallResult> Module::call(const std::string &function, const std::vector<int32_t> &ids) {
    Result<CallResult> r = client_->call(function, ids);
    if (r && r->rc != 0) {
        Diagnostics d;
        d.error(function + " returned " + std::to_string(r->rc) + " on the board");
        return d;
    }
    return r;
}

Diagnostics Module::reset() { return client_->reset(); }

}  // namespace ember::rpc
