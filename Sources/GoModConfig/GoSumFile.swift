/// A parsed go.sum file, read the way cmd/go/internal/modfetch/fetch.go `readGoSum` does.
public struct GoSumFile: Sendable, Equatable, Codable {
    public var lines: [GoSumLine]

    public init(lines: [GoSumLine]) {
        self.lines = lines
    }

    /// The hash of an empty go.mod that an old go command bug wrote for non-modules;
    /// readGoSum silently drops lines carrying it.
    public static let emptyGoModHash = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY="

    /// Parses go.sum text: lines split on `\n`, fields on white space; blank lines skipped;
    /// any other line must have exactly 3 fields, else the error is positioned at the file
    /// and line with message `wrong number of fields N` — the go command prints it as
    /// `malformed go.sum:\n<file>:<line>: wrong number of fields N` (see `goCommandText`).
    public static func parse(_ text: String, fileName: String) throws(ConfigInputError) -> GoSumFile {
        var result: [GoSumLine] = []
        var lineNumber = 0
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
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
        lines.filter { $0.path == path && $0.version == version && $0.isGoMod == goMod }.map(\.hash)
    }
}
