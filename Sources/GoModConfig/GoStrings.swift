/// Go's `strings` helpers whose whitespace rules differ from Foundation's, so splitting and
/// trimming of configuration values matches the go command exactly.
public enum GoStrings {
    /// `unicode.IsSpace`: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0 and Unicode White_Space.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0...0xFF: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// `strings.TrimSpace`.
    public static func trimSpace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// `strings.Fields`.
    public static func fields(_ text: String) -> [String] {
        text.unicodeScalars.split(whereSeparator: isSpace).map { String($0) }
    }

    /// `strings.Split` on an ASCII separator: by bytes, so a separator followed by a combining
    /// mark still splits (Swift's Character split would keep ",\u{315}" as one character).
    public static func split(_ text: String, _ separator: Unicode.Scalar) -> [String] {
        let byte = UInt8(ascii: separator)
        return text.utf8.split(separator: byte, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}
