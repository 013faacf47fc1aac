/// ICMP echo requests for the ICMP trace method, and the decoding of what a raw ICMP socket
/// receives: echo replies to our identifier, and time-exceeded / unreachable errors that quote
/// one of our echo requests. Pure over bytes (unit-tested).
public enum TraceICMPPacket {
    /// An echo request (ICMPv4 type 8 or ICMPv6 type 128). The ICMPv4 checksum is computed
    /// here; the kernel fills in the ICMPv6 one (it covers a pseudo-header).
    public static func echoRequest(ipv6: Bool, identifier: UInt16, sequence: UInt16, payloadSize: Int = 32) -> [UInt8] {
        var packet: [UInt8] = [ipv6 ? 128 : 8, 0, 0, 0,
                               UInt8(identifier >> 8), UInt8(identifier & 0xff),
                               UInt8(sequence >> 8), UInt8(sequence & 0xff)]
        packet += (0..<payloadSize).map { UInt8(truncatingIfNeeded: 0x20 + $0) }
        if !ipv6 {
            let sum = checksum(packet)
            packet[2] = UInt8(sum >> 8)
            packet[3] = UInt8(sum & 0xff)
        }
        return packet
    }

    /// RFC 1071 Internet checksum (the one ping's echo requests use too).
    public static func checksum(_ bytes: [UInt8]) -> UInt16 { ICMPEchoRequest.checksum(bytes) }

    /// What a received ICMP message says about one of our probes.
    public struct Decoded: Sendable, Equatable {
        public var type: Int
        public var code: Int
        /// The sequence number of our echo request it answers.
        public var sequence: UInt16
    }

    /// Decodes a message from a raw socket: IPv4 packets start with the IP header, IPv6 ones
    /// with the ICMPv6 header. nil for anything that is not about an echo request carrying
    /// `identifier` (other programs' pings, neighbour discovery, truncated quotes).
    public static func decode(_ bytes: [UInt8], ipv6: Bool, identifier: UInt16) -> Decoded? {
        var icmp = 0
        if !ipv6 {
            guard let first = bytes.first, first >> 4 == 4 else { return nil }
            icmp = Int(first & 0x0f) * 4
        }
        guard bytes.count >= icmp + 8 else { return nil }
        let type = Int(bytes[icmp])
        let code = Int(bytes[icmp + 1])
        let echoReply = ipv6 ? 129 : 0
        let errors = ipv6 ? [1, 3] : [3, 11]
        if type == echoReply {
            guard word(bytes, icmp + 4) == identifier else { return nil }
            return Decoded(type: type, code: code, sequence: word(bytes, icmp + 6))
        }
        guard errors.contains(type) else { return nil }
        // The quoted packet: the IP header of our request, then at least 8 bytes of its ICMP header.
        let quoted = icmp + 8
        let quotedICMP: Int
        if ipv6 {
            guard bytes.count >= quoted + 40, bytes[quoted] >> 4 == 6, bytes[quoted + 6] == 58 else { return nil }
            quotedICMP = quoted + 40
        } else {
            guard bytes.count > quoted, bytes[quoted] >> 4 == 4 else { return nil }
            quotedICMP = quoted + Int(bytes[quoted] & 0x0f) * 4
            guard bytes.count >= quotedICMP, bytes[quoted + 9] == 1 else { return nil }
        }
        guard bytes.count >= quotedICMP + 8, bytes[quotedICMP] == (ipv6 ? 128 : 8),
              word(bytes, quotedICMP + 4) == identifier else { return nil }
        return Decoded(type: type, code: code, sequence: word(bytes, quotedICMP + 6))
    }

    static func word(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }
}
