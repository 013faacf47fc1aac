import Foundation
import GoModConfig

/// One usable .netrc entry: the go command keeps only entries with a machine, a login and a
/// password, all non-empty.
struct GoNetrcLine: Sendable, Equatable {
    var machine: String
    var login: String
    var password: String
}

/// The .netrc parser of the go command, token for token (cmd/go/internal/auth/netrc.go
/// parseNetrc): fields are read in pairs within each line, a `macdef` skips lines until an
/// empty one, and a `default` token ending a line ends the file. Its quirks are kept on
/// purpose: which credentials gomod-doctor sends must be the ones the go command sends.
enum GoNetrc {
    static func parse(_ data: String) -> [GoNetrcLine] {
        var lines: [GoNetrcLine] = []
        var current = GoNetrcLine(machine: "", login: "", password: "")
        var inMacro = false
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            if inMacro {
                if line.isEmpty { inMacro = false }
                continue
            }
            let fields = GoStrings.fields(String(line))
            var index = 0
            while index < fields.count - 1 {
                let value = fields[index + 1]
                switch fields[index] {
                case "machine": current = GoNetrcLine(machine: value, login: "", password: "")
                case "login": current.login = value
                case "password": current.password = value
                case "macdef": inMacro = true
                default: break
                }
                if !current.machine.isEmpty, !current.login.isEmpty, !current.password.isEmpty {
                    lines.append(current)
                    current = GoNetrcLine(machine: "", login: "", password: "")
                }
                index += 2
            }
            if index < fields.count, fields[index] == "default" { break }
        }
        return lines
    }

    /// $NETRC, else ~/.netrc (netrc.go netrcPath; the Windows `_netrc` preference is not needed here).
    static func path(environment: [String: String]) -> String? {
        if let netrc = environment["NETRC"], !netrc.isEmpty { return netrc }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.netrc"
    }

    /// The file's entries; a missing file has none (netrc.go readNetrc ignores "not exist").
    /// Reads at most 1 MiB: a credentials file is small, and the read must stay bounded.
    static func load(environment: [String: String]) -> [GoNetrcLine] {
        guard let path = path(environment: environment), let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 20)) ?? Data()
        return parse(String(decoding: data, as: UTF8.self))
    }
}
