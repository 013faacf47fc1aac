import Testing
@testable import Doctor

/// Every error text of the reference catalog (go-module-machinery.md §7), with the layer,
/// class and cause `explain` must give it.
struct ExplainCatalogTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var layer: Layer
        var failureClass: String
        var cause: String
        var testDescription: String { String(text.prefix(60)) }
    }

    static let cases: [Case] = [
        Case(text: "go: rsc.io/quote@v1.9.0: reading https://proxy.golang.org/rsc.io/quote/@v/v1.9.0.info: 404 Not Found\n\tserver response: not found: unknown revision v1.0.0",
             layer: .http, failureClass: "not-found", cause: "proxy-not-found"),
        Case(text: "go: github.com/acme/x@v1.2.3: reading https://goproxy.cn/github.com/acme/x/@v/v1.2.3.mod: 410 Gone",
             layer: .http, failureClass: "not-found", cause: "proxy-not-found"),
        Case(text: "go: git.corp.example.com/team/lib@v1.0.0: reading https://proxy.golang.org/git.corp.example.com/team/lib/@v/v1.0.0.mod: 404 Not Found",
             layer: .http, failureClass: "not-found", cause: "proxy-private-module"),
        Case(text: "go: github.com/google/uuid@v1.2.0: reading https://goproxy.example.com/github.com/google/uuid/@v/v1.2.0.info: 403 Forbidden",
             layer: .http, failureClass: "auth", cause: "proxy-forbidden"),
        Case(text: "go: github.com/google/uuid@v1.2.0: reading https://goproxy.example.com/github.com/google/uuid/@v/v1.2.0.info: 502 Bad Gateway",
             layer: .http, failureClass: "server-error", cause: "proxy-server-error"),
        Case(text: "go: github.com/google/uuid@v1.2.0: module lookup disabled by GOPROXY=off",
             layer: .config, failureClass: "not-found", cause: "goproxy-off"),
        Case(text: "go: git.corp.example.com/lib@v1.0.0: module git.corp.example.com/lib: disabled by GOPRIVATE/GONOPROXY",
             layer: .config, failureClass: "not-found", cause: "goprivate-skip"),
        Case(text: "go: invalid proxy URL missing scheme: foo", layer: .config, failureClass: "invalid-config", cause: "goproxy-invalid"),
        Case(text: "go: invalid proxy URL scheme (must be https, http, file): ftp://x", layer: .config, failureClass: "invalid-config", cause: "goproxy-invalid"),
        Case(text: "go: GOPROXY list is not the empty string, but contains no entries", layer: .config, failureClass: "invalid-config", cause: "goproxy-invalid"),
        Case(text: "go: example.com/m@v1.0.1: proxy returned info for version v1.0.0 instead of requested version",
             layer: .moduleProtocol, failureClass: "version-mismatch", cause: "proxy-version-mismatch"),
        Case(text: "go: example.com/m@v1.0.1: invalid response from proxy \"https://p.example\": invalid character '<' looking for beginning of value",
             layer: .moduleProtocol, failureClass: "invalid-response", cause: "proxy-invalid-response"),
        Case(text: "go: example.com/m@v1.0.1: downloaded zip file too large", layer: .moduleProtocol, failureClass: "too-large", cause: "zip-too-large"),
        Case(text: "verifying github.com/kr/text@v0.2.0: checksum mismatch\n\tdownloaded: h1:AAA=\n\tgo.sum:     h1:BBB=\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\nThe bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\nFor more information, see 'go help module-auth'.",
             layer: .integrity, failureClass: "checksum-mismatch", cause: "gosum-mismatch"),
        Case(text: "go: github.com/kr/text@v0.2.0: verifying module: checksum mismatch\n\tdownloaded: h1:AAA=\n\tsum.golang.org: h1:BBB=\n\nSECURITY ERROR\nThis download does NOT match the one reported by the checksum server.\n\nFor more information, see 'go help module-auth'.",
             layer: .sumdb, failureClass: "checksum-mismatch", cause: "sumdb-mismatch"),
        Case(text: "go: git.corp.example.com/team/lib@v1.0.0: verifying module: git.corp.example.com/team/lib@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example.com/team/lib@v1.0.0: 410 Gone\n\tserver response: not found",
             layer: .sumdb, failureClass: "not-found", cause: "sumdb-private-module"),
        Case(text: "go: golang.org/toolchain@v0.0.1-go1.21.3.linux-amd64: checksum database disabled by GOSUMDB=off",
             layer: .config, failureClass: "disabled", cause: "gosumdb-off"),
        Case(text: "go: verifying module: SECURITY ERROR\ngo.sum database server misbehavior detected!\n\nold database:\n\tgo.sum database tree\n\nproof of misbehavior:\n\tT7i+H/8ER4nXOiw4Bj0k",
             layer: .sumdb, failureClass: "sumdb-misbehavior", cause: "sumdb-misbehavior"),
        Case(text: "main.go:4:2: missing go.sum entry for module providing package github.com/google/uuid (imported by example.com/app); to add:\n\tgo get example.com/app",
             layer: .integrity, failureClass: "missing-gosum-entry", cause: "missing-gosum-entry"),
        Case(text: "go: github.com/google/uuid@v1.2.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download github.com/google/uuid",
             layer: .integrity, failureClass: "missing-gosum-entry", cause: "missing-gosum-entry"),
        Case(text: "go: git.corp.example.com/lib@v1.0.0: unrecognized import path \"git.corp.example.com/lib\": https fetch: Get \"https://git.corp.example.com/lib?go-get=1\": dial tcp 10.1.2.3:443: connect: connection refused",
             layer: .tcp, failureClass: "refused", cause: "tcp-refused"),
        Case(text: "go: example.com/m@v1.0.0: unrecognized import path \"example.com/m\": reading https://example.com/m?go-get=1: 404 Not Found",
             layer: .http, failureClass: "not-found", cause: "direct-not-found"),
        Case(text: "go: example.com/m@v1.0.0: unrecognized import path \"example.com/m\": parse https://example.com/m?go-get=1: no go-import meta tags ()",
             layer: .http, failureClass: "no-go-import", cause: "go-get-discovery"),
        Case(text: "go: example.com/m@v1.0.0: Get \"https://example.com/m?go-get=1\": stopped after 10 redirects",
             layer: .http, failureClass: "too-many-redirects", cause: "too-many-redirects"),
        Case(text: "go: example.com/m@v1.0.0: redirected from secure URL https://example.com/m?go-get=1 to insecure URL http://example.com/m?go-get=1",
             layer: .http, failureClass: "insecure-redirect", cause: "insecure-redirect"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": dial tcp 142.250.1.1:443: i/o timeout",
             layer: .tcp, failureClass: "timeout", cause: "tcp-timeout"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host",
             layer: .dns, failureClass: "nxdomain", cause: "dns-nxdomain"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": dial tcp: lookup proxy.golang.org on 10.9.9.9:53: read udp 10.0.0.2:40000->10.9.9.9:53: i/o timeout",
             layer: .dns, failureClass: "dns", cause: "dns-server-unreachable"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": dial tcp 142.250.1.1:443: connect: connection refused",
             layer: .tcp, failureClass: "refused", cause: "tcp-refused"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": read tcp 10.0.0.2:51000->142.250.1.1:443: read: connection reset by peer",
             layer: .tcp, failureClass: "reset", cause: "tcp-reset"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused",
             layer: .http, failureClass: "proxy-connect", cause: "https-proxy-unreachable"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": net/http: TLS handshake timeout",
             layer: .tls, failureClass: "handshake-timeout", cause: "tls-handshake-timeout"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": x509: certificate signed by unknown authority",
             layer: .tls, failureClass: "unknown-authority", cause: "tls-unknown-authority"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
             layer: .tls, failureClass: "unknown-authority", cause: "tls-unknown-authority"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": x509: certificate has expired or is not yet valid: current time 2026-11-26T02:00:00Z is after 2025-01-01T00:00:00Z",
             layer: .tls, failureClass: "expired", cause: "tls-expired"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": x509: certificate is valid for wrong.example, not proxy.golang.org",
             layer: .tls, failureClass: "hostname-mismatch", cause: "tls-hostname-mismatch"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.example.com:8080/github.com/google/uuid/@v/v1.2.0.info\": tls: first record does not look like a TLS handshake",
             layer: .tls, failureClass: "not-tls", cause: "tls-not-tls"),
        Case(text: "go: github.com/kr/text@v0.2.0/go.mod: verifying module: github.com/kr/text@v0.2.0/go.mod: Get \"https://sum.golang.org/lookup/github.com/kr/text@v0.2.0\": dial tcp 172.217.160.81:443: i/o timeout",
             layer: .tcp, failureClass: "timeout", cause: "tcp-timeout"),
        Case(text: "go: invalid GOSUMDB: malformed verifier id", layer: .config, failureClass: "invalid-config", cause: "gosumdb-invalid"),
        Case(text: "go: github.com/google/uuid@v1.2.0: verifying go.mod: github.com/google/uuid@v1.2.0/go.mod: invalid signature for key sum.golang.org+033de0ae",
             layer: .sumdb, failureClass: "note", cause: "gosumdb-key-mismatch"),
        Case(text: "go: github.com/google/uuid@v1.2.0: module lookup disabled by -mod=vendor", layer: .config, failureClass: "disabled", cause: "mod-vendor"),
        Case(text: "go: download go1.99.1 for linux/amd64: toolchain not available", layer: .config, failureClass: "not-found", cause: "toolchain-unavailable"),
        Case(text: "go: github.com/google/uuid@v1.2.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info\": dial tcp [2607:f8b0:4004::11]:443: connect: network is unreachable",
             layer: .tcp, failureClass: "unreachable", cause: "ipv6-unreachable"),
        Case(text: "go: github.com/acme/private@v1.0.0: invalid version: git ls-remote -q origin in /tmp/x: exit status 128:\n\tfatal: could not read Username for 'https://github.com': terminal prompts disabled",
             layer: .http, failureClass: "auth", cause: "git-auth"),
    ]

    @Test(arguments: cases)
    func classifies(_ item: Case) {
        let explanations = ErrorExplanation.explainAll(item.text)
        #expect(explanations.count == 1)
        let result = explanations.first?.classification
        #expect(result?.layer == item.layer)
        #expect(result?.failureClass == item.failureClass)
        #expect(result?.cause == item.cause)
    }
}
