import GoModConfig

/// Builds copy-pasteable commands that change a go variable where it actually takes effect:
/// `go env -w` writes the GOENV file, which a variable exported by the shell overrides — so
/// when the value comes from the environment the fix must change the environment too.
public enum FixCommands {
    /// Commands that make `name` equal `value` for the go command.
    public static func set(_ name: String, to value: String, in env: ResolvedGoEnv) -> [String] {
        var commands: [String] = []
        if env.variable(name)?.source == .environment {
            commands.append(env.hostOS == .windows ? "set \(name)=\(value)" : environmentLine(name, value))
        }
        if env.envFile.disabled {
            if commands.isEmpty { commands.append(environmentLine(name, value)) }
        } else {
            commands.append(goEnvLine(name, value))
        }
        return commands
    }

    /// `go env -w NAME='value'` (shell-quoted), or `go env -u NAME` for nil.
    public static func goEnvLine(_ name: String, _ value: String?) -> String {
        value.map { "go env -w \(name)=\(shellQuoted($0))" } ?? "go env -u \(name)"
    }

    /// The POSIX shell line that gives the environment variable `name` this value (nil: unset).
    public static func environmentLine(_ name: String, _ value: String?) -> String {
        value.map { "export \(name)=\(shellQuoted($0))" } ?? "unset \(name)"
    }

    /// Commands that return `name` to the go command's default.
    public static func unset(_ name: String, in env: ResolvedGoEnv) -> [String] {
        var commands: [String] = []
        if env.variable(name)?.source == .environment {
            commands.append(env.hostOS == .windows ? "set \(name)=" : "unset \(name)")
        }
        if env.variable(name)?.source == .goenvFile || env.variable(name)?.shadowed.contains(where: { $0.source == .goenvFile }) == true {
            commands.append("go env -u \(name)")
        }
        return commands.isEmpty ? ["go env -u \(name)"] : commands
    }

    /// Appends `additions` to a comma-separated list variable, keeping what is there.
    public static func append(_ name: String, _ additions: [String], in env: ResolvedGoEnv) -> [String] {
        var parts = env[name].split(separator: ",").map(String.init).filter { !$0.isEmpty }
        for addition in additions where !parts.contains(addition) { parts.append(addition) }
        return set(name, to: parts.joined(separator: ","), in: env)
    }

    /// Single-quotes a value for POSIX shells when it holds anything the shell would interpret.
    public static func shellQuoted(_ value: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:,=@+%")
        if !value.isEmpty && value.allSatisfy({ safe.contains($0) }) { return value }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
