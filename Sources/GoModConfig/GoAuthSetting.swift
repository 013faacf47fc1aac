/// GOAUTH as the go command reads it (Go 1.24+, cmd/go/internal/auth/auth.go runGoAuth): a
/// `;`-separated list of methods — `off` (alone), `netrc`, `git DIR`, or a command. The go
/// command checks the list when its first https request needs credentials and exits with
/// one of the texts below when the list is malformed, so every https download then fails.
public struct GoAuthSetting: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        case netrc
        /// `git DIR`: credentials from `git credential fill` run in DIR.
        case git(directory: String)
        /// Any other word: a program the go command runs for credentials.
        case command(String)
    }

    /// The methods in the order written; empty when GOAUTH is `off`.
    public var methods: [Method]

    public var isOff: Bool { methods.isEmpty }
    public var usesNetrc: Bool { methods.contains(.netrc) }

    public init(methods: [Method]) { self.methods = methods }

    /// GOAUTH=netrc: the go command's default when the variable is empty or unset.
    public static let netrcOnly = GoAuthSetting(methods: [.netrc])

    /// Parses `value` (already defaulted: an empty GOAUTH is `netrc`). The go command walks the
    /// list in reverse and stops at the first bad entry, so with several errors the one it
    /// prints is the last one written; this reports that same one.
    public static func parse(_ value: String) -> Result<GoAuthSetting, GoAuthSettingError> {
        if value == "off" { return .success(GoAuthSetting(methods: [])) }
        let commands = value.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        var methods: [Method] = []
        for raw in commands.reversed() {
            let words = GoStrings.fields(raw)
            guard let first = words.first else {
                return .failure(GoAuthSettingError(value: value, kind: .emptyCommand))
            }
            switch first {
            case "off":
                guard commands.count == 1 else { return .failure(GoAuthSettingError(value: value, kind: .offCombined)) }
                return .success(GoAuthSetting(methods: []))
            case "netrc":
                methods.append(.netrc)
            case "git":
                guard words.count == 2 else { return .failure(GoAuthSettingError(value: value, kind: .gitNeedsDirectory)) }
                guard words[1].hasPrefix("/") else { return .failure(GoAuthSettingError(value: value, kind: .gitDirectoryNotAbsolute)) }
                methods.append(.git(directory: words[1]))
            default:
                methods.append(.command(GoStrings.trimSpace(raw)))
            }
        }
        return .success(GoAuthSetting(methods: methods.reversed()))
    }
}

/// A GOAUTH value the go command refuses; `message` is its exact text (auth.go base.Fatalf),
/// with the value's command arguments redacted (they may carry tokens).
public struct GoAuthSettingError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case emptyCommand = "empty-command"
        case offCombined = "off-combined"
        case gitNeedsDirectory = "git-needs-directory"
        case gitDirectoryNotAbsolute = "git-directory-not-absolute"
    }

    public var value: String
    public var kind: Kind

    public var message: String {
        let shown = SecretRedactor.redactGoAuth(value)
        switch kind {
        case .emptyCommand: return "go: GOAUTH encountered an empty command (GOAUTH=\(shown))"
        case .offCombined: return "go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH=\(shown))"
        case .gitNeedsDirectory: return "go: GOAUTH=git dir method requires an absolute path to the git working directory"
        case .gitDirectoryNotAbsolute:
            return "go: GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute"
        }
    }
}
