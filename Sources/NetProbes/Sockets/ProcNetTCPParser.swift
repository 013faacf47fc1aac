import Foundation

/// Parses /proc/net/tcp and /proc/net/tcp6 (net/ipv4/tcp_ipv4.c `get_tcp4_sock`,
/// net/ipv6/tcp_ipv6.c `get_tcp6_sock`).
///
/// Byte order: the kernel prints each address as 32-bit words with `%08X` of the word as it
/// sits in memory (network order bytes read as a host-order integer), so on a little-endian
/// machine "0100007F" is 127.0.0.1, and an IPv6 address is four such words. Ports are
/// printed after ntohs, so "01BB" is 443. The `hostIsLittleEndian` parameter exists for tests.
public struct ProcNetTCPParser: Sendable {
    public var hostIsLittleEndian: Bool

    public init(hostIsLittleEndian: Bool = 1.littleEndian == 1 && UInt16(1).bigEndian != 1) {
        self.hostIsLittleEndian = hostIsLittleEndian
    }

    public struct LineError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Every socket in `text`; lines that do not parse are returned as errors (the header is skipped).
    public func parse(_ text: String, family: AddressFamily) -> (entries: [SocketTableEntry], errors: [LineError]) {
        var entries: [SocketTableEntry] = []
        var errors: [LineError] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("sl") { continue }
            do {
                entries.append(try parseLine(trimmed, family: family))
            } catch let error as LineError {
                errors.append(LineError(line: index + 1, message: error.message))
            } catch {
                errors.append(LineError(line: index + 1, message: "\(error)"))
            }
        }
        return (entries, errors)
    }

    func parseLine(_ line: String, family: AddressFamily) throws -> SocketTableEntry {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count >= 10, fields[0].hasSuffix(":") else { throw LineError(line: 0, message: "expected at least 10 fields") }
        let (localAddress, localPort) = try endpoint(fields[1], family: family)
        let (remoteAddress, remotePort) = try endpoint(fields[2], family: family)
        guard let stateCode = Int(fields[3], radix: 16), let state = TCPSocketState(code: stateCode) else {
            throw LineError(line: 0, message: "unknown state \(fields[3])")
        }
        let queues = try pair(fields[4])
        let timer = try pair(fields[5])
        guard let retransmits = Int(fields[6], radix: 16), let uid = Int(fields[7]), let probes = Int(fields[8]),
              let inode = Int(fields[9]) else {
            throw LineError(line: 0, message: "bad retransmit, uid, timeout or inode field")
        }
        return SocketTableEntry(
            family: family, localAddress: localAddress, localPort: localPort, remoteAddress: remoteAddress,
            remotePort: remotePort, state: state, transmitQueue: queues.0, receiveQueue: queues.1,
            timer: .init(code: timer.0), timerTicks: timer.1, retransmits: retransmits, uid: uid, probes: probes, inode: inode)
    }

    /// "0A000001:01BB" → ("10.0.0.1", 443)
    func endpoint(_ field: String, family: AddressFamily) throws -> (String, Int) {
        let parts = field.split(separator: ":")
        let hexLength = family == .ipv4 ? 8 : 32
        guard parts.count == 2, parts[0].count == hexLength, let port = Int(parts[1], radix: 16), (0...65535).contains(port) else {
            throw LineError(line: 0, message: "bad address \(field)")
        }
        var bytes: [UInt8] = []
        var words = Substring(parts[0])
        while !words.isEmpty {
            guard let word = UInt32(words.prefix(8), radix: 16) else { throw LineError(line: 0, message: "bad address \(field)") }
            words = words.dropFirst(8)
            let big = [UInt8(word >> 24), UInt8(word >> 16 & 0xff), UInt8(word >> 8 & 0xff), UInt8(word & 0xff)]
            bytes += hostIsLittleEndian ? big.reversed() : big
        }
        return (family == .ipv4 ? bytes.map(String.init).joined(separator: ".") : Self.ipv6Text(bytes), port)
    }

    /// "1A2B:0003" → (0x1A2B, 3)
    func pair(_ field: String) throws -> (Int, Int) {
        let parts = field.split(separator: ":")
        guard parts.count == 2, let first = Int(parts[0], radix: 16), let second = Int(parts[1], radix: 16) else {
            throw LineError(line: 0, message: "bad field \(field)")
        }
        return (first, second)
    }

    /// RFC 5952 text: lower case, longest run (≥ 2) of zero groups as "::", IPv4-mapped as ::ffff:a.b.c.d.
    static func ipv6Text(_ bytes: [UInt8]) -> String {
        let groups = stride(from: 0, to: 16, by: 2).map { Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]) }
        if groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xffff {
            return "::ffff:" + bytes[12..<16].map(String.init).joined(separator: ".")
        }
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > best.length, end - index >= 2 { best = (index, end - index) }
            index = end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.start >= 0 else { return hex.joined(separator: ":") }
        let head = hex[0..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
