/// A checksum-database record as `/lookup` serves it: `<id>\n<text>\n\n<rest>` where the
/// text is the module's go.sum lines and the rest is the signed tree note.
public struct LogRecord: Sendable, Equatable {
    public var id: Int64
    /// The go.sum lines, ending in a newline, with no blank line.
    public var text: [UInt8]

    public init(id: Int64, text: [UInt8]) {
        self.id = id
        self.text = text
    }

    static let malformed = ModuleFetchError("invalid-response", "malformed record data")

    /// Splits a `/lookup` response into the record and the bytes after it (the tree note).
    /// - Throws: `malformed record data`.
    // golang.org/x/mod/sumdb/tlog/note.go ParseRecord
    public static func parse(_ message: [UInt8]) throws(ModuleFetchError) -> (record: LogRecord, rest: [UInt8]) {
        guard let newline = message.firstIndex(of: UInt8(ascii: "\n")),
              let id = goParseInt(message[..<newline])
        else { throw malformed }
        let body = message[(newline + 1)...]
        var blank: Int?
        var i = body.startIndex
        while i + 1 < body.endIndex {
            if body[i] == UInt8(ascii: "\n") && body[i + 1] == UInt8(ascii: "\n") {
                blank = i
                break
            }
            i += 1
        }
        guard let blank else { throw malformed }
        let text = Array(body[..<(blank + 1)])
        guard isValidText(text) else { throw malformed }
        return (LogRecord(id: id, text: text), Array(body[(blank + 2)...]))
    }

    /// `<id>\n<text>\n`, the form the server stores and a test server serves.
    // golang.org/x/mod/sumdb/tlog/note.go FormatRecord
    public func formatted() throws(ModuleFetchError) -> [UInt8] {
        guard Self.isValidText(text) else { throw Self.malformed }
        return Array("\(id)\n".utf8) + text + [UInt8(ascii: "\n")]
    }

    /// Valid UTF-8, no control characters but newline, no blank line, ends in newline.
    // golang.org/x/mod/sumdb/tlog/note.go isValidRecordText
    static func isValidText(_ text: [UInt8]) -> Bool {
        guard let decoded = String(validating: text, as: UTF8.self) else { return false }
        var last: Unicode.Scalar?
        for scalar in decoded.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\n" || last == "\n" && scalar == "\n" { return false }
            last = scalar
        }
        return last == "\n"
    }

    /// strconv.ParseInt(s, 10, 64): optional sign, ASCII digits, in range.
    private static func goParseInt(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var digits = bytes
        if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(String(decoding: bytes, as: UTF8.self))
    }
}
