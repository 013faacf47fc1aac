/// The go.mod lexer, a port of golang.org/x/mod/modfile read.go (`input.readToken`): it
/// tokenizes with one token of lookahead, collects end-of-line comments for later
/// attachment, and reports errors at the same line:rune positions modfile does.
struct GoModLexer {
    typealias Position = GoModSyntax.Position

    enum Kind: Equatable {
        case eof, eolComment, ident, string, comment, newline
        case punct(UInt8)

        var isEOL: Bool { self == .eof || self == .eolComment || self == .newline }
    }

    struct Token {
        var kind: Kind
        var pos: Position
        var endPos: Position
        var text: String
    }

    let fileName: String
    private let bytes: [UInt8]
    private var pos = Position(line: 1, lineRune: 1, byte: 0)
    /// The lookahead token, returned by the next `lex()`.
    private(set) var token = Token(kind: .eof, pos: Position(line: 1, lineRune: 1, byte: 0),
                                   endPos: Position(line: 1, lineRune: 1, byte: 0), text: "")
    /// End-of-line comments seen so far, in input order.
    private(set) var suffixComments: [GoModSyntax.Comment] = []

    /// Starts lexing `text` and reads the first token.
    init(text: String, fileName: String) throws(ConfigInputError) {
        self.fileName = fileName
        self.bytes = Array(text.utf8)
        try readToken()
    }

    /// An error at the current read position, as modfile's `in.Error` reports it.
    func error(_ message: String) -> ConfigInputError {
        pos.error(file: fileName, message)
    }

    /// Returns the lookahead token and reads the next one.
    mutating func lex() throws(ConfigInputError) -> Token {
        let current = token
        try readToken()
        return current
    }

    private var eof: Bool { pos.byte >= bytes.count }

    /// The rune at the read position and its UTF-8 length (input is valid UTF-8).
    private func peekRune() -> (Unicode.Scalar, Int) {
        guard !eof else { return ("\0", 0) }
        let b0 = bytes[pos.byte]
        let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        guard length > 1, pos.byte + length <= bytes.count else { return (Unicode.Scalar(b0), 1) }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[pos.byte + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private func peekPrefix(_ prefix: String) -> Bool {
        var i = pos.byte
        for b in prefix.utf8 {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    @discardableResult
    private mutating func readRune() -> Unicode.Scalar {
        let (r, size) = peekRune()
        pos.byte += size
        if r == "\n" {
            pos.line += 1
            pos.lineRune = 1
        } else {
            pos.lineRune += 1
        }
        return r
    }

    /// Consumes everything up to and including the next newline (a comment's text).
    private mutating func skipRestOfLine() {
        var i = pos.byte
        var runes = 0
        while i < bytes.count && bytes[i] != 0x0A {
            if bytes[i] & 0xC0 != 0x80 { runes += 1 }  // count UTF-8 lead bytes only
            i += 1
        }
        pos.byte = i
        pos.lineRune += runes
        if !eof { readRune() }
    }

    private mutating func endToken(_ kind: Kind, start: Position) {
        var end = pos.byte
        if kind == .comment || kind == .eolComment {
            if end - start.byte >= 2 && bytes[end - 2] == 0x0D && bytes[end - 1] == 0x0A {
                end -= 2
            } else if end > start.byte && bytes[end - 1] == 0x0A {
                end -= 1
            }
        }
        token = Token(kind: kind, pos: start, endPos: pos,
                      text: String(decoding: bytes[start.byte..<end], as: UTF8.self))
    }

    private mutating func readToken() throws(ConfigInputError) {
        while !eof {
            let c = bytes[pos.byte]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                readRune()
                continue
            }
            if peekPrefix("//") {
                let start = pos
                // A comment is a suffix when something other than blanks precedes it on its line.
                var i = pos.byte - 1
                var suffix = false
                while i >= 0 && bytes[i] != 0x0A {
                    if !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D) { suffix = true; break }
                    i -= 1
                }
                readRune()
                readRune()
                skipRestOfLine()
                if !suffix {
                    endToken(.comment, start: start)
                    return
                }
                endToken(.eolComment, start: start)
                suffixComments.append(GoModSyntax.Comment(start: start, token: token.text))
                return
            }
            if peekPrefix("/*") {
                throw error("mod files must use // comments (not /* */ comments)")
            }
            break
        }
        let start = pos
        if eof {
            endToken(.eof, start: start)
            return
        }
        let (c, _) = peekRune()
        switch c {
        case "\n", "(", ")", "[", "]", "{", "}", ",":
            readRune()
            endToken(c == "\n" ? .newline : .punct(UInt8(c.value)), start: start)
            return
        case "\"", "`":
            readRune()
            while true {
                if eof {
                    pos = start
                    throw error("unexpected EOF in string")
                }
                if peekRune().0 == "\n" {
                    throw error("unexpected newline in string")
                }
                let r = readRune()
                if r == c { break }
                if r == "\\" && c != "`" {
                    if eof {
                        pos = start
                        throw error("unexpected EOF in string")
                    }
                    readRune()
                }
            }
            endToken(.string, start: start)
            return
        default:
            break
        }
        guard Self.isIdent(c) else {
            throw error("unexpected input character \(GoModQuoting.quoteRune(c))")
        }
        while !eof {
            let b = bytes[pos.byte]
            if b == UInt8(ascii: "/") && pos.byte + 1 < bytes.count {
                let next = bytes[pos.byte + 1]
                if next == UInt8(ascii: "/") { break }
                if next == UInt8(ascii: "*") {
                    throw error("mod files must use // comments (not /* */ comments)")
                }
            }
            if b < 0x80 {
                // ASCII fast path of isIdent: graphic characters except the punctuation.
                guard b > 0x20 && b < 0x7F && !Self.asciiPunctuation[Int(b)] else { break }
                pos.byte += 1
                pos.lineRune += 1
                continue
            }
            guard Self.isIdent(peekRune().0) else { break }
            readRune()
        }
        endToken(.ident, start: start)
    }

    /// `(`, `)`, `[`, `]`, `{`, `}` and `,`, indexed by byte.
    private static let asciiPunctuation: [Bool] = (0..<128).map { "()[]{},".utf8.contains(UInt8($0)) }

    /// modfile `isIdent`: printable, non-space, not one of the punctuation runes.
    private static func isIdent(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "(", ")", "[", "]", "{", "}", ",": return false
        default: return !GoModQuoting.isSpace(c) && GoModQuoting.isPrint(c)
        }
    }
}
