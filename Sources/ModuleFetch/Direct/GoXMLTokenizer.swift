import GoModConfig

/// The token reader of Go's encoding/xml (`Decoder.RawToken` with `Strict = false`, no
/// AutoClose, no Entity map, and cmd/go's charsetReader) ported byte for byte, because
/// go-get discovery (cmd/go/internal/vcs discovery.go parseMetaGoImports) finds go-import
/// tags with it: where its tokenizer errors or stops, the go command sees no more tags, and
/// its errors are what the go command prints. Only what discovery looks at is kept: element
/// names and attributes; text, comments and directives are read and checked, then dropped.
struct GoXMLTokenizer {
    /// A namespace-split name (`Name.Space`, `Name.Local`).
    struct Name: Equatable {
        var space: [UInt8] = []
        var local: [UInt8] = []
    }

    enum Token {
        case start(Name, attributes: [(name: Name, value: [UInt8])])
        case end(Name)
        /// Character data, a comment, a processing instruction or a directive.
        case other
    }

    /// Where Go's decoder differs between releases (checked against each release's xml.go).
    struct Dialect: Equatable {
        /// Go ≥ 1.24 (golang/go#68387): `]]>` inside a quoted attribute value is not an error.
        var allowsCDATAEndInQuotes = true
        /// Go ≥ 1.20: a name with two colons is not a name ("expected element name after <").
        var rejectsNamesWithTwoColons = true
        /// Go ≥ 1.23: procInst looks past a `version=`/`encoding=` not followed by a quote.
        var procInstScansAllOccurrences = true

        static func goRelease(major: Int, minor: Int) -> Dialect {
            let release = (major, minor)
            return Dialect(allowsCDATAEndInQuotes: release >= (1, 24), rejectsNamesWithTwoColons: release >= (1, 20),
                           procInstScansAllOccurrences: release >= (1, 23))
        }
    }

    /// The decoder's sticky error (`d.err`).
    enum Stop: Equatable {
        /// io.EOF between tokens: the document ended cleanly.
        case endOfInput
        /// Anything else, in the words of the error's `Error()`.
        case failure(String)
    }

    private let bytes: [UInt8]
    private let dialect: Dialect
    private var position = 0
    private var line = 1
    private var pendingEnd: Name?
    private(set) var stop: Stop?

    init(_ bytes: [UInt8], dialect: Dialect = Dialect()) {
        self.bytes = bytes
        self.dialect = dialect
    }

    /// The next token, or nil once `stop` is set.
    mutating func next() -> Token? {
        if stop != nil { return nil }
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        guard var b = getc() else { return nil }
        if b != ascii("<") {
            ungetc(b)
            return text(quote: nil, cdata: false) == nil ? nil : .other
        }
        guard let after = mustgetc() else { return nil }
        b = after
        switch b {
        case ascii("/"):
            guard let name = nsname() else { return fail(ifUnset: "expected element name after </") }
            space()
            guard let close = mustgetc() else { return nil }
            guard close == ascii(">") else {
                return fail("invalid characters between </" + String(decoding: name.local, as: UTF8.self) + " and >")
            }
            return .end(name)
        case ascii("?"):
            return processingInstruction()
        case ascii("!"):
            return markupDeclaration()
        default:
            ungetc(b)
            return startElement()
        }
    }

    // MARK: - Tokens

    private mutating func processingInstruction() -> Token? {
        guard let target = name() else { return fail(ifUnset: "expected target name after <?") }
        space()
        var data: [UInt8] = []
        var previous: UInt8 = 0
        while true {
            guard let b = mustgetc() else { return nil }
            data.append(b)
            if previous == ascii("?") && b == ascii(">") { break }
            previous = b
        }
        data.removeLast(2)
        guard target == Array("xml".utf8) else { return .other }
        let scansAll = dialect.procInstScansAllOccurrences
        let version = Self.procInst("version", data, scansAllOccurrences: scansAll)
        if !version.isEmpty && version != Array("1.0".utf8) {
            return failPlain("xml: unsupported version \(GoQuote.quote(bytes: version)); only version 1.0 is supported")
        }
        let encoding = Self.procInst("encoding", data, scansAllOccurrences: scansAll)
        // cmd/go's charsetReader reads utf-8 and ascii on; any other declared charset is an error.
        if !encoding.isEmpty && !Self.asciiEqualFold(encoding, Array("utf-8".utf8)) && Self.goLowercased(encoding) != "ascii" {
            let quoted = GoQuote.quote(bytes: encoding)
            return failPlain("xml: opening charset \(quoted): can't decode XML document using charset \(quoted)")
        }
        return .other
    }

    /// `<!--` comments, `<![CDATA[` sections and `<!DOCTYPE …>`-style directives.
    private mutating func markupDeclaration() -> Token? {
        guard var b = mustgetc() else { return nil }
        switch b {
        case ascii("-"):
            guard let second = mustgetc() else { return nil }
            guard second == ascii("-") else { return fail("invalid sequence <!- not part of <!--") }
            var b0: UInt8 = 0, b1: UInt8 = 0
            while true {
                guard let c = mustgetc() else { return nil }
                if b0 == ascii("-") && b1 == ascii("-") {
                    guard c == ascii(">") else { return fail(#"invalid sequence "--" not allowed in comments"#) }
                    return .other
                }
                (b0, b1) = (b1, c)
            }
        case ascii("["):
            for expected in "CDATA[".utf8 {
                guard let c = mustgetc() else { return nil }
                guard c == expected else { return fail("invalid <![ sequence") }
            }
            return text(quote: nil, cdata: true) == nil ? nil : .other
        default:
            break
        }
        // A directive: quoted angle brackets do not nest; `<!--` inside is a comment.
        var inQuote: UInt8 = 0
        var depth = 0
        while true {
            guard let read = mustgetc() else { return nil }
            b = read
            if inQuote == 0 && b == ascii(">") && depth == 0 { break }
            handle: while true {
                if b == inQuote {
                    inQuote = 0
                } else if inQuote != 0 {
                    // in quotes, no special action
                } else if b == ascii("'") || b == ascii("\"") {
                    inQuote = b
                } else if b == ascii(">") {
                    depth -= 1
                } else if b == ascii("<") {
                    for expected in "!--".utf8 {
                        guard let c = mustgetc() else { return nil }
                        if c != expected {
                            depth += 1
                            b = c
                            continue handle
                        }
                    }
                    var b0: UInt8 = 0, b1: UInt8 = 0
                    while true {
                        guard let c = mustgetc() else { return nil }
                        if b0 == ascii("-") && b1 == ascii("-") && c == ascii(">") { break }
                        (b0, b1) = (b1, c)
                    }
                }
                break handle
            }
        }
        return .other
    }

    private mutating func startElement() -> Token? {
        guard let elementName = nsname() else { return fail(ifUnset: "expected element name after <") }
        var attributes: [(name: Name, value: [UInt8])] = []
        var empty = false
        while true {
            space()
            guard let b = mustgetc() else { return nil }
            if b == ascii("/") {
                empty = true
                guard let close = mustgetc() else { return nil }
                guard close == ascii(">") else { return fail("expected /> in element") }
                break
            }
            if b == ascii(">") { break }
            ungetc(b)
            guard let attributeName = nsname() else { return fail(ifUnset: "expected attribute name in element") }
            space()
            guard let equals = mustgetc() else { return nil }
            if equals != ascii("=") {
                // Not strict: a bare attribute's value is its name.
                ungetc(equals)
                attributes.append((attributeName, attributeName.local))
            } else {
                space()
                guard let value = attributeValue() else { return nil }
                attributes.append((attributeName, value))
            }
        }
        if empty { pendingEnd = elementName }
        return .start(elementName, attributes: attributes)
    }

    private mutating func attributeValue() -> [UInt8]? {
        guard let b = mustgetc() else { return nil }
        if b == ascii("\"") || b == ascii("'") { return text(quote: b, cdata: false) }
        // Not strict: an unquoted value is a run of HTML name characters.
        ungetc(b)
        var value: [UInt8] = []
        while true {
            guard let c = mustgetc() else { return nil }
            guard Self.isAlphanumeric(c) || c == ascii("_") || c == ascii(":") || c == ascii("-") else {
                ungetc(c)
                return value
            }
            value.append(c)
        }
    }

    // MARK: - Text

    /// Character data up to `<`, a quoted value up to its quote, or a CDATA section up to
    /// `]]>`: entities decoded, `\r\n` made `\n`, then every rune checked as Go checks it.
    private mutating func text(quote: UInt8?, cdata: Bool) -> [UInt8]? {
        var data: [UInt8] = []
        var b0: UInt8 = 0, b1: UInt8 = 0
        var trim = 0
        input: while true {
            guard var b = getc() else {
                if cdata {
                    if stop == .endOfInput { stop = .failure(syntax("unexpected EOF in CDATA section")) }
                    return nil
                }
                break input
            }
            let checksCDATAEnd = quote == nil || !dialect.allowsCDATAEndInQuotes
            if checksCDATAEnd && b0 == ascii("]") && b1 == ascii("]") && b == ascii(">") {
                if cdata {
                    trim = 2
                    break input
                }
                return fail("unescaped ]]> not in CDATA section")
            }
            if b == ascii("<") && !cdata {
                if quote != nil { return fail("unescaped < inside quoted string") }
                ungetc(b)
                break input
            }
            if let quote, b == quote { break input }
            if b == ascii("&") && !cdata {
                let before = data.count
                data.append(b)
                var decoded: [UInt8]?
                guard let first = mustgetc() else { return nil }
                b = first
                if b == ascii("#") {
                    data.append(b)
                    guard let next = mustgetc() else { return nil }
                    b = next
                    var base: UInt64 = 10
                    if b == ascii("x") {
                        base = 16
                        data.append(b)
                        guard let digit = mustgetc() else { return nil }
                        b = digit
                    }
                    let start = data.count
                    while Self.isDigit(b, base: base) {
                        data.append(b)
                        guard let digit = mustgetc() else { return nil }
                        b = digit
                    }
                    if b != ascii(";") {
                        ungetc(b)
                    } else {
                        let digits = String(decoding: data[start...], as: UTF8.self)
                        data.append(b)
                        if let value = UInt64(digits, radix: Int(base)), value <= 0x10FFFF {
                            // Go's string(rune(n)): a surrogate becomes U+FFFD.
                            let scalar = Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}"
                            decoded = Array(String(Character(scalar)).utf8)
                        }
                    }
                } else {
                    ungetc(b)
                    if !readName(into: &data), stop != nil { return nil }
                    guard let end = mustgetc() else { return nil }
                    if end != ascii(";") {
                        ungetc(end)
                    } else {
                        let name = data[(before + 1)...]
                        data.append(end)
                        if XMLNameCharacters.isName(name) {
                            decoded = Self.predefinedEntities[String(decoding: name, as: UTF8.self)].map { Array($0.utf8) }
                        }
                    }
                }
                // Not strict: an unknown entity stays as written.
                if let decoded {
                    data.removeSubrange(before...)
                    data.append(contentsOf: decoded)
                }
                (b0, b1) = (0, 0)
                continue input
            }
            if b == ascii("\r") {
                data.append(ascii("\n"))
            } else if b1 == ascii("\r") && b == ascii("\n") {
                // \r\n: the \n is already written.
            } else {
                data.append(b)
            }
            (b0, b1) = (b1, b)
        }
        data.removeLast(trim)
        if let problem = Self.characterProblem(data) { return fail(problem) }
        return data
    }

    /// The first rune Go's text check rejects: invalid UTF-8, or outside XML's Char range.
    private static func characterProblem(_ data: [UInt8]) -> String? {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let value = scalar.value
                let inRange = value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
                if !inRange { return "illegal character code " + Self.unicodeNotation(value) }
            case .error: return "invalid UTF-8"
            case .emptyInput: return nil
            }
        }
    }

    /// Go's `%U`: "U+" and at least four upper-case hex digits.
    private static func unicodeNotation(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static let predefinedEntities = ["lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": "\""]

    // MARK: - Names

    /// nsname: a name with at most one colon, split at it when both sides are non-empty.
    private mutating func nsname() -> Name? {
        guard let text = name() else { return nil }
        let colons = text.indices.filter { text[$0] == ascii(":") }
        if colons.count > 1 {
            if dialect.rejectsNamesWithTwoColons { return nil }
            return Name(local: text)
        }
        guard let colon = colons.first, colon > 0, colon < text.count - 1 else { return Name(local: text) }
        return Name(space: Array(text[..<colon]), local: Array(text[(colon + 1)...]))
    }

    /// name: readName, then the XML name check (an invalid name is an error).
    private mutating func name() -> [UInt8]? {
        var text: [UInt8] = []
        guard readName(into: &text) else { return nil }
        guard XMLNameCharacters.isName(text[...]) else {
            return fail("invalid XML name: " + String(decoding: text, as: UTF8.self))
        }
        return text
    }

    /// readName: name bytes up to the first ASCII byte that cannot be in a name (every
    /// non-ASCII byte is taken; `isName` judges them). False without an error when no name starts here.
    private mutating func readName(into text: inout [UInt8]) -> Bool {
        guard let first = mustgetc() else { return false }
        if first < 0x80 && !Self.isNameByte(first) {
            ungetc(first)
            return false
        }
        text.append(first)
        while true {
            guard let b = mustgetc() else { return false }
            if b < 0x80 && !Self.isNameByte(b) {
                ungetc(b)
                return true
            }
            text.append(b)
        }
    }

    // MARK: - Bytes

    private mutating func getc() -> UInt8? {
        if stop != nil { return nil }
        guard position < bytes.count else {
            stop = .endOfInput
            return nil
        }
        let b = bytes[position]
        position += 1
        if b == ascii("\n") { line += 1 }
        return b
    }

    /// getc, with the end of input inside a token an "unexpected EOF" syntax error.
    private mutating func mustgetc() -> UInt8? {
        guard let b = getc() else {
            if stop == .endOfInput { stop = .failure(syntax("unexpected EOF")) }
            return nil
        }
        return b
    }

    private mutating func ungetc(_ b: UInt8) {
        if b == ascii("\n") { line -= 1 }
        position -= 1
    }

    private mutating func space() {
        while let b = getc() {
            guard b == ascii(" ") || b == ascii("\r") || b == ascii("\n") || b == ascii("\t") else {
                ungetc(b)
                return
            }
        }
    }

    // MARK: - Errors

    private func syntax(_ message: String) -> String { "XML syntax error on line \(line): \(message)" }

    private mutating func fail(_ message: String) -> Token? {
        stop = .failure(syntax(message))
        return nil
    }

    private mutating func fail(_ message: String) -> [UInt8]? {
        stop = .failure(syntax(message))
        return nil
    }

    /// A syntax error unless an earlier step already failed (Go's `if d.err == nil`).
    private mutating func fail(ifUnset message: String) -> Token? {
        if stop == nil { stop = .failure(syntax(message)) }
        return nil
    }

    private mutating func failPlain(_ message: String) -> Token? {
        stop = .failure(message)
        return nil
    }

    // MARK: - Character classes

    private static func isNameByte(_ c: UInt8) -> Bool {
        isAlphanumeric(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
    }

    private static func isDigit(_ c: UInt8, base: UInt64) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
            || base == 16 && ((UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(c))
    }

    static func asciiEqualFold(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { lowerASCII($0) == lowerASCII($1) }
    }

    /// strings.ToLower as far as it can reach "ascii": ASCII letters, and U+0130 (İ), whose
    /// simple lower case in Go is a plain "i".
    private static func goLowercased(_ bytes: [UInt8]) -> String {
        String(String(decoding: bytes, as: UTF8.self).unicodeScalars.map { scalar -> Character in
            if scalar == "\u{130}" { return "i" }
            return scalar.isASCII ? Character(String(scalar).lowercased()) : Character(scalar)
        })
    }

    private static func lowerASCII(_ c: UInt8) -> UInt8 { (0x41...0x5A).contains(c) ? c | 0x20 : c }

    /// procInst: the value of `param='…'` (or `"…"`) in a processing instruction's text.
    /// Go ≥ 1.23 skips occurrences not followed by a quote; earlier releases look only at the first.
    static func procInst(_ param: String, _ text: [UInt8], scansAllOccurrences: Bool) -> [UInt8] {
        let key = Array((param + "=").utf8)
        var i = 0
        var separator: UInt8 = 0
        repeat {
            guard let k = firstIndex(of: key, in: text, from: i), k + key.count < text.count else { return [] }
            i = k + key.count + 1
            let c = text[k + key.count]
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                separator = c
                break
            }
        } while scansAllOccurrences && i < text.count
        guard separator != 0, let end = text[i...].firstIndex(of: separator) else { return [] }
        return Array(text[i..<end])
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

private func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(ascii: character) }
