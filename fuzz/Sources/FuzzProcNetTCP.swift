import Foundation
@testable import NetProbes

/// /proc/net/tcp and tcp6 (ProcNetTCPParser): every line that is not blank or the header is
/// an entry or an error for that line; addresses are valid IPv4/IPv6 text; ports fit 16 bits;
/// and an entry printed back in the kernel's format parses to the same entry.
@Sendable func fuzzProcNetTCP(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let parser = ProcNetTCPParser()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let counted = lines.filter {
        let trimmed = $0.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && !trimmed.hasPrefix("sl")
    }.count
    for family in [AddressFamily.ipv4, .ipv6] {
        let (entries, errors) = parser.parse(text, family: family)
        require(entries.count + errors.count == counted, "\(entries.count) entries + \(errors.count) errors != \(counted) lines")
        require(errors.allSatisfy { $0.line >= 1 && $0.line <= lines.count }, "error line outside the text")
        for entry in entries {
            require((0...65535).contains(entry.localPort) && (0...65535).contains(entry.remotePort), "port out of range")
            guard let local = addressBytes(entry.localAddress, family), let remote = addressBytes(entry.remoteAddress, family) else {
                fatalError("address text does not parse: \(entry.localAddress) \(entry.remoteAddress)")
            }
            let line = "  0: \(kernelHex(local)):\(hex(entry.localPort, 4)) \(kernelHex(remote)):\(hex(entry.remotePort, 4)) "
                + "\(hex(stateCode(entry.state), 2)) \(hex(entry.transmitQueue, 8)):\(hex(entry.receiveQueue, 8)) "
                + "\(hex(timerCode(entry.timer), 2)):\(hex(entry.timerTicks, 8)) \(hex(entry.retransmits, 8)) "
                + "\(entry.uid) \(entry.probes) \(entry.inode) 1 0000000000000000 20 4 30 10 -1"
            let again = parser.parse(line, family: family)
            require(again.errors.isEmpty && again.entries.count == 1, "printed line does not parse: \(line)")
            if let printed = again.entries.first {
                require(printed == entry, "printed entry differs: \(line)")
            }
        }
    }
}

/// The address bytes in network order (inet_pton), nil when the text is not an address.
private func addressBytes(_ text: String, _ family: AddressFamily) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: family == .ipv4 ? 4 : 16)
    let ok = bytes.withUnsafeMutableBytes { inet_pton(family == .ipv4 ? AF_INET : AF_INET6, text, $0.baseAddress) }
    return ok == 1 ? bytes : nil
}

/// The kernel's `%08X` of each 32-bit word as it sits in memory, on a little-endian host.
private func kernelHex(_ bytes: [UInt8]) -> String {
    stride(from: 0, to: bytes.count, by: 4).map { start in
        bytes[start..<(start + 4)].reversed().map { hex(Int($0), 2) }.joined()
    }.joined()
}

private func hex(_ value: Int, _ width: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return value < 0 ? text : String(repeating: "0", count: max(0, width - text.count)) + text
}

private func stateCode(_ state: TCPSocketState) -> Int {
    (1...12).first { TCPSocketState(code: $0) == state } ?? 0
}

private func timerCode(_ timer: SocketTableEntry.TimerKind) -> Int {
    switch timer {
    case .none: 0
    case .retransmit: 1
    case .keepalive: 2
    case .timeWait: 3
    case .zeroWindowProbe: 4
    case .other: 5
    }
}
