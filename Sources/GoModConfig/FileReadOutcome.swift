import Foundation

/// What reading one configuration file gave. "Too large" and "unreadable" are kept apart from
/// "absent": a go.sum we refused to load is not a go.sum without lines, and a GOENV file we
/// could not read may still hold `GOPROXY=off` for the go command, which reads it whole
/// (cmd/go/internal/cfg/cfg.go readEnvFile uses os.ReadFile, no size limit).
public enum FileReadOutcome: Sendable, Equatable {
    case contents(Data)
    /// No such file (or a directory where a file was expected, as modload's findModuleRoot
    /// treats a directory named go.mod).
    case absent
    /// Larger than `limit` bytes; `size` is what the file system reported (at least limit + 1).
    case tooLarge(size: Int64, limit: Int)
    /// It exists but could not be read (permissions, I/O error): the system's reason.
    case unreadable(reason: String)
}

/// The kind of configuration file, so a finding can say which one was not read.
public enum ConfigFileRole: String, Sendable, Equatable, Codable {
    case goMod = "go.mod"
    case goSum = "go.sum"
    case goEnv = "GOENV"
    case gorootGoEnv = "GOROOT/go.env"
}

/// A configuration file that exists but was not read: the path, which file it is, and why.
public struct ConfigFileProblem: Sendable, Equatable, Codable {
    public enum Reason: String, Sendable, Equatable, Codable {
        case tooLarge = "too-large"
        case unreadable
        /// Read, but not parsed to the end before the caller's deadline (`check --timeout`).
        case timedOut = "timed-out"
    }

    public var path: String
    public var role: ConfigFileRole
    public var reason: Reason
    /// For `tooLarge`: the file's size and the limit, in bytes.
    public var size: Int64?
    public var limit: Int?
    /// For `unreadable`: the system's reason ("Permission denied"). For `timedOut`: the line
    /// reached.
    public var detail: String?

    public init(path: String, role: ConfigFileRole, reason: Reason, size: Int64? = nil, limit: Int? = nil, detail: String? = nil) {
        self.path = path
        self.role = role
        self.reason = reason
        self.size = size
        self.limit = limit
        self.detail = detail
    }

    /// The problem for `outcome`, nil when the file was read or is absent.
    public init?(path: String, role: ConfigFileRole, outcome: FileReadOutcome) {
        switch outcome {
        case .contents, .absent: return nil
        case .tooLarge(let size, let limit): self.init(path: path, role: role, reason: .tooLarge, size: size, limit: limit)
        case .unreadable(let reason): self.init(path: path, role: role, reason: .unreadable, detail: reason)
        }
    }
}

/// How much of each configuration file gomod-doctor reads. The go command reads the main
/// module's go.mod and go.sum and the GOENV file whole (modload/modfile.go ReadModFile,
/// modfetch/fetch.go initGoSum, cfg/cfg.go readEnvFile — os.ReadFile / lockedfile.Read), so a
/// file above these limits is reported as not inspected, never as absent.
public enum ConfigFileLimits {
    /// codehost.MaxGoMod (cmd/go/internal/modfetch/codehost/codehost.go) and x/mod/zip
    /// MaxGoMod: 16 MiB is the largest go.mod the go command accepts from a module source or
    /// zip, so a main module whose go.mod is larger cannot be published as a module either.
    public static let goMod = 16 << 20
    /// cmd/go has no go.sum limit; 64 MiB is about a million lines, far beyond real projects.
    public static let goSum = 64 << 20
    /// cmd/go has no GOENV limit; `go env -w` writes a handful of short lines.
    public static let goEnv = 64 << 20
    /// Anything else read as configuration (GOROOT/VERSION).
    public static let other = 64 << 20
}
