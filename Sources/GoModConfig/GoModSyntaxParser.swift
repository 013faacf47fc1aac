/// The go.mod lexer and statement parser, a line-for-line port of golang.org/x/mod/modfile
/// read.go (`input`), so errors carry the same texts and the same line:rune positions.
///
/// Iterative (no recursion on nesting), linear in the input, and it stops at the first
/// syntax error the way modfile's panic does.
struct GoModSyntaxParser {
    private typealias Position = GoModSyntax.Position

    private enum Kind: Equatable {
        case eof, eolComment, ident, string, comment, newline
        case punct(UInt8)

        var isEOL: Bool { self == .eof || self == .eolComment || self == .newline }
    }

    private struct Token {
        var kind: Kind
        var pos: Position
        var endPos: Position
        var text: String
    }

    private let fileName: String
    private let bytes: [UInt8]
    private var pos = Position(line: 1, lineRune: 1, byte: 0)
    private var token = Token(kind: .eof, pos: Position(line: 1, lineRune: 1, byte: 0),
                              endPos: Position(line: 1, lineRune: 1, byte: 0), text: "")
    private var suffixComments: [GoModSyntax.Comment] = []
    private var syntax = GoModSyntax()

    /// Parses `text` into statements with comments attached (modfile `parse`).
    static func parse(_ text: String, fileName: String) throws(ConfigInputError) -> GoModSyntax {
        var parser = GoModSyntaxParser(fileName: fileName, bytes: Array(text.utf8))
        try parser.readToken()
        try parser.parseFile()
        parser.syntax.assignSuffixComments(parser.suffixComments)
        return parser.syntax
    }

    private init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
    }

    private func error(_ message: String) -> ConfigInputError {
        pos.error(file: fileName, message)
    }

    // MARK: - Lexer

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

    private mutating func lex() throws(ConfigInputError) -> Token {
        let current = token
        try readToken()
        return current
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
                while !eof && readRune() != "\n" {}
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
        while !eof && Self.isIdent(peekRune().0) {
            if peekPrefix("//") { break }
            if peekPrefix("/*") {
                throw error("mod files must use // comments (not /* */ comments)")
            }
            readRune()
        }
        endToken(.ident, start: start)
    }

    /// modfile `isIdent`: printable, non-space, not one of the punctuation runes.
    private static func isIdent(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "(", ")", "[", "]", "{", "}", ",": return false
        default: return !GoModQuoting.isSpace(c) && GoModQuoting.isPrint(c)
        }
    }

    // MARK: - Parser

    private mutating func parseFile() throws(ConfigInputError) {
        var commentBlock: GoModSyntax.CommentBlock?
        while true {
            switch token.kind {
            case .newline:
                _ = try lex()
                if let cb = commentBlock {
                    syntax.statements.append(.comments(cb))
                    commentBlock = nil
                }
            case .comment:
                let tok = try lex()
                let comment = GoModSyntax.Comment(start: tok.pos, token: tok.text)
                if commentBlock == nil { commentBlock = GoModSyntax.CommentBlock(start: tok.pos, before: []) }
                commentBlock?.before.append(comment)
            case .eof:
                if let cb = commentBlock { syntax.statements.append(.comments(cb)) }
                return
            default:
                let before = commentBlock?.before ?? []
                commentBlock = nil
                try parseStatement(before: before)
            }
        }
    }

    private mutating func parseStatement(before: [GoModSyntax.Comment]) throws(ConfigInputError) {
        let first = try lex()
        let start = first.pos
        var end = first.endPos
        var tokens = [first.text]
        while true {
            let tok = try lex()
            if tok.kind.isEOL {
                syntax.statements.append(.line(GoModSyntax.Line(start: start, end: end, tokens: tokens, before: before)))
                return
            }
            if tok.kind == .punct(UInt8(ascii: "(")) {
                if token.kind.isEOL {
                    try parseLineBlock(start: start, tokens: tokens, lparen: tok, before: before)
                    return
                } else if token.kind == .punct(UInt8(ascii: ")")) {
                    let rparen = try lex()
                    if token.kind.isEOL {
                        _ = try lex()
                        syntax.statements.append(.block(GoModSyntax.Block(
                            start: start, tokens: tokens, lparen: tok.pos, rparen: rparen.pos, before: before)))
                        return
                    }
                    tokens += [tok.text, rparen.text]
                } else {
                    tokens.append(tok.text)
                }
                continue
            }
            tokens.append(tok.text)
            end = tok.endPos
        }
    }

    private mutating func parseLineBlock(start: Position, tokens: [String], lparen: Token,
                                         before: [GoModSyntax.Comment]) throws(ConfigInputError) {
        var block = GoModSyntax.Block(start: start, tokens: tokens, lparen: lparen.pos, rparen: lparen.pos, before: before)
        var comments: [GoModSyntax.Comment] = []
        while true {
            switch token.kind {
            case .eolComment:
                _ = try lex()
            case .newline:
                _ = try lex()
                if comments.isEmpty && !block.lines.isEmpty || !comments.isEmpty && comments[comments.count - 1].token != "" {
                    comments.append(GoModSyntax.Comment(start: Position(line: 0, lineRune: 0, byte: 0), token: ""))
                }
            case .comment:
                let tok = try lex()
                comments.append(GoModSyntax.Comment(start: tok.pos, token: tok.text))
            case .eof:
                throw error("syntax error (unterminated block started at \(fileName):\(start.line):\(start.lineRune))")
            case .punct(UInt8(ascii: ")")):
                let rparen = try lex()
                block.rparenBefore = comments
                block.rparen = rparen.pos
                if !token.kind.isEOL {
                    throw error("syntax error (expected newline after closing paren)")
                }
                _ = try lex()
                syntax.statements.append(.block(block))
                return
            default:
                var line = try parseLine()
                line.before = comments
                comments = []
                block.lines.append(line)
            }
        }
    }

    private mutating func parseLine() throws(ConfigInputError) -> GoModSyntax.Line {
        let first = try lex()
        let start = first.pos
        var end = first.endPos
        var tokens = [first.text]
        while true {
            let tok = try lex()
            if tok.kind.isEOL {
                return GoModSyntax.Line(start: start, end: end, tokens: tokens)
            }
            tokens.append(tok.text)
            end = tok.endPos
        }
    }
}
