/// Byte classes shared by the redaction rules (ASCII only: UTF-8 continuation bytes are
/// never delimiters, so a cut never splits a character).
enum RedactionBytes {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static func bytes(_ text: String) -> Set<UInt8> { Set(text.utf8) }

    /// The lowercased ASCII name in `bytes[range]`.
    static func lowercasedName(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Where a name ending just before `end` starts: scanning back over `nameBytes`, at most
    /// `limit` bytes (bounded look-behind keeps every rule linear). Nil when empty or too long.
    static func nameStart(_ bytes: [UInt8], before end: Int, nameBytes: (UInt8) -> Bool, limit: Int) -> Int? {
        var start = end
        while start > 0, nameBytes(bytes[start - 1]) {
            start -= 1
            if end - start > limit { return nil }
        }
        return start < end ? start : nil
    }
}
