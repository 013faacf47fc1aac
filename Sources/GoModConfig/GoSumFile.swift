/// A parsed go.sum file, read the way cmd/go/internal/modfetch/fetch.go `readGoSum` does.
public struct GoSumFile: Sendable, Equatable, Codable {
    public var lines: [GoSumLine] {
        didSet { index = GoSumIndex(lines) }
    }
    /// `hashes` by module and version, built once per set of lines: a project with N
    /// requirements asks N times, and a scan of every line per question made the route table
    /// quadratic (200k requirements took minutes).
    private var index: GoSumIndex

    public init(lines: [GoSumLine]) {
        self.lines = lines
        self.index = GoSumIndex(lines)
    }

    enum CodingKeys: String, CodingKey { case lines }

    public init(from decoder: any Decoder) throws {
        self.init(lines: try decoder.container(keyedBy: CodingKeys.self).decode([GoSumLine].self, forKey: .lines))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lines, forKey: .lines)
    }

    public static func == (lhs: GoSumFile, rhs: GoSumFile) -> Bool { lhs.lines == rhs.lines }

    /// The hash of an empty go.mod that an old go command bug wrote for non-modules;
    /// readGoSum silently drops lines carrying it.
    public static let emptyGoModHash = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY="

    /// Parses go.sum text: lines split on `\n`, fields on white space; blank lines skipped;
    /// any other line must have exactly 3 fields, else the error is positioned at the file
    /// and line with message `wrong number of fields N` — the go command prints it as
    /// `malformed go.sum:\n<file>:<line>: wrong number of fields N` (see `goCommandText`).
    /// With a `deadline`, parsing stops once it passes with an error whose
    /// `stoppedAtDeadline` is set.
    public static func parse(_ text: String, fileName: String,
                             deadline: ContinuousClock.Instant? = nil) throws(ConfigInputError) -> GoSumFile {
        var result: [GoSumLine] = []
        var lineNumber = 0
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        // One line at a time (no array of all lines first), so a deadline is noticed early.
        var finished = false
        while !finished {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let rawLine = utf8[lineStart..<lineEnd]
            if lineEnd == utf8.endIndex { finished = true } else { lineStart = utf8.index(after: lineEnd) }
            lineNumber += 1
            if let deadline, lineNumber % 4096 == 0, ContinuousClock.now >= deadline {
                throw ConfigInputError.deadline(input: fileName, line: lineNumber)
            }
            let fields = GoModComments.goFields(String(decoding: rawLine, as: UTF8.self))
            if fields.isEmpty { continue }
            guard fields.count == 3 else {
                throw ConfigInputError(input: fileName, line: lineNumber, message: "wrong number of fields \(fields.count)")
            }
            if fields[2] == emptyGoModHash { continue }
            let isGoMod = fields[1].hasSuffix("/go.mod")
            let version = isGoMod ? String(fields[1].dropLast("/go.mod".count)) : fields[1]
            result.append(GoSumLine(path: fields[0], version: version, isGoMod: isGoMod, hash: fields[2], line: lineNumber))
        }
        return GoSumFile(lines: result)
    }

    /// The go command's full text for a go.sum parse error: `malformed go.sum:\n` followed
    /// by `file:line: message`.
    public static func goCommandText(_ error: ConfigInputError) -> String {
        "malformed go.sum:\n\(error.description)"
    }

    /// All hashes recorded for `path@version` (the zip hash, or the go.mod hash when
    /// `goMod`), in file order; the go command accepts a download matching any of them.
    public func hashes(path: String, version: String, goMod: Bool) -> [String] {
        index.hashes(path: path, version: version, goMod: goMod)
    }
}
