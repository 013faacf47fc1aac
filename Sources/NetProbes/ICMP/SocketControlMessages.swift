/// The ancillary data (`msg_control`) of one `recvmsg`, decoded into what the pinger uses:
/// the kernel receive timestamp (SO_TIMESTAMPNS), the TTL / hop limit (IP_RECVTTL,
/// IPV6_RECVHOPLIMIT) and an extended socket error (IP_RECVERR / IPV6_RECVERR with
/// MSG_ERRQUEUE: the way a datagram ICMP socket learns of "destination unreachable").
///
/// Linux, 64-bit layout: `struct cmsghdr { size_t len; int level; int type; }` (16 bytes),
/// data and each next header aligned to 8 bytes (`CMSG_ALIGN`). Pure over bytes; a malformed
/// buffer ends the walk, it never reads out of range.
public struct SocketControlMessages: Sendable, Equatable {
    /// Receive time from the kernel, nanoseconds since the epoch (CLOCK_REALTIME).
    public var timestampNanoseconds: Int64?
    public var hopLimit: Int?
    public var extendedError: ExtendedSocketError?

    // Linux <bits/socket.h>, <bits/in.h>, <linux/in6.h>.
    static let solSocket: Int32 = 1, scmTimestampNS: Int32 = 35
    static let levelIP: Int32 = 0, ipTTL: Int32 = 2, ipRecvErr: Int32 = 11
    static let levelIPv6: Int32 = 41, ipv6RecvErr: Int32 = 25, ipv6HopLimit: Int32 = 52
    static let headerSize = 16

    public init(timestampNanoseconds: Int64? = nil, hopLimit: Int? = nil, extendedError: ExtendedSocketError? = nil) {
        self.timestampNanoseconds = timestampNanoseconds
        self.hopLimit = hopLimit
        self.extendedError = extendedError
    }

    public init(parsing buffer: [UInt8]) {
        self.init()
        var offset = 0
        while offset + Self.headerSize <= buffer.count {
            let length = Int(truncatingIfNeeded: Self.load(UInt64.self, buffer, offset))
            let level = Self.load(Int32.self, buffer, offset + 8)
            let type = Self.load(Int32.self, buffer, offset + 12)
            guard length >= Self.headerSize, offset + length <= buffer.count else { return }
            let data = Array(buffer[(offset + Self.headerSize)..<(offset + length)])
            switch (level, type) {
            case (Self.solSocket, Self.scmTimestampNS) where data.count >= 16:
                let seconds = Self.load(Int64.self, data, 0)
                let nanoseconds = Self.load(Int64.self, data, 8)
                timestampNanoseconds = seconds &* 1_000_000_000 &+ nanoseconds
            case (Self.levelIP, Self.ipTTL) where data.count >= 4, (Self.levelIPv6, Self.ipv6HopLimit) where data.count >= 4:
                hopLimit = Int(Self.load(Int32.self, data, 0))
            case (Self.levelIP, Self.ipRecvErr), (Self.levelIPv6, Self.ipv6RecvErr):
                extendedError = ExtendedSocketError(parsing: data)
            default:
                break
            }
            offset += (length + 7) & ~7
        }
    }

    static func load<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], _ offset: Int) -> T {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    }
}

/// `struct sock_extended_err` (linux/errqueue.h) and the offender address that follows it.
public struct ExtendedSocketError: Sendable, Equatable, Codable {
    public var errno: Int32
    /// SO_EE_ORIGIN_*: 1 local, 2 ICMP, 3 ICMPv6.
    public var origin: UInt8
    public var type: UInt8
    public var code: UInt8
    /// Who sent the ICMP error (`SO_EE_OFFENDER`), as text.
    public var offender: String?

    public static let originLocal: UInt8 = 1, originICMP: UInt8 = 2, originICMPv6: UInt8 = 3

    public init(errno: Int32, origin: UInt8, type: UInt8, code: UInt8, offender: String?) {
        self.errno = errno
        self.origin = origin
        self.type = type
        self.code = code
        self.offender = offender
    }

    init?(parsing data: [UInt8]) {
        guard data.count >= 16 else { return nil }
        errno = Int32(bitPattern: SocketControlMessages.load(UInt32.self, data, 0))
        origin = data[4]
        type = data[5]
        code = data[6]
        offender = Self.address(Array(data.dropFirst(16)))
    }

    /// A sockaddr_in / sockaddr_in6 as text; nil for AF_UNSPEC (no offender) or short data.
    static func address(_ sockaddr: [UInt8]) -> String? {
        guard sockaddr.count >= 2 else { return nil }
        switch SocketControlMessages.load(UInt16.self, sockaddr, 0) {
        case 2 where sockaddr.count >= 8:
            return sockaddr[4..<8].map(String.init).joined(separator: ".")
        case 10 where sockaddr.count >= 24:
            let words = stride(from: 8, to: 24, by: 2).map { UInt16(sockaddr[$0]) << 8 | UInt16(sockaddr[$0 + 1]) }
            return IPv6Text.format(words)
        default:
            return nil
        }
    }
}
