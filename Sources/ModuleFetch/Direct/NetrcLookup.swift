import Foundation

/// Whether a .netrc has credentials for a host — never what they are. The go command reads
/// `$NETRC`, else `~/.netrc` (cmd/go/internal/auth/netrc.go), and sends them over https only.
public enum NetrcLookup {
    /// The file the go command would read.
    public static func path(environment: [String: String]) -> String? {
        if let netrc = environment["NETRC"], !netrc.isEmpty { return netrc }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.netrc"
    }

    /// True when a `machine <host>` entry exists (the `default` entry is ignored, as Go does).
    public static func hasCredentials(for host: String, netrcText: String) -> Bool {
        let tokens = netrcText.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        var index = 0
        while index < tokens.count {
            if tokens[index] == "machine", index + 1 < tokens.count, tokens[index + 1].lowercased() == host.lowercased() {
                return true
            }
            index += 1
        }
        return false
    }

    /// Reads the file named by `path(environment:)`; false when it is absent or unreadable.
    public static func hasCredentials(for host: String, environment: [String: String]) -> Bool {
        guard let path = path(environment: environment), let data = FileManager.default.contents(atPath: path) else { return false }
        return hasCredentials(for: host, netrcText: String(decoding: data, as: UTF8.self))
    }
}
