/// Go's `strconv` quoting and `unicode` character classes, as the go.mod parser and the
/// module path checks use them. Error texts quote values with Go's `%q`, so reproducing the
/// go command's messages byte for byte needs Go's exact escaping rules, not Swift's.
enum GoModQuoting {
    /// `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and U+0020.
    static func isPrint(_ r: Unicode.Scalar) -> Bool {
        if r == " " { return true }
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `unicode.IsSpace`: the Unicode White_Space property (which for Latin-1 is exactly
    /// Go's list: \t \n \v \f \r space U+0085 U+00A0).
    static func isSpace(_ r: Unicode.Scalar) -> Bool {
        r.properties.isWhitespace
    }

    /// `strconv.Quote` (what `%q` prints for a string).
    static func quote(_ s: String) -> String { GoQuote.quote(s) }

    /// `strconv.QuoteRune` (what `%q` prints for a rune).
    static func quoteRune(_ r: Unicode.Scalar) -> String { GoQuote.quoteRune(r) }

    /// `strconv.Unquote` for a double-quoted Go string literal; nil where Go reports
    /// `invalid syntax`. (Raw backquoted strings are never unquoted by modfile.)
    static func unquote(_ s: String) -> String? {
        var scalars = Array(s.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars[1..<(scalars.count - 1)])
        var bytes: [UInt8] = []
        var i = 0
        func appendScalar(_ r: Unicode.Scalar) { bytes.append(contentsOf: Array(String(r).utf8)) }
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if c == "\"" || c == "\n" { return nil }
            guard c == "\\" else { appendScalar(c); continue }
            guard i < scalars.count else { return nil }
            let e = scalars[i]
            i += 1
            switch e {
            case "a": bytes.append(0x07)
            case "b": bytes.append(0x08)
            case "f": bytes.append(0x0C)
            case "n": bytes.append(0x0A)
            case "r": bytes.append(0x0D)
            case "t": bytes.append(0x09)
            case "v": bytes.append(0x0B)
            case "\\": bytes.append(0x5C)
            case "\"": bytes.append(0x22)
            case "x", "u", "U":
                let n = e == "x" ? 2 : (e == "u" ? 4 : 8)
                guard i + n <= scalars.count else { return nil }
                var v: UInt32 = 0
                for d in scalars[i..<(i + n)] {
                    guard let h = hexValue(d) else { return nil }
                    v = v << 4 | h
                }
                i += n
                if e == "x" {
                    bytes.append(UInt8(v))
                } else {
                    guard let r = Unicode.Scalar(v) else { return nil }
                    appendScalar(r)
                }
            case "0"..."7":
                guard i + 2 <= scalars.count else { return nil }
                var v = e.value - 0x30
                for d in scalars[i..<(i + 2)] {
                    guard ("0"..."7").contains(d) else { return nil }
                    v = v << 3 | (d.value - 0x30)
                }
                i += 2
                guard v <= 255 else { return nil }
                bytes.append(UInt8(v))
            default:
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ d: Unicode.Scalar) -> UInt32? {
        switch d {
        case "0"..."9": return d.value - 0x30
        case "a"..."f": return d.value - 0x61 + 10
        case "A"..."F": return d.value - 0x41 + 10
        default: return nil
        }
    }
}
