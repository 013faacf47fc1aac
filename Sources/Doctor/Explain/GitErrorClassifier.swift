/// git's own failures inside a direct fetch (`git ls-remote -q origin …: exit status 128:`
/// followed by git's stderr, tab-indented — cmd/go/internal/modfetch/codehost/git.go, codehost.go
/// RunError). git reports through curl (https) or OpenSSH (ssh), so the wording is theirs; the
/// layer is the one the wording names (curl's "Could not resolve host" is a DNS failure).
extension GoErrorClassifier {
    static func gitCause(_ t: String) -> GoErrorClassification? {
        func c(_ layer: Layer, _ failureClass: String, _ cause: String) -> GoErrorClassification {
            GoErrorClassification(layer: layer, failureClass: failureClass, cause: cause, stage: "direct")
        }
        // curl's CONNECT through HTTPS_PROXY refused: the proxy said no, not the origin.
        if t.contains("from proxy after CONNECT") || t.contains("CONNECT tunnel failed") {
            return c(.http, "proxy-connect", "https-proxy-refused")
        }
        // Name resolution: curl cannot tell NXDOMAIN from a resolver failure.
        if t.contains("Could not resolve host: ") || t.contains("Could not resolve proxy: ") || t.contains("Could not resolve hostname ") {
            return c(.dns, "dns", "dns-unresolved")
        }
        // TCP connect (curl `Failed to connect to H port P…: <reason>`, ssh `connect to host H port P: <reason>`).
        let connecting = t.contains("Failed to connect to ") || t.contains("Failed connect to ") || t.contains("connect to host ")
        if connecting || t.contains("Connection timed out after ") {
            if t.contains("Connection timed out") || t.contains("Timeout was reached") || t.contains("Operation timed out") {
                return c(.tcp, "timeout", "tcp-timeout")
            }
            if t.contains("Connection refused") { return c(.tcp, "refused", "tcp-refused") }
            if t.contains("No route to host") || t.contains("Network is unreachable") { return c(.tcp, "unreachable", "tcp-unreachable") }
            if t.contains("Couldn't connect to server") || t.contains("Could not connect to server") { return c(.tcp, "connect-failed", "tcp-connect-failed") }
        }
        // TLS (OpenSSL and GnuTLS builds of curl).
        if t.contains("SSL certificate problem: certificate has expired") { return c(.tls, "expired", "tls-expired") }
        if t.contains("SSL certificate problem: ") || t.contains("server certificate verification failed")
            || t.contains("SSL: certificate verification failed") {
            return c(.tls, "unknown-authority", "tls-unknown-authority")
        }
        if t.contains("no alternative certificate subject name matches") || t.contains("does not match target host name") {
            return c(.tls, "hostname-mismatch", "tls-hostname-mismatch")
        }
        if t.contains("SSL_ERROR_SYSCALL") || t.contains("gnutls_handshake() failed") || t.contains("OpenSSL SSL_connect: Connection reset by peer") {
            return c(.tls, "reset", "tls-reset")
        }
        // Credentials (curl asking for a user name; ssh key refused).
        if t.contains("terminal prompts disabled") || t.contains("could not read Username") || t.contains("could not read Password")
            || t.contains("Permission denied (publickey") || t.contains("Authentication failed for") {
            return c(.http, "auth", "git-auth")
        }
        // The server says the repository is not there (or these credentials cannot see it).
        if t.contains("remote: Repository not found") || (t.contains("fatal: repository '") && t.contains("' not found")) {
            return c(.http, "not-found", "git-repo-not-found")
        }
        return nil
    }

    /// curl's `The requested URL returned error: 403` (git over dumb or smart https).
    static func gitStatus(_ t: String) -> Int? {
        t.token(after: "The requested URL returned error: ", until: " \n\t").flatMap { Int($0) }
    }
}
