/// Classifies one go error. The rules run from the most specific and deepest cause up: a
/// transport error inside `verifying module: … Get "…": dial tcp …` is a TCP problem of the
/// checksum database step, not a checksum problem. Texts are those of Go 1.19
/// (cmd/go/internal/modfetch, cmd/go/internal/web, net, crypto/tls, crypto/x509) plus the
/// later wordings (`tls: failed to verify certificate: ` from Go 1.20).
public enum GoErrorClassifier {
    public static func classify(_ text: String, facts: GoErrorFacts, context: ExplainContext = ExplainContext()) -> GoErrorClassification {
        let own = ownWords(of: text)
        let stage = stage(of: own, facts: facts)
        var result = classifyLayer(own, facts: facts, stage: stage, context: context)
        result.stage = result.stage ?? stage
        return result
    }

    /// The text without the server's own words: web/api.go HTTPError appends the body of an
    /// error answer as `\n\tserver response: …`, and a proxy or checksum database often quotes
    /// its own upstream failure there (`dial tcp: lookup … no such host`) — that is not this
    /// machine's transport failing.
    static func ownWords(of text: String) -> String {
        guard let range = text.range(of: "\n\tserver response:") else { return text }
        return String(text[..<range.lowerBound])
    }

    static func classifyLayer(_ t: String, facts: GoErrorFacts, stage: String?, context: ExplainContext) -> GoErrorClassification {
        func c(_ layer: Layer, _ failureClass: String, _ cause: String, _ stage: String? = nil) -> GoErrorClassification {
            GoErrorClassification(layer: layer, failureClass: failureClass, cause: cause, stage: stage)
        }
        // Integrity and checksum database (modfetch/fetch.go, x/mod/sumdb/client.go).
        if t.contains("server misbehavior detected") { return c(.sumdb, "sumdb-misbehavior", "sumdb-misbehavior", "sumdb") }
        if t.contains("checksum mismatch") {
            let againstGoSum = t.contains("\tgo.sum:") || t.contains("\tgo.work.sum:") || t.contains("recorded in go.sum")
                || t.contains("go.sum:     ")
            return againstGoSum ? c(.integrity, "checksum-mismatch", "gosum-mismatch", "local")
                : c(.sumdb, "checksum-mismatch", "sumdb-mismatch", "sumdb")
        }
        if t.contains("missing go.sum entry") { return c(.integrity, "missing-gosum-entry", "missing-gosum-entry", "local") }
        if t.contains("malformed go.sum") { return c(.config, "invalid-config", "gosum-malformed", "local") }
        if t.contains("invalid GOSUMDB") || t.contains("missing GOSUMDB") { return c(.config, "invalid-config", "gosumdb-invalid", "config") }
        if t.contains("invalid signature for key") || t.contains("unknown key ") || t.contains("no verifiable signatures")
            || t.contains("malformed note") || t.contains("malformed verifier id") || t.contains("invalid verifier hash") {
            return c(.sumdb, "note", "gosumdb-key-mismatch", "sumdb")
        }
        if t.contains("checksum database disabled by GOSUMDB=off") { return c(.config, "disabled", "gosumdb-off", "config") }
        // Configuration alone (modfetch/proxy.go).
        if t.contains("invalid proxy URL") || t.contains("GOPROXY list is not the empty string") {
            return c(.config, "invalid-config", "goproxy-invalid", "config")
        }
        if t.contains("module lookup disabled by GOPROXY=off") {
            // proxy.go TryProxies reports errProxyOff for `p,off` too, when every entry before
            // `off` answered not-found (a not-found error ranks lowest; the last one wins).
            return context.goproxyHasEntriesBeforeOff ? c(.http, "not-found", "goproxy-off-after-not-found", "proxy")
                : c(.config, "not-found", "goproxy-off", "config")
        }
        if t.contains("disabled by -mod=vendor") { return c(.config, "disabled", "mod-vendor", "config") }
        if let toolchain = toolchainCause(t) { return toolchain }
        if t.contains("GOVCS disallows using") || t.contains("disallowed by GOVCS") || t.contains("GOVCS") && t.contains("disallowed") { return c(.config, "govcs", "govcs-disallowed", "direct") }
        if let git = gitCause(t) { return git }
        if let transport = transportCause(t, facts: facts) { return transport }
        // HTTP (cmd/go/internal/web/http.go).
        if t.contains("stopped after 10 redirects") { return c(.http, "too-many-redirects", "too-many-redirects") }
        if t.contains("redirected from secure URL") { return c(.http, "insecure-redirect", "insecure-redirect") }
        if let status = facts.status ?? statusInText(t) ?? gitStatus(t) ?? fileProxyStatus(t, facts: facts) {
            return statusCause(status, facts: facts, stage: stage)
        }
        // Module protocol (modfetch/proxy.go, coderepo.go, x/mod/zip).
        if t.contains("proxy returned info for version") { return c(.moduleProtocol, "version-mismatch", "proxy-version-mismatch", "proxy") }
        if t.contains("invalid response from proxy") { return c(.moduleProtocol, "invalid-response", "proxy-invalid-response", "proxy") }
        if t.contains("downloaded zip file too large") || t.contains("file too large") { return c(.moduleProtocol, "too-large", "zip-too-large") }
        if t.contains("has unexpected file") || t.contains("zip: not a valid zip file") { return c(.moduleProtocol, "bad-zip", "bad-zip") }
        if t.contains("unknown revision") || t.contains("invalid version") || t.contains("no matching versions") {
            return c(.moduleProtocol, "not-found", "unknown-version")
        }
        if t.contains("unrecognized import path") { return c(.http, "no-go-import", "go-get-discovery", "direct") }
        if t.contains("disabled by GOPRIVATE/GONOPROXY") { return c(.config, "not-found", "goprivate-skip", "config") }
        if t.contains("errors parsing go.mod") || t.contains("go.mod:") && t.contains("unknown directive") {
            return c(.config, "invalid-config", "gomod-invalid", "local")
        }
        return c(.config, "unknown", "unknown")
    }

    /// The standard library's transport errors (net, crypto/tls, crypto/x509, net/http).
    static func transportCause(_ t: String, facts: GoErrorFacts) -> GoErrorClassification? {
        func c(_ layer: Layer, _ failureClass: String, _ cause: String) -> GoErrorClassification {
            GoErrorClassification(layer: layer, failureClass: failureClass, cause: cause)
        }
        if t.contains("proxyconnect tcp") || t.contains("proxyconnect") { return c(.http, "proxy-connect", "https-proxy-unreachable") }
        if ConnectRefusal.find(in: t) != nil { return c(.http, "proxy-connect", "https-proxy-refused") }
        if t.contains("no such host") { return c(.dns, "nxdomain", "dns-nxdomain") }
        if t.contains("lookup ") && (t.contains("i/o timeout") || t.contains("connection refused") || t.contains("read udp")) {
            return c(.dns, "dns", "dns-server-unreachable")
        }
        if t.contains("server misbehaving") { return c(.dns, "servfail", "dns-servfail") }
        if t.contains("TLS handshake timeout") { return c(.tls, "handshake-timeout", "tls-handshake-timeout") }
        if t.contains("certificate signed by unknown authority") { return c(.tls, "unknown-authority", "tls-unknown-authority") }
        if t.contains("certificate has expired or is not yet valid") {
            return t.contains("is before") ? c(.tls, "not-yet-valid", "tls-not-yet-valid") : c(.tls, "expired", "tls-expired")
        }
        if t.contains("x509: certificate is valid for") || t.contains("x509: certificate is not valid for any names") {
            return c(.tls, "hostname-mismatch", "tls-hostname-mismatch")
        }
        if t.contains("first record does not look like a TLS handshake") || t.contains("server gave HTTP response to HTTPS client") {
            return c(.tls, "not-tls", "tls-not-tls")
        }
        if t.contains("remote error: tls:") { return c(.tls, "tls-alert", "tls-alert") }
        if t.contains("x509: ") || t.contains("tls: failed to verify certificate") { return c(.tls, "bad-certificate", "tls-bad-certificate") }
        // HTTP/2 (net/http h2_bundle.go in Go 1.19; net/http/internal/http2 errors.go, transport.go in Go 1.27).
        if t.contains("server sent GOAWAY") || t.contains("Transport received GOAWAY from server") { return c(.http, "http2-goaway", "http2-goaway") }
        if t.contains("stream error: stream ID") { return c(.http, "http2-stream", "http2-stream-error") }
        if t.contains("http2: client connection lost") || t.contains("connection error: PROTOCOL_ERROR")
            || t.contains("connection error: INTERNAL_ERROR") || t.contains("http2: client conn not usable") {
            return c(.http, "http2-connection", "http2-connection-error")
        }
        if t.contains("dial tcp") && t.contains("i/o timeout") { return c(.tcp, "timeout", "tcp-timeout") }
        if t.contains("connection refused") { return c(.tcp, "refused", "tcp-refused") }
        if t.contains("connection reset by peer") {
            return t.contains("handshake") ? c(.tls, "reset", "tls-reset") : c(.tcp, "reset", "tcp-reset")
        }
        if t.contains("network is unreachable") || t.contains("no route to host") {
            let ipv6 = facts.address?.hasPrefix("[") == true
            return c(.tcp, "unreachable", ipv6 ? "ipv6-unreachable" : "tcp-unreachable")
        }
        if t.contains("Client.Timeout exceeded") || t.contains("context deadline exceeded") || t.contains("i/o timeout") {
            return c(.http, "timeout", "http-timeout")
        }
        if t.hasSuffix(": EOF") || t.contains(": EOF\n") || t.contains("unexpected EOF") { return c(.http, "eof", "http-eof") }
        return nil
    }

    static func statusCause(_ status: Int, facts: GoErrorFacts, stage: String?) -> GoErrorClassification {
        // "Private module asked of a public server" only when the server that answered looks
        // public: a proxy on 127.0.0.1 or goproxy.corp.example can see private modules.
        let serverLooksPublic = facts.host.map { !PrivateModuleHeuristic.looksPrivate($0) } ?? true
        let looksPrivate = serverLooksPublic && (facts.module.map(PrivateModuleHeuristic.looksPrivate) ?? false)
        let stageName = stage ?? "proxy"
        func c(_ layer: Layer, _ failureClass: String, _ cause: String) -> GoErrorClassification {
            GoErrorClassification(layer: layer, failureClass: failureClass, cause: cause, stage: stageName)
        }
        let layer: Layer = stageName == "sumdb" ? .sumdb : .http
        switch status {
        case 404, 410:
            if stageName == "sumdb" { return c(layer, "not-found", looksPrivate ? "sumdb-private-module" : "sumdb-not-found") }
            if stageName == "direct" { return c(layer, "not-found", "direct-not-found") }
            return c(layer, "not-found", looksPrivate ? "proxy-private-module" : "proxy-not-found")
        case 401, 403, 407:
            return c(layer, "auth", stageName == "direct" ? "direct-auth" : (stageName == "sumdb" ? "sumdb-forbidden" : "proxy-forbidden"))
        case 429: return c(layer, "client-error", "rate-limited")
        case 500...599: return c(layer, "server-error", stageName == "sumdb" ? "sumdb-server-error" : "proxy-server-error")
        default: return c(layer, "client-error", "http-client-error")
        }
    }

    /// A `file://` GOPROXY answers a missing file as 404 and an unreadable one as 403
    /// (cmd/go/internal/web/url.go, api.go).
    static func fileProxyStatus(_ t: String, facts: GoErrorFacts) -> Int? {
        guard facts.url?.hasPrefix("file://") == true else { return nil }
        if t.contains("no such file or directory") || t.contains("cannot find the file") { return 404 }
        if t.contains("permission denied") { return 403 }
        return nil
    }

    /// `… 404 Not Found` without a URL before it (`server response:` forms, git over https).
    static func statusInText(_ t: String) -> Int? {
        for (code, phrase) in [(404, " 404 Not Found"), (410, " 410 Gone"), (403, " 403 Forbidden"), (401, " 401 Unauthorized"),
                               (429, " 429 Too Many Requests"), (500, " 500 Internal Server Error"), (502, " 502 Bad Gateway"),
                               (503, " 503 Service Unavailable"), (504, " 504 Gateway Timeout")] where t.contains(phrase) {
            return code
        }
        return nil
    }

    /// Which step of the download the text is about, from its URL and wording.
    static func stage(of t: String, facts: GoErrorFacts) -> String? {
        let url = facts.url ?? ""
        if url.contains("/lookup/") || url.contains("/sumdb/") || url.contains("/tile/") || (facts.host ?? "").hasPrefix("sum.golang") {
            return "sumdb"
        }
        if t.contains("verifying module:") || t.contains("verifying go.mod:") { return "sumdb" }
        if t.contains("unrecognized import path") || url.contains("go-get=1") || t.contains("git ls-remote") || t.contains("fatal: ") {
            return "direct"
        }
        if url.contains("/@v/") || url.contains("/@latest") { return "proxy" }
        return nil
    }
}
