/// Go's `strconv.Quote` (the `%q` verb), so error texts that quote user input match the go
/// command byte for byte.
///
/// Contract: printable runes are kept, `"` and `\` are backslash-escaped, the usual control
/// escapes (`\a \b \f \n \r \t \v`) are used, other runes below U+0020 and U+007F become
/// `\xNN`, other non-printable runes `\uNNNN` / `\UNNNNNNNN`; `quote(bytes:)` also writes
/// bytes that are not valid UTF-8 as `\xNN`, as Go does for its byte strings.
public enum GoQuote {
    // strconv/quote.go appendQuotedWith
    public static func quote(_ text: String) -> String {
        quote(bytes: Array(text.utf8))
    }

    /// Quotes a Go byte string that may hold invalid UTF-8 (e.g. a 3-byte slice of a
    /// multi-byte character).
    public static func quote(bytes: [UInt8]) -> String {
        var out = "\""
        var index = 0
        while index < bytes.count {
            guard let (scalar, width) = decodeScalar(bytes, at: index) else {
                out += "\\x" + hex(UInt32(bytes[index]), width: 2)
                index += 1
                continue
            }
            index += width
            appendQuoted(scalar, quote: "\"", to: &out)
        }
        return out + "\""
    }

    /// `strconv.QuoteRune` (what `%q` prints for a rune).
    public static func quoteRune(_ scalar: Unicode.Scalar) -> String {
        var out = "'"
        appendQuoted(scalar, quote: "'", to: &out)
        return out + "'"
    }

    private static func appendQuoted(_ scalar: Unicode.Scalar, quote: Unicode.Scalar, to out: inout String) {
        if scalar == quote || scalar == "\\" {
            out += "\\"
            out.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hex(scalar.value, width: 2)
            } else if GoModQuoting.isPrint(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x10000 {
                out += "\\u" + hex(scalar.value, width: 4)
            } else {
                out += "\\U" + hex(scalar.value, width: 8)
            }
        }
    }

    /// One valid UTF-8 scalar at `index`, or nil where Go's decoder yields RuneError width 1.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        for width in 2...4 where index + width <= bytes.count {
            var decoder = UTF8()
            var iterator = bytes[index..<(index + width)].makeIterator()
            if case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.utf8.count == width {
                return (scalar, width)
            }
        }
        return nil
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
