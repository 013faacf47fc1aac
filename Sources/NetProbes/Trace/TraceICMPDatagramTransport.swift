#if canImport(Glibc)
import Glibc

/// ICMP echo probes over the unprivileged datagram ICMP socket ("ping socket", allowed when
/// the user's group is in net.ipv4.ping_group_range) with IP_RECVERR: echo replies arrive as
/// datagrams, time exceeded and unreachable errors on the error queue with the offender and
/// the quoted echo request. The kernel owns the identifier; the sequence number names the probe.
final class TraceICMPDatagramTransport: TraceTransport {
    let mechanism = "ip-recverr"
    let fd: Int32
    let ipv6: Bool
    let destination: String
    private(set) var errors: [String] = []

    init(destination: String) throws(TraceTransportError) {
        guard let address = TraceSocketAddress(ip: destination, port: 0) else {
            throw TraceTransportError(message: "\(destination): not an IP address", isPermission: false)
        }
        ipv6 = address.isIPv6
        self.destination = destination
        fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue | SOCK_NONBLOCK.rawValue),
                    Int32(ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP))
        guard fd >= 0 else { throw TraceTransports.socketError("datagram icmp socket (net.ipv4.ping_group_range)") }
        if let problem = TraceLinux.enableErrorQueue(fd, ipv6: ipv6) {
            Glibc.close(fd)
            throw TraceTransportError(message: problem, isPermission: false)
        }
    }

    func send(_ probe: TraceStateMachine.PlannedProbe) -> String? {
        guard var address = TraceSocketAddress(ip: destination, port: 0) else { return "bad address" }
        if let problem = TraceLinux.setTTL(fd, ipv6: ipv6, probe.ttl) { return problem }
        let packet = TraceICMPPacket.echoRequest(ipv6: ipv6, identifier: 0, sequence: UInt16(truncatingIfNeeded: probe.id))
        return TraceLinux.send(fd, packet, to: &address)
    }

    func pollSet() -> [pollfd] { [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)] }

    func read(_ fd: Int32, events: Int16) -> [(id: Int, answer: TraceAnswer)] {
        var answers: [(id: Int, answer: TraceAnswer)] = []
        while let queued = TraceQueuedError.read(fd) {
            guard queued.payload.count >= 8, let answer = queued.answer else { continue }
            answers.append((Int(TraceICMPPacket.word(queued.payload, 6)), answer))
        }
        var buffer = [UInt8](repeating: 0, count: 1500)
        while true {
            var from = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let count = buffer.withUnsafeMutableBytes { bytes in
                withUnsafeMutablePointer(to: &from) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        recvfrom(fd, bytes.baseAddress, bytes.count, TraceLinux.msgDontWait, $0, &length)
                    }
                }
            }
            guard count >= 0 else { break }
            guard count >= 8, let sender = withUnsafeBytes(of: &from, { TraceSocketAddress.decode($0)?.ip }),
                  let answer = TraceICMPCodes.answer(ipv6: ipv6, type: Int(buffer[0]), code: Int(buffer[1]), from: sender),
                  answer.kind == .echoReply
            else { continue }
            answers.append((Int(TraceICMPPacket.word(buffer, 6)), answer))
        }
        return answers
    }

    func takeImmediate() -> [(id: Int, answer: TraceAnswer)] { [] }

    func prune(keeping isPending: (Int) -> Bool) {}

    func close() { Glibc.close(fd) }
}
#endif
