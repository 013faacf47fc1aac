import Foundation

/// How the one HTTP client of the project behaves.
public struct HTTPClientOptions: Sendable {
    /// "GET" or "HEAD".
    public var method: String
    public var followRedirects: Bool
    /// Bodies are read up to this many bytes; a longer one is cut and reported as too large.
    public var maxBodyBytes: Int
    /// Go on over a TLS connection whose chain did not verify (GOINSECURE). Off by default:
    /// nothing is sent over a connection that did not verify.
    public var insecure: Bool
    /// The process environment (HTTP(S)_PROXY, NO_PROXY, SSL_CERT_FILE/DIR), passed as a value.
    public var environment: [String: String]
    public var userAgent: String
    /// The clock certificates are judged by.
    public var now: @Sendable () -> Date
    /// Trust roots, loaded once and shared: pass one store to every client of a run.
    public var trust: TrustStore
    /// Longest a dial (lookup and connect) may take within the deadline; nil: the deadline
    /// alone (the go command's own dial allows 30 s). `check` sets its per-attempt bound so a
    /// silent peer ends its fetch when its probe does, not at the deadline.
    public var dialTimeout: Duration?
    /// Lookups already made, by lowercased host: a dial to one of these hosts uses the answer
    /// instead of asking again (the endpoint probe's DNS layer asked once for all layers).
    public var resolved: [String: PlatformResolution] = [:]
    /// Lookups shared with the other requests of a run (nil: each dial looks its name up).
    public var sharedResolutions: SharedDialResolutions?
    /// Ports the run judged silent: a dial to one gives up at once (`SilentPeerBoard`).
    public var silentPeers: SilentPeerBoard?
    /// Longest wait for the first byte of an answer once a request (or CONNECT) was sent, and
    /// for the server's side of the TLS handshake; nil: the deadline alone (the go command has
    /// no such bound over http). A server that accepts and never answers then fails with
    /// "no-response" (or "handshake-timeout") at this bound instead of "timeout" at the deadline.
    public var firstByteTimeout: Duration?
    /// Stop once the proxy answered CONNECT (a 200 is success): judges the HTTPS_PROXY
    /// endpoint itself, not the server behind it. Only meaningful for https through a proxy.
    public var connectOnly: Bool = false
    /// Where a 2xx body goes, chunk by chunk as it arrives, instead of memory (a module zip of
    /// up to 500 MiB); `HTTPFetch.body` then holds only other bodies' first 64 KiB. nil: memory.
    public var bodyFile: HTTPBodyFile?
    /// Offer HTTP/2 in the TLS handshake (ALPN "h2", then "http/1.1"), as net/http's default
    /// transport does for the go command; off with GODEBUG=http2client=0 (net/http reads it
    /// from the process environment) and for GOINSECURE hosts (cmd/go/internal/web/http.go's
    /// insecure client has its own transport, which stays on HTTP/1.1).
    public var http2: Bool
    /// Word a GOAWAY with an error code on a connection's first stream as the transport bundled
    /// in Go 1.24 and later does: it fails that stream at once with "http2: Transport received
    /// GOAWAY from server ErrCode:…" (h2_bundle.go processGoAway: "Don't retry the first stream
    /// on a connection if we get a non-NO error"); otherwise GoAwayError's words, which older
    /// releases end with after their retries. The go command's release decides it.
    public var goAwayAbortsFirstStream = false

    public init(method: String = "GET", followRedirects: Bool = true, maxBodyBytes: Int = 16 << 20, insecure: Bool = false,
                environment: [String: String], userAgent: String = "gomod-doctor", now: @escaping @Sendable () -> Date = { Date() },
                trust: TrustStore? = nil, dialTimeout: Duration? = nil, firstByteTimeout: Duration? = nil) {
        self.trust = trust ?? TrustStore.shared(environment: environment)
        self.dialTimeout = dialTimeout
        self.firstByteTimeout = firstByteTimeout
        self.method = method
        self.followRedirects = followRedirects
        self.maxBodyBytes = maxBodyBytes
        self.insecure = insecure
        self.environment = environment
        self.userAgent = userAgent
        self.now = now
        self.http2 = !insecure && GoDebugSetting.http2ClientEnabled(environment["GODEBUG"] ?? "")
    }
}

/// A finished fetch: the evidence (every hop), the outcome, and the final body.
public struct HTTPFetch: Sendable {
    public var evidence: HTTPEvidence
    public var outcome: ProbeOutcome
    /// The last response's body, at most `maxBodyBytes`.
    public var body: [UInt8]
}

/// The project's HTTP client (HTTP/2 via ALPN, else HTTP/1.1): own dialer (phase timings), NIOSSL with the go command's
/// trust decisions, the go command's proxy and redirect rules. The HTTP probe and the
/// module-protocol client both use it, so what the doctor measures is what it fetches with.
///
/// Failure codes: dialer codes; "proxy-connect" (the proxy could not be reached or never
/// answered CONNECT), "proxy-connect-refused" (it answered CONNECT with a non-200); handshake
/// and chain codes (see TLSProbe); "no-response" (request sent, no byte within
/// `firstByteTimeout`), "timeout" (deadline mid-request), "reset", "eof", "too-large", "insecure-redirect",
/// "too-many-redirects", "redirect-loop", "bad-redirect", "http-status".
public struct HTTPClient: Sendable {
    public var options: HTTPClientOptions

    public init(options: HTTPClientOptions) {
        self.options = options
    }

    public func fetch(_ url: HTTPRequestURL, deadline: ProbeDeadline) async -> HTTPFetch {
        let selector = HTTPProxySelector(environment: options.environment)
        let runner = HTTPHopRunner(options: options, selector: selector)
        var evidence = HTTPEvidence(method: options.method, url: url.redacted, followRedirects: options.followRedirects,
                                    hops: [], chain: [url.redacted], finalStatus: nil, statusClass: nil, goError: nil)
        evidence.firstByteTimeoutSeconds = options.firstByteTimeout.map(PhaseClock.seconds)
        var walk = RedirectWalk(start: url)
        var current = url
        while true {
            let (hop, response) = await runner.run(current, deadline: deadline)
            evidence.hops.append(hop)
            evidence.proxy = hop.proxy?.url
            evidence.proxyConnectStatusCode = hop.proxy?.connectStatusCode
            evidence.proxyConnectStatusLine = hop.proxy?.connectStatusLine
            if let failure = hop.failure {
                evidence.goError = hop.tlsVerdict?.goError ?? failure.detail
                if failure.code == "proxy-connect-refused", let line = hop.proxy?.connectStatusLine {
                    evidence.goError = Self.connectRefusedGoError(method: options.method, url: current.redacted, statusLine: line)
                }
                return HTTPFetch(evidence: evidence, outcome: .failed(failure), body: response?.body ?? [])
            }
            if options.connectOnly, hop.proxy?.connectStatusCode == 200 {
                return HTTPFetch(evidence: evidence, outcome: .ok, body: [])
            }
            guard let response else {
                return HTTPFetch(evidence: evidence, outcome: .failed(FailureClass("other", "no response")), body: [])
            }
            let status = Int(response.head.status.code)
            evidence.finalStatus = status
            evidence.statusClass = Self.statusClass(status)
            if options.followRedirects, RedirectWalk.isRedirect(status), let location = hop.location {
                let next: HTTPRequestURL
                do {
                    next = try current.resolve(location)
                } catch {
                    let failure = FailureClass("bad-redirect", error.description)
                    evidence.goError = failure.detail
                    return HTTPFetch(evidence: evidence, outcome: .failed(failure), body: response.body)
                }
                switch walk.redirect(to: next) {
                case .follow(let target):
                    evidence.chain.append(target.redacted)
                    current = target
                    continue
                case .stop(let failure):
                    evidence.chain.append(next.redacted)
                    evidence.goError = failure.detail
                    return HTTPFetch(evidence: evidence, outcome: .failed(failure), body: response.body)
                }
            }
            return finish(evidence: evidence, hop: hop, response: response, url: current)
        }
    }

    func finish(evidence: HTTPEvidence, hop: HTTPHop, response: CollectedResponse, url: HTTPRequestURL) -> HTTPFetch {
        var evidence = evidence
        let status = Int(response.head.status.code)
        if (200..<300).contains(status) || (!options.followRedirects && RedirectWalk.isRedirect(status)) {
            return HTTPFetch(evidence: evidence, outcome: .ok, body: response.body)
        }
        // cmd/go/internal/web/api.go HTTPError.Error
        let goError = HTTPErrorDetail.goError(url: url.redacted, status: hop.statusLine ?? "\(status)", detail: hop.serverResponse ?? "")
        evidence.goError = goError
        return HTTPFetch(evidence: evidence, outcome: .failed(FailureClass("http-status", goError)), body: response.body)
    }

    /// The go command's error for a non-200 CONNECT answer: net/http transport.go dialConn
    /// (Go 1.19 /usr/lib/go-1.19/src/net/http/transport.go:1721, Go 1.27 :2036) returns
    /// `errors.New(text)` where text is the status after its code (`strings.Cut(resp.Status, " ")`,
    /// "unknown status code" without one), and client.go wraps it in a url.Error:
    /// `Get "<url>": Forbidden` (urlErrorOp: the method with only its first letter upper case).
    public static func connectRefusedGoError(method: String, url: String, statusLine: String) -> String {
        // net/http/response.go ReadResponse: Status is the line after "HTTP/x.y ", spaces trimmed.
        let status = statusLine.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).dropFirst().first
            .map { $0.drop { $0 == " " } } ?? ""
        let text = status.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map(String.init)
        let op = method.prefix(1).uppercased() + method.dropFirst().lowercased()
        return "\(op) \"\(url)\": \(text ?? "unknown status code")"
    }

    /// Bounded class of a status (see HTTPEvidence.statusClass).
    public static func statusClass(_ status: Int) -> String {
        switch status {
        case 200..<300: return "success"
        case 300..<400: return "redirect"
        case 404, 410: return "not-found"
        case 401, 403, 407: return "auth"
        case 400..<500: return "client-error"
        default: return "server-error"
        }
    }
}
