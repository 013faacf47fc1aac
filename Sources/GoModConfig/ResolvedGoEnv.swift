/// Where the user's GOENV file is and what it holds.
public struct GoEnvFileStatus: Sendable, Equatable, Codable {
    /// The path the go command would read, nil when GOENV=off or it cannot be located.
    public var path: String?
    /// GOENV=off in the process environment.
    public var disabled: Bool
    /// Why no path could be derived ("neither $XDG_CONFIG_HOME nor $HOME are defined").
    public var problem: String?
    public var exists: Bool
    public var file: GoEnvFile?
    /// The file exists but was not read (too large, unreadable): `exists` is true, `file` nil,
    /// and the go command may see settings that this resolution does not.
    public var readProblem: ConfigFileProblem?
    /// The same for `$GOROOT/go.env`.
    public var gorootReadProblem: ConfigFileProblem?
}

/// The go command's effective module configuration on one machine, each value with its
/// provenance. Produced by `GoEnvResolver`; everything else (routes, findings, reports) reads it.
public struct ResolvedGoEnv: Sendable, Equatable, Codable {
    public var hostOS: GoHostOS
    public var installation: GoInstallation?
    /// Whose rules were applied: "go1.19" for an installed Go 1.19, "current" with no Go found.
    public var rules: String
    public var envFile: GoEnvFileStatus
    /// `$GOROOT/go.env` when the rules read it (Go 1.21 and later).
    public var gorootEnvFile: GoEnvFile?
    /// In a stable order: module variables, paths, then proxy variables.
    public var variables: [ResolvedVariable]

    /// The raw effective value ("" when unset).
    public subscript(_ name: String) -> String {
        variable(name)?.value ?? ""
    }

    public func variable(_ name: String) -> ResolvedVariable? {
        variables.first { $0.name == name }
    }

    /// The release whose rules apply; nil means "the current release's rules".
    public var goVersion: GoReleaseVersion? { installation?.version }

    /// Whether the rules in force know GOTOOLCHAIN (Go 1.21+ or no Go found).
    public var supportsToolchainSwitching: Bool { goVersion.map { $0.atLeast(1, 21) } ?? true }
}
