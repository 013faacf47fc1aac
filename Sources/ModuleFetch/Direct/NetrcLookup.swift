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

    /// The login and password of the `machine <host>` entry (cmd/go/internal/auth/netrc.go
    /// parseNetrc: the last `machine` entry for a host wins). Internal: only the transport uses it.
    static func credentials(for host: String, netrcText: String) -> (login: String, password: String)? {
        let tokens = netrcText.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        var found: (String, String)?
        var machine: String?
        var login = ""
        var password = ""
        func flush() {
            if let machine, machine.lowercased() == host.lowercased() { found = (login, password) }
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let value = index + 1 < tokens.count ? tokens[index + 1] : ""
            switch token {
            case "machine":
                flush()
                machine = value
                login = ""
                password = ""
                index += 2
            case "default":
                flush()
                machine = nil
                index += 1
            case "login": login = value; index += 2
            case "password": password = value; index += 2
            default: index += 1
            }
        }
        flush()
        return found.map { (login: $0.0, password: $0.1) }
    }

    static func credentials(for host: String, environment: [String: String]) -> (login: String, password: String)? {
        guard let path = path(environment: environment), let data = FileManager.default.contents(atPath: path) else { return nil }
        return credentials(for: host, netrcText: String(decoding: data, as: UTF8.self))
    }

    /// Reads the file named by `path(environment:)`; false when it is absent or unreadable.
    public static func hasCredentials(for host: String, environment: [String: String]) -> Bool {
        guard let path = path(environment: environment), let data = FileManager.default.contents(atPath: path) else { return false }
        return hasCredentials(for: host, netrcText: String(decoding: data, as: UTF8.self))
    }
}
