/// The operating system whose rules apply (config directory, list separator, default paths).
/// Passed in rather than read from the running process so that one machine can reason about
/// another's snapshot, and tests can cover macOS and Windows rules on Linux.
public enum GoHostOS: String, Sendable, Codable, CaseIterable {
    case linux, darwin, windows, other

    public static var current: GoHostOS {
        #if os(Linux)
        return .linux
        #elseif os(macOS)
        return .darwin
        #elseif os(Windows)
        return .windows
        #else
        return .other
        #endif
    }

    /// filepath.ListSeparator.
    public var listSeparator: Character { self == .windows ? ";" : ":" }
    var pathSeparator: String { self == .windows ? "\\" : "/" }

    /// filepath.Join for the simple cases configuration needs (no `..` cleaning).
    func join(_ parts: String...) -> String {
        var result = ""
        for part in parts where !part.isEmpty {
            if result.isEmpty {
                result = part
            } else if result.hasSuffix("/") || result.hasSuffix(pathSeparator) {
                result += part
            } else {
                result += pathSeparator + part
            }
        }
        return result
    }

    func isAbsolute(_ path: String) -> Bool {
        if self == .windows {
            let chars = Array(path)
            return path.hasPrefix("\\\\") || (chars.count >= 3 && chars[1] == ":" && (chars[2] == "\\" || chars[2] == "/"))
        }
        return path.hasPrefix("/")
    }
}
