/// A parsed go.mod file: what the go command reads from the main module's go.mod
/// (golang.org/x/mod/modfile `Parse` with a nil fixer, plus the newer `toolchain`,
/// `godebug`, `tool` and `ignore` directives).
public struct GoModFile: Sendable, Equatable, Codable {
    public var modulePath: String?
    /// The `Deprecated:` paragraph of the module directive's comments, if any.
    public var moduleDeprecated: String?
    public var goVersion: String?
    public var toolchain: String?
    /// The lines of the `go` and `toolchain` directives: a go command older than 1.21 refuses
    /// them at that position (`go.mod:3: invalid go version '1.22.0': must match format 1.23`).
    public var goLine: Int?
    public var toolchainLine: Int?
    public var godebug: [GoModGodebug] = []
    public var requires: [GoModRequirement] = []
    public var excludes: [ModuleVersion] = []
    public var replaces: [GoModReplacement] = []
    public var retracts: [GoModRetraction] = []
    public var tools: [String] = []
    public var ignores: [String] = []

    public init() {}

    /// The largest go.mod the go command accepts inside a module zip (x/mod/zip MaxGoMod);
    /// larger inputs are refused before lexing so hostile files cannot cost time or memory.
    public static let maxSize = 16 << 20

    /// Parses go.mod text. `fileName` is used in error positions. Throws the first error
    /// modfile would report (`go.mod:3:5: unknown directive: foo`): `line` and `column`
    /// are modfile's, with the column omitted at the start of a line as Go prints it, and
    /// `message` is modfile's text after the position.
    public static func parse(_ text: String, fileName: String) throws(ConfigInputError) -> GoModFile {
        try parse(text, fileName: fileName, strict: true)
    }

    /// modfile `ParseLax`, how the go command reads the go.mod files of dependencies:
    /// only `module`, `go`, `require` and `retract` are interpreted, other directives and
    /// unknown blocks are ignored, retraction syntax errors are dropped, and a `go` version
    /// like `1.2.3` or `v1.2rc1` is reduced to its `1.N` prefix. Syntax errors still throw.
    public static func parseLax(_ text: String, fileName: String) throws(ConfigInputError) -> GoModFile {
        try parse(text, fileName: fileName, strict: false)
    }

    /// Every error modfile reports for `text`, in file order (a syntax error stops at the
    /// first; directive errors are all collected). The go command prints them as
    /// `errors parsing go.mod:` followed by one `description` per line. Empty when valid.
    public static func errors(in text: String, fileName: String, lax: Bool = false) -> [ConfigInputError] {
        switch read(text, fileName: fileName, strict: !lax) {
        case .success(let reader): reader.errors
        case .failure(let error): [error]
        }
    }

    /// `parse` that stops once `deadline` passes, throwing an error whose `stoppedAtDeadline`
    /// is set (the main module's go.mod under `check --timeout`).
    static func parse(_ text: String, fileName: String, deadline: ContinuousClock.Instant?) throws(ConfigInputError) -> GoModFile {
        try parse(text, fileName: fileName, strict: true, deadline: deadline)
    }

    private static func parse(_ text: String, fileName: String, strict: Bool,
                              deadline: ContinuousClock.Instant? = nil) throws(ConfigInputError) -> GoModFile {
        let reader = try read(text, fileName: fileName, strict: strict, deadline: deadline).get()
        if let stopped = reader.errors.first(where: \.stoppedAtDeadline) { throw stopped }
        if let first = reader.errors.first { throw first }
        return reader.file
    }

    private static func read(_ text: String, fileName: String, strict: Bool,
                             deadline: ContinuousClock.Instant? = nil) -> Result<GoModDirectiveReader, ConfigInputError> {
        let size = text.utf8.count
        guard size <= maxSize else {
            return .failure(ConfigInputError(input: fileName, message: "go.mod file too large (\(size) bytes; max size is \(maxSize) bytes)"))
        }
        do {
            let syntax = try GoModSyntaxParser.parse(text, fileName: fileName, deadline: deadline)
            var reader = GoModDirectiveReader(fileName: fileName, strict: strict)
            reader.deadline = deadline
            reader.read(syntax)
            return .success(reader)
        } catch {
            return .failure(error)
        }
    }

    /// The replacement that applies to `path@version`, as modload's `replacement` picks it:
    /// a `replace path version =>` line beats a `replace path =>` line for all versions;
    /// among duplicates the last one wins (the go command refuses conflicting duplicates;
    /// see `conflictingReplacements`).
    public func replacement(for path: String, version: String) -> GoModReplacement? {
        replaces.last { $0.oldPath == path && $0.oldVersion == version }
            ?? replaces.last { $0.oldPath == path && $0.oldVersion == nil }
    }

    /// The go command's fatal error for two replace lines with the same left-hand side but
    /// different targets (modload toReplaceMap), one string per conflict, e.g.
    /// `go: conflicting replacements for example.com/a@v1.0.0:\n\t./a\n\texample.com/b@v1.0.0`.
    public func conflictingReplacements() -> [String] {
        var seen: [ModuleVersion: GoModReplacementTarget] = [:]
        var conflicts: [String] = []
        for r in replaces {
            let old = ModuleVersion(path: r.oldPath, version: r.oldVersion ?? "")
            if let prev = seen[old], prev != r.target {
                conflicts.append("go: conflicting replacements for \(old):\n\t\(Self.describe(prev))\n\t\(Self.describe(r.target))")
            }
            seen[old] = r.target
        }
        return conflicts
    }

    private static func describe(_ target: GoModReplacementTarget) -> String {
        switch target {
        case .module(let path, let version): ModuleVersion(path: path, version: version).description
        case .directory(let dir): dir
        }
    }
}
