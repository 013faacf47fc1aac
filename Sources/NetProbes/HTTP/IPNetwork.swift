import Foundation

/// An IPv4 or IPv6 address as bytes (IPv4 as 4 bytes; IPv4-mapped IPv6 folded to 4).
struct IPBytes: Equatable {
    var bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            let raw = withUnsafeBytes(of: &v6) { Array($0) }
            bytes = raw[0..<10].allSatisfy { $0 == 0 } && raw[10] == 0xFF && raw[11] == 0xFF ? Array(raw[12...]) : raw
        } else {
            return nil
        }
    }

    var isLoopback: Bool {
        bytes.count == 4 ? bytes[0] == 127 : bytes == Array(repeating: 0, count: 15) + [1]
    }
}

/// A CIDR prefix ("10.0.0.0/8", "fd00::/8").
struct IPNetwork {
    var address: IPBytes
    var prefixLength: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let address = IPBytes(String(parts[0])), let length = Int(parts[1]),
              (0...(address.bytes.count * 8)).contains(length) else { return nil }
        self.address = address
        prefixLength = length
    }

    func contains(_ ip: IPBytes) -> Bool {
        guard ip.bytes.count == address.bytes.count else { return false }
        var remaining = prefixLength
        for index in 0..<ip.bytes.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if ip.bytes[index] & mask != address.bytes[index] & mask { return false }
            remaining -= bits
        }
        return true
    }
}
