#if canImport(Glibc)
import Glibc

/// TCP SYN probes as non-blocking connects, one socket per probe, each with its TTL and
/// IP_RECVERR (traceroute's unprivileged `tcpconn` method): a router's time exceeded and a
/// firewall's ICMP unreachable arrive on the socket's error queue with the offender; the
/// destination's SYN-ACK completes the connect, its RST fails it with ECONNREFUSED.
final class TraceTCPTransport: TraceTransport {
    let mechanism = "ip-recverr"
    let destination: String
    let port: Int
    var sockets: [Int32: Int] = [:]
    private(set) var errors: [String] = []
    /// Answers known right at connect time (loopback), handed out at the next read.
    var immediate: [(id: Int, answer: TraceAnswer)] = []

    init(destination: String, port: Int) {
        self.destination = destination
        self.port = port
    }

    func send(_ probe: TraceStateMachine.PlannedProbe) -> String? {
        guard var address = TraceSocketAddress(ip: destination, port: port) else { return "\(destination): not an IP address" }
        let fd = socket(address.isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { return "tcp socket: " + TraceLinux.errorText(errno) }
        if let problem = TraceLinux.setTTL(fd, ipv6: address.isIPv6, probe.ttl)
            ?? TraceLinux.enableErrorQueue(fd, ipv6: address.isIPv6) {
            Glibc.close(fd)
            return problem
        }
        let status = address.withSockaddr { connect(fd, $0, $1) }
        let code = errno
        if status == 0 {
            immediate.append((probe.id, TraceAnswer(kind: .synAck, from: destination)))
            abort(fd)
        } else if code == EINPROGRESS {
            sockets[fd] = probe.id
        } else if code == ECONNREFUSED {
            immediate.append((probe.id, TraceAnswer(kind: .tcpReset, from: destination)))
            Glibc.close(fd)
        } else {
            Glibc.close(fd)
            return "connect: " + TraceLinux.errorText(code)
        }
        return nil
    }

    func pollSet() -> [pollfd] {
        sockets.keys.sorted().map { pollfd(fd: $0, events: Int16(POLLOUT), revents: 0) }
    }

    func read(_ fd: Int32, events: Int16) -> [(id: Int, answer: TraceAnswer)] {
        var answers: [(id: Int, answer: TraceAnswer)] = []
        guard let id = sockets[fd] else { return answers }
        if let queued = TraceQueuedError.read(fd), let answer = queued.answer {
            answers.append((id, answer))
        } else {
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length)
            switch failure {
            case 0 where events & Int16(POLLOUT) != 0:
                answers.append((id, TraceAnswer(kind: .synAck, from: destination)))
            case ECONNREFUSED:
                answers.append((id, TraceAnswer(kind: .tcpReset, from: destination)))
            case 0:
                return answers   // spurious wake-up: keep waiting
            default:
                let text = "connect: " + TraceLinux.errorText(failure)
                if !errors.contains(text) { errors.append(text) }
            }
        }
        sockets[fd] = nil
        abort(fd)
        return answers
    }

    func takeImmediate() -> [(id: Int, answer: TraceAnswer)] {
        defer { immediate = [] }
        return immediate
    }

    func prune(keeping isPending: (Int) -> Bool) {
        for (fd, id) in sockets where !isPending(id) {
            sockets[fd] = nil
            abort(fd)
        }
    }

    func close() {
        for fd in sockets.keys { abort(fd) }
        sockets = [:]
    }

    /// Closes with SO_LINGER 0: an established probe connection ends with RST, leaving no
    /// TIME_WAIT entries behind in the socket table.
    func abort(_ fd: Int32) {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.close(fd)
    }
}
#endif
