/// The meaning modfile reads out of comments: `// indirect` on requirements, retraction
/// rationale and `Deprecated:` paragraphs on the module directive (rule.go isIndirect,
/// parseDirectiveComment, parseDeprecation).
enum GoModComments {
    /// rule.go isIndirect: the first suffix comment is `// indirect` or `// indirect; …`.
    static func isIndirect(_ line: GoModSyntax.Line) -> Bool {
        guard let first = line.suffix.first else { return false }
        let text = first.token.hasPrefix("//") ? String(first.token.dropFirst(2)) : first.token
        let fields = goFields(text)
        return fields.count == 1 && fields[0] == "indirect" || fields.count > 1 && fields[0] == "indirect;"
    }

    /// rule.go parseDirectiveComment: the line's own comments (before, then suffix), or
    /// the block's when the line has none; `//` and surrounding blanks stripped, joined by
    /// newlines; blank-line markers skipped.
    static func directiveComment(block: GoModSyntax.Block?, line: GoModSyntax.Line) -> String {
        var groups = [line.before, line.suffix]
        if let block, line.before.isEmpty, line.suffix.isEmpty {
            groups = [block.before, block.suffix]
        }
        var lines: [String] = []
        for comment in groups.joined() where comment.token.hasPrefix("//") {
            lines.append(trimGoSpace(String(comment.token.dropFirst(2))))
        }
        return lines.joined(separator: "\n")
    }

    /// rule.go deprecatedRE `(?s)(?:^|\n\n)Deprecated: *(.*?)(?:$|\n\n)`: the first
    /// paragraph starting with `Deprecated:`, up to the paragraph's end; `""` when none.
    static func deprecation(in text: String) -> String {
        let t = Array(text.unicodeScalars)
        let marker = Array("Deprecated:".unicodeScalars)
        func hasMarker(at i: Int) -> Bool {
            i + marker.count <= t.count && Array(t[i..<(i + marker.count)]) == marker
        }
        func isParagraphBreak(at i: Int) -> Bool {
            i + 1 < t.count && t[i] == "\n" && t[i + 1] == "\n"
        }
        var start: Int?
        if hasMarker(at: 0) {
            start = 0
        } else {
            var i = 0
            while i + 1 < t.count {
                if isParagraphBreak(at: i) && hasMarker(at: i + 2) { start = i + 2; break }
                i += 1
            }
        }
        guard var i = start.map({ $0 + marker.count }) else { return "" }
        while i < t.count && t[i] == " " { i += 1 }
        var end = i
        while end < t.count && !isParagraphBreak(at: end) { end += 1 }
        return String(String.UnicodeScalarView(t[i..<end]))
    }

    /// strings.Fields: split on Unicode white space.
    static func goFields(_ s: String) -> [String] {
        // ASCII fast path (every go.sum and nearly every go.mod line): split bytes on the
        // ASCII spaces unicode.IsSpace knows; the scalar walk below is several times slower.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return s.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) })
                .map { String(decoding: $0, as: UTF8.self) }
        }
        return s.unicodeScalars.split(whereSeparator: GoModQuoting.isSpace).map { String(String.UnicodeScalarView($0)) }
    }

    /// strings.TrimSpace.
    static func trimGoSpace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !GoModQuoting.isSpace($0) }),
              let last = scalars.lastIndex(where: { !GoModQuoting.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
