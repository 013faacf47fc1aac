import NetProbes

extension EndpointRules {
    /// The server broke HTTP/2 (a stream reset, a GOAWAY): the go command speaks h2 to every
    /// https server that offers it (net/http's default transport) and never falls back. When the
    /// same request over HTTP/1.1 was answered, only h2 is broken, and GODEBUG=http2client=0 —
    /// read by net/http from the go command's own environment, so `go env -w` cannot set it —
    /// makes the go command use HTTP/1.1.
    func http2Finding(_ http: EndpointFacts.HTTP, _ failure: FailureClass) -> Finding {
        var evidence = [failure.detail]
        guard http.http11Answered == true else {
            if http.http11Answered == false { evidence.append("over HTTP/1.1 it did not answer either") }
            return finding("endpoint.http.failed", .http, .failure, arguments: ["code": failure.code], evidence: evidence,
                           commands: ["gomod-doctor http \(target.url) -v"])
        }
        evidence.append("the same request over HTTP/1.1 was answered: only this server's HTTP/2 is broken")
        return finding("endpoint.http.h2-broken", .http, .failure, arguments: ["code": failure.code, "error": failure.detail],
                       evidence: evidence, commands: [Self.http2OffCommand, "curl -sv --http1.1 -o /dev/null \(target.url)",
                                                      "curl -sv --http2 -o /dev/null \(target.url)"])
    }

    /// Turns HTTP/2 off in the go command's client, keeping any other GODEBUG settings.
    static let http2OffCommand = "export GODEBUG=\"${GODEBUG:+$GODEBUG,}http2client=0\""
}
