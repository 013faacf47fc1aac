/// Text forms as dig prints them (`dig +short`, `dig +noall +answer`), so our answers can be
/// compared with dig's line by line and users see what they already know.
public enum DNSPresentation {
    /// The RDATA in zone-file form: "10.0.0.1", "10 mail.example.", "\"v=spf1\" \"-all\"".
    public static func rdata(_ data: DNSRecordData) -> String {
        switch data {
        case .a(let bytes):
            return ipv4(bytes)
        case .aaaa(let bytes):
            return ipv6(bytes)
        case .ns(let name), .cname(let name), .ptr(let name):
            return name.description
        case .mx(let preference, let exchange):
            return "\(preference) \(exchange)"
        case .txt(let strings):
            return strings.map(quoted).joined(separator: " ")
        case .soa(let soa):
            return "\(soa.primaryServer) \(soa.responsibleMailbox) \(soa.serial) \(soa.refresh) \(soa.retry) \(soa.expire) \(soa.minimum)"
        case .srv(let priority, let weight, let port, let target):
            return "\(priority) \(weight) \(port) \(target)"
        case .opt(let options):
            return options.map { "\($0.code):\(hex($0.data))" }.joined(separator: " ")
        case .unknown(let bytes):
            return bytes.isEmpty ? "\\# 0" : "\\# \(bytes.count) \(hex(bytes))"
        }
    }

    /// One line as `dig +noall +answer` prints it, fields separated by single tabs.
    public static func line(_ record: DNSResourceRecord) -> String {
        "\(record.name)\t\(record.ttl)\t\(DNSClass.mnemonic(record.recordClass))\t\(record.type)\t\(rdata(record.data))"
    }

    /// A character-string in double quotes; `"` and `\` escaped, bytes outside printable
    /// ASCII as `\DDD`.
    public static func quoted(_ string: [UInt8]) -> String {
        var text = "\""
        for byte in string {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): text += "\\" + String(UnicodeScalar(byte))
            case 0x20...0x7E: text += String(UnicodeScalar(byte))
            default: text += DNSName.decimalEscape(byte)
            }
        }
        return text + "\""
    }

    public static func ipv4(_ bytes: [UInt8]) -> String {
        bytes.map { String($0) }.joined(separator: ".")
    }

    /// RFC 5952 text, as glibc's inet_ntop writes it (including the `::ffff:a.b.c.d` form).
    public static func ipv6(_ bytes: [UInt8]) -> String {
        guard bytes.count == 16 else { return hex(bytes) }
        let words = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        var bestStart = -1, bestLength = 0, runStart = -1
        for index in 0...8 {
            if index < 8, words[index] == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                if index - runStart > bestLength { bestStart = runStart; bestLength = index - runStart }
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1 }
        var text = ""
        var index = 0
        while index < 8 {
            if index == bestStart {
                text += "::"
                index += bestLength
                continue
            }
            if index == 6, bestStart == 0, bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF) {
                return text + (text.hasSuffix(":") ? "" : ":") + ipv4(Array(bytes[12..<16]))
            }
            if !text.isEmpty, !text.hasSuffix(":") { text += ":" }
            text += String(words[index], radix: 16)
            index += 1
        }
        return text
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
