/// The go.mod statement parser, a line-for-line port of golang.org/x/mod/modfile read.go
/// (`parseFile`, `parseStmt`, `parseLineBlock`), so errors match modfile's texts and positions.
///
/// Iterative (no recursion on nesting), linear in the input, and it stops at the first
/// syntax error the way modfile's panic does.
struct GoModSyntaxParser {
    private typealias Position = GoModSyntax.Position
    private typealias Token = GoModLexer.Token

    private var lexer: GoModLexer
    private var syntax = GoModSyntax()
    /// Parsing stops with a `stoppedAtDeadline` error once this passes (checked every 1024 lines).
    private var deadline: ContinuousClock.Instant?
    private var linesParsed = 0

    /// Parses `text` into statements with comments attached (modfile `parse`).
    static func parse(_ text: String, fileName: String,
                      deadline: ContinuousClock.Instant? = nil) throws(ConfigInputError) -> GoModSyntax {
        var parser = GoModSyntaxParser(lexer: try GoModLexer(text: text, fileName: fileName))
        parser.deadline = deadline
        try parser.parseFile()
        parser.syntax.assignSuffixComments(parser.lexer.suffixComments)
        return parser.syntax
    }

    private init(lexer: GoModLexer) {
        self.lexer = lexer
    }

    private var token: Token { lexer.token }

    private mutating func lex() throws(ConfigInputError) -> Token {
        try lexer.lex()
    }

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
        linesParsed += 1
        if let deadline, linesParsed % 1024 == 0, ContinuousClock.now >= deadline {
            throw ConfigInputError.deadline(input: lexer.fileName, line: token.pos.line)
        }
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
                throw lexer.error("syntax error (unterminated block started at \(lexer.fileName):\(start.line):\(start.lineRune))")
            case .punct(UInt8(ascii: ")")):
                let rparen = try lex()
                block.rparenBefore = comments
                block.rparen = rparen.pos
                if !token.kind.isEOL {
                    throw lexer.error("syntax error (expected newline after closing paren)")
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
        linesParsed += 1
        if let deadline, linesParsed % 1024 == 0, ContinuousClock.now >= deadline {
            throw ConfigInputError.deadline(input: lexer.fileName, line: token.pos.line)
        }
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
