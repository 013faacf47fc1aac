#if canImport(Glibc)
import Glibc

/// ICMP echo probes over a raw socket (root or CAP_NET_RAW): the socket sees echo replies
/// and the ICMP errors that quote our requests; the identifier separates our probes from
/// other pings, the sequence number names the probe.
final class TraceICMPTransport: TraceTransport {
    let mechanism = "raw-socket"
    let fd: Int32
    let ipv6: Bool
    let destination: String
    let identifier: UInt16
    private(set) var errors: [String] = []

    init(destination: String) throws(TraceTransportError) {
        guard let address = TraceSocketAddress(ip: destination, port: 0) else {
            throw TraceTransportError(message: "\(destination): not an IP address", isPermission: false)
        }
        ipv6 = address.isIPv6
        self.destination = destination
        identifier = UInt16.random(in: 1...UInt16.max)
        fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_RAW.rawValue | SOCK_NONBLOCK.rawValue),
                    Int32(ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP))
        guard fd >= 0 else { throw TraceTransports.socketError("raw icmp socket (needs root or CAP_NET_RAW)") }
    }

    func send(_ probe: TraceStateMachine.PlannedProbe) -> String? {
        guard var address = TraceSocketAddress(ip: destination, port: 0) else { return "bad address" }
        if let problem = TraceLinux.setTTL(fd, ipv6: ipv6, probe.ttl) { return problem }
        let packet = TraceICMPPacket.echoRequest(ipv6: ipv6, identifier: identifier,
                                                 sequence: UInt16(truncatingIfNeeded: probe.id))
        let sent = packet.withUnsafeBytes { bytes in
            address.withSockaddr { sendto(fd, bytes.baseAddress, bytes.count, 0, $0, $1) }
        }
        return sent < 0 ? "sendto: " + TraceLinux.errorText(errno) : nil
    }

    func pollSet() -> [pollfd] { [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)] }

    /// Probe ids are sequence numbers; the state machine ignores ids it does not know.
    func read(_ fd: Int32, events: Int16) -> [(id: Int, answer: TraceAnswer)] {
        var answers: [(id: Int, answer: TraceAnswer)] = []
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
            guard count > 0 else { break }
            guard let sender = withUnsafeBytes(of: &from, { TraceSocketAddress.decode($0)?.ip }),
                  let decoded = TraceICMPPacket.decode(Array(buffer[0..<count]), ipv6: ipv6, identifier: identifier),
                  let answer = TraceICMPCodes.answer(ipv6: ipv6, type: decoded.type, code: decoded.code, from: sender)
            else { continue }
            answers.append((Int(decoded.sequence), answer))
        }
        return answers
    }

    func takeImmediate() -> [(id: Int, answer: TraceAnswer)] { [] }

    func prune(keeping isPending: (Int) -> Bool) {}

    func close() { Glibc.close(fd) }
}
#endif
