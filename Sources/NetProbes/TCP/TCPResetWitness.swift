import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sees the RST segments that arrive while connects are in flight, with their TTL / hop limit,
/// through raw IPPROTO_TCP sockets (CAP_NET_RAW; without it the witness is simply absent).
///
/// Why: a closed port and a firewall's `REJECT --reject-with tcp-reset` send the same RST, and
/// connect(2) says ECONNREFUSED for both. The RST's TTL tells them apart: a middlebox's RST
/// starts fresh at the middlebox and arrives having crossed fewer hops than the server's answers.
final class TCPResetWitness: @unchecked Sendable {
    /// One RST seen: from whom, from which port, with what TTL / hop limit on arrival.
    struct Sighting: Sendable, Equatable {
        var source: String
        var sourcePort: Int
        var ttl: Int
    }

    private let sockets: [(family: AddressFamily, descriptor: Int32)]

    /// nil when no raw socket could be opened (not privileged).
    static func open(families: Set<AddressFamily>) -> TCPResetWitness? {
        var sockets: [(AddressFamily, Int32)] = []
        for family in families.sorted(by: { $0.rawValue < $1.rawValue }) {
            let descriptor = socket(family == .ipv4 ? AF_INET : AF_INET6, Int32(SOCK_RAW.rawValue), Int32(IPPROTO_TCP))
            guard descriptor >= 0 else { continue }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            if family == .ipv6 {
                var on: Int32 = 1
                _ = setsockopt(descriptor, SocketControlMessages.levelIPv6, 51, &on, socklen_t(MemoryLayout<Int32>.size))  // IPV6_RECVHOPLIMIT
            }
            sockets.append((family, descriptor))
        }
        return sockets.isEmpty ? nil : TCPResetWitness(sockets: sockets)
    }

    private init(sockets: [(family: AddressFamily, descriptor: Int32)]) {
        self.sockets = sockets
    }

    deinit {
        for socket in sockets { close(socket.descriptor) }
    }

    /// Every RST queued so far (the sockets are read until empty).
    func drain() -> [Sighting] {
        var sightings: [Sighting] = []
        for socket in sockets {
            let reader = RawSocketReader(descriptor: socket.descriptor)
            while let packet = reader.next() {
                if let sighting = Self.parse(packet.bytes, family: socket.family, from: packet.from, hopLimit: packet.control.hopLimit) {
                    sightings.append(sighting)
                }
            }
        }
        return sightings
    }

    /// An RST in what a raw TCP socket delivers: IPv4 with its header (TTL inside), IPv6
    /// without (hop limit from the control message). nil for anything else.
    static func parse(_ bytes: [UInt8], family: AddressFamily, from: String?, hopLimit: Int?) -> Sighting? {
        var segment = bytes[...]
        var ttl = hopLimit
        if family == .ipv4 {
            guard let header = ICMPMessageParser.ipv4HeaderLength(segment), segment.count >= header,
                  segment[segment.startIndex + 9] == 6 else { return nil }
            ttl = Int(segment[segment.startIndex + 8])
            segment = segment.dropFirst(header)
        }
        guard segment.count >= 20, let ttl, let from else { return nil }
        let flags = segment[segment.startIndex + 13]
        guard flags & 0x04 != 0 else { return nil }
        return Sighting(source: from, sourcePort: Int(ICMPMessageParser.word(segment, 0)), ttl: ttl)
    }
}
