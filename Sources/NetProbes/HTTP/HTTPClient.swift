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

    public init(method: String = "GET", followRedirects: Bool = true, maxBodyBytes: Int = 16 << 20, insecure: Bool = false,
                environment: [String: String], userAgent: String = "gomod-doctor", now: @escaping @Sendable () -> Date = { Date() },
                trust: TrustStore? = nil, dialTimeout: Duration? = nil) {
        self.trust = trust ?? TrustStore(environment: environment)
        self.dialTimeout = dialTimeout
        self.method = method
        self.followRedirects = followRedirects
        self.maxBodyBytes = maxBodyBytes
        self.insecure = insecure
        self.environment = environment
        self.userAgent = userAgent
        self.now = now
    }
}

/// A finished fetch: the evidence (every hop), the outcome, and the final body.
public struct HTTPFetch: Sendable {
    public var evidence: HTTPEvidence
    public var outcome: ProbeOutcome
    /// The last response's body, at most `maxBodyBytes`.
    public var body: [UInt8]
}

/// The project's HTTP/1.1 client: own dialer (phase timings), NIOSSL with the go command's
/// trust decisions, the go command's proxy and redirect rules. The HTTP probe and the
/// module-protocol client both use it, so what the doctor measures is what it fetches with.
///
/// Failure codes: dialer codes; "proxy-connect"; handshake and chain codes (see TLSProbe);
/// "timeout" (deadline mid-request), "reset", "eof", "too-large", "insecure-redirect",
/// "too-many-redirects", "redirect-loop", "bad-redirect", "http-status".
public struct HTTPClient: Sendable {
    public var options: HTTPClientOptions

    public init(options: HTTPClientOptions) {
        self.options = options
    }

    public func fetch(_ url: HTTPRequestURL, deadline: ProbeDeadline) async -> HTTPFetch {
        let selector = HTTPProxySelector(environment: options.environment)
        let runner = HTTPHopRunner(options: options, selector: selector, verifier: options.trust.verifier)
        var evidence = HTTPEvidence(method: options.method, url: url.redacted, followRedirects: options.followRedirects,
                                    hops: [], chain: [url.redacted], finalStatus: nil, statusClass: nil, goError: nil)
        var walk = RedirectWalk(start: url)
        var current = url
        while true {
            let (hop, response) = await runner.run(current, deadline: deadline)
            evidence.hops.append(hop)
            if let failure = hop.failure {
                evidence.goError = hop.tlsVerdict?.goError ?? failure.detail
                return HTTPFetch(evidence: evidence, outcome: .failed(failure), body: response?.body ?? [])
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
