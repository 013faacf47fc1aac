/// The concrete syntax of a go.mod file (golang.org/x/mod/modfile read.go `FileSyntax`):
/// statements, blocks and the comments attached to them. Kept internal: callers get the
/// interpreted `GoModFile`; the tree exists so that comment-driven meaning (`// indirect`,
/// retraction rationale, `Deprecated:`) is attached exactly where modfile attaches it.
struct GoModSyntax: Sendable {
    /// modfile `Position`: 1-based line, 1-based rune in line, 0-based byte offset.
    struct Position: Sendable, Equatable {
        var line: Int
        var lineRune: Int
        var byte: Int

        /// The position just past a one-byte, one-rune token starting here (`(` or `)`).
        var afterParen: Position { Position(line: line, lineRune: lineRune + 1, byte: byte + 1) }

        /// The `ConfigInputError` modfile's `Error.Error()` would print for this position:
        /// the column only when it is past the start of the line.
        func error(file: String, _ message: String) -> ConfigInputError {
            ConfigInputError(
                input: file,
                line: line > 0 ? line : nil,
                column: lineRune > 1 ? lineRune : nil,
                message: message
            )
        }
    }

    /// A `//` comment; `token` keeps the slashes. An empty token marks a blank line.
    struct Comment: Sendable, Equatable {
        var start: Position
        var token: String
    }

    /// One line of tokens, at top level (`require a v1`) or inside a block (`a v1`).
    struct Line: Sendable {
        var start: Position
        var end: Position
        var tokens: [String]
        var before: [Comment] = []
        var suffix: [Comment] = []
    }

    /// `verb ( … )`.
    struct Block: Sendable {
        var start: Position
        var tokens: [String]
        var lparen: Position
        var lparenSuffix: [Comment] = []
        var lines: [Line] = []
        var rparen: Position
        var rparenBefore: [Comment] = []
        var rparenSuffix: [Comment] = []
        var before: [Comment] = []
        var suffix: [Comment] = []
    }

    /// A run of whole-line comments not attached to a statement.
    struct CommentBlock: Sendable {
        var start: Position
        var before: [Comment]
        var suffix: [Comment] = []
    }

    enum Statement: Sendable {
        case comments(CommentBlock)
        case line(Line)
        case block(Block)
    }

    var statements: [Statement] = []

    /// A syntax node in modfile's postorder (`order`), by index.
    fileprivate enum Node: Hashable {
        case commentBlock(Int), line(Int), lparen(Int), blockLine(Int, Int), rparen(Int), block(Int)
    }

    /// modfile `assignComments` for end-of-line comments (whole-line comments are attached
    /// by the parser itself): walk the postorder list backwards and give each single-line
    /// node the suffix comments that start at or after its end.
    mutating func assignSuffixComments(_ comments: [Comment]) {
        var postorder: [(node: Node, start: Position, end: Position)] = []
        for (i, statement) in statements.enumerated() {
            switch statement {
            case .comments(let c):
                postorder.append((.commentBlock(i), c.start, c.start))
            case .line(let l):
                postorder.append((.line(i), l.start, l.end))
            case .block(let b):
                postorder.append((.lparen(i), b.lparen, b.lparen.afterParen))
                for (j, l) in b.lines.enumerated() { postorder.append((.blockLine(i, j), l.start, l.end)) }
                postorder.append((.rparen(i), b.rparen, b.rparen.afterParen))
                postorder.append((.block(i), b.start, b.rparen.afterParen))
            }
        }
        var pending = comments
        var assigned: [Node: [Comment]] = [:]
        var touched: Set<Int> = []
        for entry in postorder.reversed() where entry.start.line == entry.end.line {
            var taken: [Comment] = []
            while let last = pending.last, entry.end.byte <= last.start.byte {
                taken.append(last)
                pending.removeLast()
            }
            if !taken.isEmpty {
                assigned[entry.node] = taken.reversed()
                touched.insert(entry.node.statementIndex)
            }
        }
        for i in touched.sorted() {
            switch statements[i] {
            case .comments(var c):
                c.suffix += assigned[.commentBlock(i)] ?? []
                statements[i] = .comments(c)
            case .line(var l):
                l.suffix += assigned[.line(i)] ?? []
                statements[i] = .line(l)
            case .block(var b):
                b.lparenSuffix += assigned[.lparen(i)] ?? []
                for j in b.lines.indices {
                    if let c = assigned[.blockLine(i, j)] { b.lines[j].suffix += c }
                }
                b.rparenSuffix += assigned[.rparen(i)] ?? []
                b.suffix += assigned[.block(i)] ?? []
                statements[i] = .block(b)
            }
        }
    }
}

extension GoModSyntax.Node {
    var statementIndex: Int {
        switch self {
        case .commentBlock(let i), .line(let i), .lparen(let i), .rparen(let i), .block(let i), .blockLine(let i, _):
            return i
        }
    }
}
