/// Decodes what an ICMP socket receives. Pure over bytes: every length is checked, so a short
/// or hostile packet yields nil, never a crash.
///
/// - A raw IPv4 socket delivers the IPv4 header first (its TTL is the reply's TTL).
/// - Raw ICMPv6 and both datagram ("ping") sockets deliver the ICMP message alone.
/// - An error message quotes the offending packet: IPv4 header + 8 bytes of our ICMP header,
///   or the IPv6 header (40 bytes) + our ICMPv6 header.
public enum ICMPMessageParser {
    public struct Parsed: Sendable, Equatable {
        public var message: ICMPMessage
        /// From the IPv4 header (raw IPv4 sockets only).
        public var ttl: Int?
    }

    public static func parse(_ bytes: [UInt8], family: AddressFamily, includesIPHeader: Bool) -> Parsed? {
        var icmp = bytes[...]
        var ttl: Int?
        if family == .ipv4 && includesIPHeader {
            guard let header = ipv4HeaderLength(icmp), icmp.count >= header, icmp[icmp.startIndex + 9] == 1 else { return nil }
            ttl = Int(icmp[icmp.startIndex + 8])
            icmp = icmp.dropFirst(header)
        }
        guard icmp.count >= 8 else { return nil }
        let type = icmp[icmp.startIndex]
        let code = icmp[icmp.startIndex + 1]
        let replyType: UInt8 = family == .ipv4 ? 0 : 129
        if type == replyType {
            let payload = icmp.dropFirst(8)
            return Parsed(message: .echoReply(identifier: word(icmp, 4), sequence: word(icmp, 6),
                                              nonce: nonce(payload), size: icmp.count), ttl: ttl)
        }
        let errorTypes: Set<UInt8> = family == .ipv4 ? [3, 11, 12] : [1, 2, 3, 4]
        guard errorTypes.contains(type), let quoted = quotedEcho(icmp.dropFirst(8), family: family) else { return nil }
        let report = ICMPErrorReport(family: family, type: type, code: code, identifier: quoted.identifier, sequence: quoted.sequence)
        return Parsed(message: .error(report), ttl: ttl)
    }

    /// The identifier and sequence of our echo request inside an error message, nil when the
    /// quoted packet is not an ICMP echo request.
    static func quotedEcho(_ quoted: ArraySlice<UInt8>, family: AddressFamily) -> (identifier: UInt16, sequence: UInt16)? {
        var inner = quoted
        switch family {
        case .ipv4:
            guard let header = ipv4HeaderLength(inner), inner.count >= header + 8, inner[inner.startIndex + 9] == 1 else { return nil }
            inner = inner.dropFirst(header)
            guard inner[inner.startIndex] == 8 else { return nil }
        case .ipv6:
            guard inner.count >= 48, inner[inner.startIndex] >> 4 == 6, inner[inner.startIndex + 6] == 58 else { return nil }
            inner = inner.dropFirst(40)
            guard inner[inner.startIndex] == 128 else { return nil }
        }
        return (word(inner, 4), word(inner, 6))
    }

    /// The sequence number of the echo request a datagram socket's error queue returns with an
    /// error (the payload is our own ICMP message as sent).
    public static func sequenceOfOwnRequest(_ bytes: [UInt8]) -> UInt16? {
        guard bytes.count >= 8 else { return nil }
        return word(bytes[...], 6)
    }

    static func ipv4HeaderLength(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = bytes.first, first >> 4 == 4 else { return nil }
        let length = Int(first & 0x0f) * 4
        return length >= 20 && bytes.count >= 20 ? length : nil
    }

    static func word(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt16 {
        UInt16(bytes[bytes.startIndex + offset]) << 8 | UInt16(bytes[bytes.startIndex + offset + 1])
    }

    static func nonce(_ payload: ArraySlice<UInt8>) -> UInt64? {
        guard payload.count >= 8 else { return nil }
        return payload.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
