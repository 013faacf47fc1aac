import Testing
@testable import NetProbes

/// The recvmsg ancillary-data walker (Linux 64-bit cmsghdr layout) and RFC 5952 IPv6 text.
struct ICMPControlMessageTests {
    static func little<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// cmsghdr (len, level, type) + data, padded to 8 bytes.
    static func message(level: Int32, type: Int32, data: [UInt8]) -> [UInt8] {
        var bytes = little(UInt64(16 + data.count)) + little(level) + little(type) + data
        while bytes.count % 8 != 0 { bytes.append(0) }
        return bytes
    }

    @Test func timestampHopLimitAndExtendedError() {
        let timestamp = Self.message(level: 1, type: 35, data: Self.little(Int64(1_700_000_000)) + Self.little(Int64(123_456_789)))
        let ttl = Self.message(level: 0, type: 2, data: Self.little(Int32(63)))
        // sock_extended_err: errno EHOSTUNREACH (113), origin ICMP, type 3, code 1; offender sockaddr_in 10.77.1.2.
        let extended = Self.little(UInt32(113)) + [2, 3, 1, 0] + Self.little(UInt32(0)) + Self.little(UInt32(0))
        let offender = Self.little(UInt16(2)) + [0, 0, 10, 77, 1, 2] + [UInt8](repeating: 0, count: 8)
        let error = Self.message(level: 0, type: 11, data: extended + offender)
        let parsed = SocketControlMessages(parsing: timestamp + ttl + error)
        #expect(parsed.timestampNanoseconds == 1_700_000_000_123_456_789)
        #expect(parsed.hopLimit == 63)
        #expect(parsed.extendedError == ExtendedSocketError(errno: 113, origin: 2, type: 3, code: 1, offender: "10.77.1.2"))
    }

    @Test func ipv6ErrorAndHopLimit() {
        let extended = Self.little(UInt32(113)) + [3, 1, 3, 0] + [UInt8](repeating: 0, count: 8)
        var offender = Self.little(UInt16(10)) + [UInt8](repeating: 0, count: 6)
        offender += [0xfd, 0x77, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2] + [0, 0, 0, 0]
        let bytes = Self.message(level: 41, type: 52, data: Self.little(Int32(62)))
            + Self.message(level: 41, type: 25, data: extended + offender)
        let parsed = SocketControlMessages(parsing: bytes)
        #expect(parsed.hopLimit == 62)
        #expect(parsed.extendedError?.offender == "fd77:0:0:1::2")
        #expect(parsed.extendedError?.origin == ExtendedSocketError.originICMPv6)
    }

    @Test func malformedLengthsStopTheWalk() {
        let ttl = Self.message(level: 0, type: 2, data: Self.little(Int32(63)))
        var tooLong = ttl
        tooLong.replaceSubrange(0..<8, with: Self.little(UInt64(4096)))
        #expect(SocketControlMessages(parsing: tooLong) == SocketControlMessages())
        var tooShort = ttl
        tooShort.replaceSubrange(0..<8, with: Self.little(UInt64(3)))
        #expect(SocketControlMessages(parsing: tooShort + ttl) == SocketControlMessages())
        #expect(SocketControlMessages(parsing: Array(ttl.prefix(10))) == SocketControlMessages())
    }

    @Test func ipv6TextFollowsRFC5952() {
        #expect(IPv6Text.format([0xfd77, 0, 0, 2, 0, 0, 0, 2]) == "fd77:0:0:2::2")
        #expect(IPv6Text.format([0, 0, 0, 0, 0, 0, 0, 1]) == "::1")
        #expect(IPv6Text.format([0, 0, 0, 0, 0, 0, 0, 0]) == "::")
        #expect(IPv6Text.format([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]) == "2001:db8::1:0:0:1")
        #expect(IPv6Text.format([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1]) == "2001:db8:0:1:1:1:1:1", "a single zero word stays")
    }
}
