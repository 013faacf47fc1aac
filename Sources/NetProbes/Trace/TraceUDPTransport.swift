#if canImport(Glibc)
import Glibc

/// UDP probes to consecutive high ports from one unprivileged socket with IP_RECVERR: each
/// ICMP error comes back on the error queue with the offender's address and the probe's
/// destination port, which names the probe (traceroute's default method).
final class TraceUDPTransport: TraceTransport {
    let mechanism = "ip-recverr"
    let fd: Int32
    let ipv6: Bool
    let destination: String
    let basePort: Int
    var portToProbe: [Int: Int] = [:]
    private(set) var errors: [String] = []

    init(destination: String, basePort: Int) throws(TraceTransportError) {
        guard let address = TraceSocketAddress(ip: destination, port: basePort) else {
            throw TraceTransportError(message: "\(destination): not an IP address", isPermission: false)
        }
        ipv6 = address.isIPv6
        self.destination = destination
        self.basePort = basePort
        fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue | SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw TraceTransports.socketError("udp socket") }
        if let problem = TraceLinux.enableErrorQueue(fd, ipv6: ipv6) {
            Glibc.close(fd)
            throw TraceTransportError(message: problem, isPermission: false)
        }
    }

    /// Port of probe `id`: basePort + id, wrapping within 1024…65535.
    func port(of id: Int) -> Int {
        let span = 65536 - max(basePort, 1024)
        return max(basePort, 1024) + id % span
    }

    func send(_ probe: TraceStateMachine.PlannedProbe) -> String? {
        let port = port(of: probe.id)
        guard var address = TraceSocketAddress(ip: destination, port: port) else { return "bad address" }
        if let problem = TraceLinux.setTTL(fd, ipv6: ipv6, probe.ttl) { return problem }
        portToProbe[port] = probe.id
        return TraceLinux.send(fd, [UInt8](repeating: 0x40, count: 32), to: &address)
    }

    func pollSet() -> [pollfd] { [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)] }

    func read(_ fd: Int32, events: Int16) -> [(id: Int, answer: TraceAnswer)] {
        var answers: [(id: Int, answer: TraceAnswer)] = []
        while let queued = TraceQueuedError.read(fd) {
            guard let port = queued.destinationPort, let id = portToProbe[port], let answer = queued.answer else { continue }
            answers.append((id, answer))
        }
        // Drain ordinary datagrams (a service that answers on the probed port) so poll stays quiet.
        var sink = [UInt8](repeating: 0, count: 512)
        while recv(fd, &sink, sink.count, TraceLinux.msgDontWait) >= 0 {}
        return answers
    }

    func takeImmediate() -> [(id: Int, answer: TraceAnswer)] { [] }

    func prune(keeping isPending: (Int) -> Bool) {}

    func close() { Glibc.close(fd) }
}
#endif
