/// An IP address parsed the way Go's `net.ParseIP` parses it (16 bytes, IPv4 stored as
/// `::ffff:a.b.c.d`; leading zeros in IPv4 octets rejected; no zones), so NO_PROXY entries
/// are recognised as addresses exactly when Go recognises them.
public struct GoIP: Sendable, Equatable, Hashable, Codable {
    /// Always 16 bytes.
    public var bytes: [UInt8]

    private static let v4Prefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]

    /// Go's `net.ParseIP`; nil when Go returns nil.
    // net/ip.go ParseIP, parseIPv4, parseIPv6
    public static func parse(_ text: String) -> GoIP? {
        let bytes = Array(text.utf8)
        for byte in bytes {
            if byte == UInt8(ascii: ".") { return parseIPv4(bytes[...]) }
            if byte == UInt8(ascii: ":") { return parseIPv6(bytes[...]) }
        }
        return nil
    }

    /// Whether the address is IPv4 (or IPv4-mapped IPv6), Go's `To4() != nil`.
    public var isIPv4: Bool { Array(bytes[0..<12]) == GoIP.v4Prefix }

    /// Go's `IP.IsLoopback`: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        if isIPv4 { return bytes[12] == 127 }
        return bytes == [UInt8](repeating: 0, count: 15) + [1]
    }

    static func parseIPv4(_ text: ArraySlice<UInt8>) -> GoIP? {
        var text = text
        var octets: [UInt8] = []
        for index in 0..<4 {
            if text.isEmpty { return nil }
            if index > 0 {
                guard text.first == UInt8(ascii: ".") else { return nil }
                text = text.dropFirst()
            }
            guard let (value, width) = decimal(text), value <= 0xFF else { return nil }
            if width > 1 && text.first == UInt8(ascii: "0") { return nil }
            text = text.dropFirst(width)
            octets.append(UInt8(value))
        }
        guard text.isEmpty else { return nil }
        return GoIP(bytes: v4Prefix + octets)
    }

    static func parseIPv6(_ text: ArraySlice<UInt8>) -> GoIP? {
        var text = text
        var ip = [UInt8](repeating: 0, count: 16)
        var ellipsis = -1
        if text.count >= 2 && text.first == UInt8(ascii: ":") && text.dropFirst().first == UInt8(ascii: ":") {
            ellipsis = 0
            text = text.dropFirst(2)
            if text.isEmpty { return GoIP(bytes: ip) }
        }
        var index = 0
        while index < 16 {
            guard let (value, width) = hexadecimal(text), value <= 0xFFFF else { return nil }
            if width < text.count && text[text.startIndex + width] == UInt8(ascii: ".") {
                if ellipsis < 0 && index != 12 { return nil }
                if index + 4 > 16 { return nil }
                guard let v4 = parseIPv4(text) else { return nil }
                ip.replaceSubrange(index..<(index + 4), with: v4.bytes[12..<16])
                text = []
                index += 4
                break
            }
            ip[index] = UInt8(value >> 8)
            ip[index + 1] = UInt8(value & 0xFF)
            index += 2
            text = text.dropFirst(width)
            if text.isEmpty { break }
            if text.first != UInt8(ascii: ":") || text.count == 1 { return nil }
            text = text.dropFirst()
            if text.first == UInt8(ascii: ":") {
                if ellipsis >= 0 { return nil }
                ellipsis = index
                text = text.dropFirst()
                if text.isEmpty { break }
            }
        }
        guard text.isEmpty else { return nil }
        if index < 16 {
            guard ellipsis >= 0 else { return nil }
            let shift = 16 - index
            for position in stride(from: index - 1, through: ellipsis, by: -1) {
                ip[position + shift] = ip[position]
            }
            for position in ellipsis..<(ellipsis + shift) { ip[position] = 0 }
        } else if ellipsis >= 0 {
            return nil
        }
        return GoIP(bytes: ip)
    }

    /// Go's `dtoi`: leading decimal digits, failing at 0xFFFFFF.
    static func decimal(_ text: ArraySlice<UInt8>) -> (Int, Int)? {
        var value = 0
        var width = 0
        for byte in text {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            width += 1
            if value >= 0xFFFFFF { return nil }
        }
        return width == 0 ? nil : (value, width)
    }

    /// Go's `xtoi`: leading hex digits, failing at 0xFFFFFF.
    private static func hexadecimal(_ text: ArraySlice<UInt8>) -> (Int, Int)? {
        var value = 0
        var width = 0
        for byte in text {
            guard let digit = Int(String(UnicodeScalar(byte)), radix: 16), byte < 0x80 else { break }
            value = value * 16 + digit
            width += 1
            if value >= 0xFFFFFF { return nil }
        }
        return width == 0 ? nil : (value, width)
    }
}
