/// One GOVCS entry `pattern:vcs|vcs…`; `pattern` is `public`, `private` or a module path glob.
public struct GoVCSRule: Sendable, Equatable, Codable {
    public var pattern: String
    /// VCS command names (`git`, `hg`, `svn`, `bzr`, `fossil`), `all` or `off`.
    public var allowed: [String]

    public init(pattern: String, allowed: [String]) {
        self.pattern = pattern
        self.allowed = allowed
    }

    /// Whether this rule lets `vcs` run (`all` allows every tool; `off`/`none` match nothing).
    public func allows(vcs: String) -> Bool {
        allowed.contains { $0 == vcs || $0 == "all" }
    }
}
