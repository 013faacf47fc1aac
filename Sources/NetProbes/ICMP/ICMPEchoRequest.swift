/// An ICMP (IPv4) or ICMPv6 echo request as bytes, and the Internet checksum it carries.
///
/// The payload is `payloadSize` bytes (56 like ping, so 64 bytes of ICMP) starting with an
/// 8-byte `nonce` that replies echo back: on a raw socket, which sees every ICMP packet the host
/// receives, the nonce tells our replies from another pinger's that happens to use our identifier.
public struct ICMPEchoRequest: Sendable, Equatable {
    public var family: AddressFamily
    public var identifier: UInt16
    public var sequence: UInt16
    public var nonce: UInt64
    public var payloadSize: Int

    public static let defaultPayloadSize = 56
    /// Type 8 (echo request) for IPv4, 128 for ICMPv6 (RFC 792, RFC 4443).
    public var type: UInt8 { family == .ipv4 ? 8 : 128 }

    public init(family: AddressFamily, identifier: UInt16, sequence: UInt16, nonce: UInt64,
                payloadSize: Int = ICMPEchoRequest.defaultPayloadSize) {
        self.family = family
        self.identifier = identifier
        self.sequence = sequence
        self.nonce = nonce
        self.payloadSize = max(payloadSize, 8)
    }

    /// The payload: the nonce (big-endian) then the byte pattern 0x08, 0x09, … ping uses.
    public var payload: [UInt8] {
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: nonce >> (56 - 8 * UInt64($0))) }
        bytes += (8..<payloadSize).map { UInt8(truncatingIfNeeded: $0) }
        return bytes
    }

    /// The message with its checksum filled in. For ICMPv6 the kernel overwrites the checksum
    /// (it covers a pseudo-header only the kernel knows); for datagram sockets it also
    /// rewrites the identifier with the socket's own.
    public var bytes: [UInt8] {
        var message: [UInt8] = [type, 0, 0, 0,
                                UInt8(identifier >> 8), UInt8(identifier & 0xff),
                                UInt8(sequence >> 8), UInt8(sequence & 0xff)]
        message += payload
        if family == .ipv4 {
            let sum = Self.checksum(message)
            message[2] = UInt8(sum >> 8)
            message[3] = UInt8(sum & 0xff)
        }
        return message
    }

    /// RFC 1071 Internet checksum: one's complement of the one's-complement sum of 16-bit words.
    public static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt16 {
        var sum: UInt32 = 0
        var iterator = bytes.makeIterator()
        while let high = iterator.next() {
            let low = iterator.next() ?? 0
            sum += UInt32(high) << 8 | UInt32(low)
        }
        while sum > 0xffff { sum = (sum & 0xffff) + (sum >> 16) }
        return ~UInt16(sum)
    }
}
