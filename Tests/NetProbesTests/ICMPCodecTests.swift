import Testing
@testable import NetProbes

/// The ICMP echo codec and the decoder of what ICMP sockets deliver, over hand-built packets.
struct ICMPCodecTests {
    static let identifier: UInt16 = 0x1234
    static let nonce: UInt64 = 0x0102_0304_0506_0708

    /// A minimal IPv4 header: version 4, IHL 5, the given TTL, protocol ICMP.
    static func ipv4Header(ttl: UInt8, source: [UInt8] = [10, 77, 2, 2], destination: [UInt8] = [10, 77, 1, 1]) -> [UInt8] {
        [0x45, 0, 0, 84, 0, 0, 0x40, 0, ttl, 1, 0, 0] + source + destination
    }

    static func ipv6Header(nextHeader: UInt8 = 58) -> [UInt8] {
        [0x60, 0, 0, 0, 0, 64, nextHeader, 64] + [UInt8](repeating: 0xfd, count: 16) + [UInt8](repeating: 0x77, count: 16)
    }

    @Test func checksumMatchesRFC1071Example() {
        #expect(ICMPEchoRequest.checksum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]) == 0x220d)
        #expect(ICMPEchoRequest.checksum([0xff]) == 0x00ff)  // odd length pads with zero
    }

    @Test func echoRequestLayout() {
        let request = ICMPEchoRequest(family: .ipv4, identifier: Self.identifier, sequence: 7, nonce: Self.nonce)
        let bytes = request.bytes
        #expect(bytes.count == 64)
        #expect(Array(bytes[0..<2]) == [8, 0])
        #expect(Array(bytes[4..<8]) == [0x12, 0x34, 0, 7])
        #expect(Array(bytes[8..<16]) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(bytes[16] == 8, "then the pattern 0x08, 0x09, … by payload offset")
        #expect(ICMPEchoRequest.checksum(bytes) == 0, "a filled-in checksum makes the message sum to zero")
        let v6 = ICMPEchoRequest(family: .ipv6, identifier: 1, sequence: 1, nonce: 1, payloadSize: 3)
        #expect(v6.bytes[0] == 128 && v6.bytes.count == 16, "ICMPv6 type 128; payload at least the 8-byte nonce")
    }

    @Test func rawIPv4EchoReplyCarriesTTLAndNonce() throws {
        var reply = ICMPEchoRequest(family: .ipv4, identifier: Self.identifier, sequence: 3, nonce: Self.nonce).bytes
        reply[0] = 0
        let parsed = try #require(ICMPMessageParser.parse(Self.ipv4Header(ttl: 63) + reply, family: .ipv4, includesIPHeader: true))
        #expect(parsed.ttl == 63)
        #expect(parsed.message == .echoReply(identifier: Self.identifier, sequence: 3, nonce: Self.nonce, size: 64))
        // A datagram socket hands over the ICMP message alone.
        let datagram = try #require(ICMPMessageParser.parse(reply, family: .ipv4, includesIPHeader: false))
        #expect(datagram.ttl == nil)
        #expect(datagram.message == .echoReply(identifier: Self.identifier, sequence: 3, nonce: Self.nonce, size: 64))
    }

    @Test func ipv4DestinationUnreachableQuotesOurRequest() throws {
        let quoted = Array(ICMPEchoRequest(family: .ipv4, identifier: Self.identifier, sequence: 9, nonce: 0).bytes.prefix(8))
        let error: [UInt8] = [3, 1, 0, 0, 0, 0, 0, 0] + Self.ipv4Header(ttl: 64) + quoted
        let parsed = try #require(ICMPMessageParser.parse(Self.ipv4Header(ttl: 64, source: [10, 77, 1, 2]) + error,
                                                          family: .ipv4, includesIPHeader: true))
        guard case .error(let report) = parsed.message else { Issue.record("not an error: \(parsed)"); return }
        #expect(report.identifier == Self.identifier && report.sequence == 9)
        #expect(report.kind == "unreachable")
        #expect(report.text == "Destination Host Unreachable")
    }

    @Test func ipv6ErrorsAndReplies() throws {
        let quoted = Array(ICMPEchoRequest(family: .ipv6, identifier: Self.identifier, sequence: 2, nonce: 0).bytes.prefix(8))
        let unreachable: [UInt8] = [1, 3, 0, 0, 0, 0, 0, 0] + Self.ipv6Header() + quoted
        let parsed = try #require(ICMPMessageParser.parse(unreachable, family: .ipv6, includesIPHeader: false))
        guard case .error(let report) = parsed.message else { Issue.record("not an error: \(parsed)"); return }
        #expect(report.sequence == 2 && report.text == "Destination unreachable: Address unreachable")
        let exceeded: [UInt8] = [3, 0, 0, 0, 0, 0, 0, 0] + Self.ipv6Header() + quoted
        if case .error(let report)? = ICMPMessageParser.parse(exceeded, family: .ipv6, includesIPHeader: false)?.message {
            #expect(report.kind == "time-exceeded")
        } else {
            Issue.record("time exceeded not decoded")
        }
        // The quoted packet must be an ICMPv6 echo request.
        #expect(ICMPMessageParser.parse([1, 3, 0, 0, 0, 0, 0, 0] + Self.ipv6Header(nextHeader: 6) + quoted,
                                        family: .ipv6, includesIPHeader: false) == nil)
        var reply = ICMPEchoRequest(family: .ipv6, identifier: 5, sequence: 6, nonce: Self.nonce).bytes
        reply[0] = 129
        #expect(ICMPMessageParser.parse(reply, family: .ipv6, includesIPHeader: false)?.message
            == .echoReply(identifier: 5, sequence: 6, nonce: Self.nonce, size: 64))
        // Our own request (seen on loopback) and neighbour discovery are not replies.
        reply[0] = 128
        #expect(ICMPMessageParser.parse(reply, family: .ipv6, includesIPHeader: false) == nil)
        reply[0] = 135
        #expect(ICMPMessageParser.parse(reply, family: .ipv6, includesIPHeader: false) == nil)
    }

    @Test func shortAndHostileInputIsRejected() {
        #expect(ICMPMessageParser.parse([], family: .ipv4, includesIPHeader: true) == nil)
        #expect(ICMPMessageParser.parse([0x4f] + [UInt8](repeating: 0, count: 30), family: .ipv4, includesIPHeader: true) == nil)
        #expect(ICMPMessageParser.parse([0x45, 0, 0, 0, 0, 0, 0, 0, 64, 6] + [UInt8](repeating: 0, count: 30),
                                        family: .ipv4, includesIPHeader: true) == nil, "not ICMP")
        #expect(ICMPMessageParser.parse([3, 1, 0, 0, 0, 0, 0, 0, 0x45, 0], family: .ipv4, includesIPHeader: false) == nil,
                "truncated quote")
        #expect(ICMPMessageParser.sequenceOfOwnRequest([8, 0, 0]) == nil)
        #expect(ICMPMessageParser.sequenceOfOwnRequest([8, 0, 0, 0, 0x12, 0x34, 0x01, 0x02]) == 0x0102)
        // Deterministic garbage: never a crash.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in 0..<400 {
            let bytes = (0..<(length % 90)).map { _ -> UInt8 in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
            for family in [AddressFamily.ipv4, .ipv6] {
                _ = ICMPMessageParser.parse(bytes, family: family, includesIPHeader: length % 2 == 0)
                _ = SocketControlMessages(parsing: bytes)
            }
        }
    }
}
