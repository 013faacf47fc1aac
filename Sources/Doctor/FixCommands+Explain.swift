import GoModConfig

/// `explain` variants of the shared command builders. explain reads a pasted error and knows
/// the user's environment only when the CLI resolves it (ExplainCommand does, like `env`);
/// with an environment every command comes from `set`/`append`/`unset` — so a GOPROXY exported
/// in the shell gets its `export` line — and without one it is the plain `goEnvLine`.
extension FixCommands {
    /// `set(name, to: value, in: env)`, or `go env -w NAME=value` when the environment is unknown.
    public static func explainSet(_ name: String, to value: String, in env: ResolvedGoEnv?) -> [String] {
        env.map { set(name, to: value, in: $0) } ?? [goEnvLine(name, value)]
    }

    /// `append(name, additions, in: env)` (keeps the patterns already there), or `go env -w` of the additions alone.
    public static func explainAppend(_ name: String, _ additions: [String], in env: ResolvedGoEnv?) -> [String] {
        env.map { append(name, additions, in: $0) } ?? [goEnvLine(name, additions.joined(separator: ","))]
    }

    /// `unset(name, in: env)`, or `go env -u NAME` when the environment is unknown.
    public static func explainUnset(_ name: String, in env: ResolvedGoEnv?) -> [String] {
        env.map { unset(name, in: $0) } ?? [goEnvLine(name, nil)]
    }
}
