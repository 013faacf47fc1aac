/// The host and address named by git's own transports inside a direct fetch's error. The go
/// command copies git's stderr under `git ls-remote -q origin in <dir>: exit status 128:` with
/// each line tab-indented (cmd/go/internal/modfetch/codehost/codehost.go RunError.Error), so
/// these texts are curl's (https remotes) and OpenSSH's (ssh remotes), not Go's.
extension GoErrorFacts {
    /// `Could not resolve host: H` (curl), `Could not resolve proxy: H` (curl),
    /// `Could not resolve hostname H: …` (ssh).
    static func gitUnresolvedHost(in text: String) -> String? {
        for marker in ["Could not resolve host: ", "Could not resolve proxy: ", "Could not resolve hostname "] {
            if let host = text.token(after: marker, until: " :\n\t;'") { return host }
        }
        return nil
    }

    /// `Failed to connect to H port P` (curl ≥ 7.30), `Failed connect to H:P;` (curl 7.29),
    /// `connect to host H port P:` (ssh) → `H:P`.
    static func gitDialledAddress(in text: String) -> String? {
        for marker in ["Failed to connect to ", "connect to host "] {
            if let host = text.token(after: marker, until: " \n\t"),
               let port = text.token(after: "\(marker)\(host) port ", until: " :\n\t").flatMap({ Int($0) }) {
                return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            }
        }
        if let address = text.token(after: "Failed connect to ", until: "; \n\t") { return address }
        return nil
    }
}
