#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Special-purpose address ranges (IANA registries, RFC 6890) that a public name should never
/// resolve to. An answer inside one for a public name points at a hijacking resolver, a
/// fake-IP proxy (198.18.0.0/15), split-horizon DNS, or a hosts-file override.
public enum ReservedAddressRanges {
    struct Range {
        let prefix: [UInt8]
        let bits: Int
        let name: String
    }

    static let ipv4: [Range] = [
        Range(prefix: [0, 0, 0, 0], bits: 8, name: "this-network"),
        Range(prefix: [10, 0, 0, 0], bits: 8, name: "private"),
        Range(prefix: [100, 64, 0, 0], bits: 10, name: "shared (CGNAT)"),
        Range(prefix: [127, 0, 0, 0], bits: 8, name: "loopback"),
        Range(prefix: [169, 254, 0, 0], bits: 16, name: "link-local"),
        Range(prefix: [172, 16, 0, 0], bits: 12, name: "private"),
        Range(prefix: [192, 0, 0, 0], bits: 24, name: "IETF protocol assignments"),
        Range(prefix: [192, 0, 2, 0], bits: 24, name: "documentation"),
        Range(prefix: [192, 168, 0, 0], bits: 16, name: "private"),
        Range(prefix: [198, 18, 0, 0], bits: 15, name: "benchmarking (fake-IP proxies use it)"),
        Range(prefix: [198, 51, 100, 0], bits: 24, name: "documentation"),
        Range(prefix: [203, 0, 113, 0], bits: 24, name: "documentation"),
        Range(prefix: [224, 0, 0, 0], bits: 4, name: "multicast"),
        Range(prefix: [240, 0, 0, 0], bits: 4, name: "reserved"),
    ]

    static let ipv6: [Range] = [
        Range(prefix: [UInt8](repeating: 0, count: 16), bits: 128, name: "unspecified"),
        Range(prefix: [UInt8](repeating: 0, count: 15) + [1], bits: 128, name: "loopback"),
        Range(prefix: [0, 0x64, 0xff, 0x9b, 0, 1] + [UInt8](repeating: 0, count: 10), bits: 48, name: "local NAT64"),
        Range(prefix: [1, 0] + [UInt8](repeating: 0, count: 14), bits: 64, name: "discard"),
        Range(prefix: [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 12), bits: 32, name: "documentation"),
        Range(prefix: [0xfc] + [UInt8](repeating: 0, count: 15), bits: 7, name: "unique local"),
        Range(prefix: [0xfe, 0x80] + [UInt8](repeating: 0, count: 14), bits: 10, name: "link-local"),
        Range(prefix: [0xff] + [UInt8](repeating: 0, count: 15), bits: 8, name: "multicast"),
    ]

    /// The kind of special range `ip` lies in ("private", "loopback"…), or nil for a global
    /// address. IPv4-mapped IPv6 addresses are judged by their IPv4 part.
    public static func classify(_ ip: String) -> String? {
        if ip.contains(":") {
            var raw = in6_addr()
            guard inet_pton(AF_INET6, ip, &raw) == 1 else { return nil }
            let bytes = withUnsafeBytes(of: raw) { Array($0) }
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
                return match(Array(bytes[12..<16]), in: ipv4)
            }
            return match(bytes, in: ipv6)
        }
        var raw = in_addr()
        guard inet_pton(AF_INET, ip, &raw) == 1 else { return nil }
        return match(withUnsafeBytes(of: raw) { Array($0) }, in: ipv4)
    }

    static func match(_ bytes: [UInt8], in ranges: [Range]) -> String? {
        ranges.first { range in
            var bitsLeft = range.bits
            for index in bytes.indices where bitsLeft > 0 {
                let take = min(8, bitsLeft)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
                if bytes[index] & mask != range.prefix[index] & mask { return false }
                bitsLeft -= take
            }
            return true
        }?.name
    }

    /// Suffixes that are never public (RFC 6761, RFC 8375, common internal zones).
    static let nonPublicSuffixes = ["localhost", "local", "test", "invalid", "example", "internal", "intranet",
                                    "lan", "home", "corp", "home.arpa", "in-addr.arpa", "ip6.arpa"]

    /// Whether `name` is expected to resolve to global addresses: not a single label, not under
    /// a special-use or internal suffix, not under one of `privateSuffixes` (the caller's own
    /// private zones, e.g. from GOPRIVATE).
    public static func isPublicName(_ name: String, privateSuffixes: [String] = []) -> Bool {
        let lower = (name.hasSuffix(".") ? String(name.dropLast()) : name).lowercased()
        guard lower.contains(".") else { return false }
        for suffix in nonPublicSuffixes + privateSuffixes.map({ $0.lowercased() }) {
            let bare = suffix.hasSuffix(".") ? String(suffix.dropLast()) : suffix
            if lower == bare || lower.hasSuffix("." + bare) { return false }
        }
        return true
    }
}
