/// One `require` line of a go.mod file.
public struct GoModRequirement: Sendable, Equatable, Codable {
    public var path: String
    /// Canonical semantic version (modfile canonicalizes `v1.2` to `v1.2.0`).
    public var version: String
    /// The line carries a `// indirect` (or `// indirect; …`) comment.
    public var indirect: Bool
    /// 1-based line of the requirement in the file.
    public var line: Int

    public init(path: String, version: String, indirect: Bool, line: Int) {
        self.path = path
        self.version = version
        self.indirect = indirect
        self.line = line
    }
}
