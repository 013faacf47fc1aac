import Foundation
import GoModConfig
import NetProbes

/// The real transport: http(s) through the project's one `HTTPClient` (the go command's
/// proxy, redirect and TLS rules), file:// from the file system as cmd/go/internal/web getFile
/// does (missing file = 404, permission error = 403).
public struct HTTPModuleTransport: ModuleTransport {
    public var environment: [String: String]
    /// Loaded once for all requests of this transport.
    let trust: TrustStore
    /// Longest a dial may take within the deadline (HTTPClientOptions.dialTimeout); nil: no bound of its own.
    public var dialTimeout: Duration?
    /// Which credentials go with https requests: exactly those the go command would send (GOAUTH).
    public var auth: GoAuthCredentials
    /// The go command whose texts the failures carry; nil: a current one (1.20 or later).
    public var goRelease: GoReleaseVersion?
    /// Name lookups shared by every request of this transport (a run): see SharedDialResolutions.
    let resolutions = SharedDialResolutions()
    /// Ports the run's endpoint probes judged silent: a dial to one gives up at once.
    public var silentPeers: SilentPeerBoard?

    public init(environment: [String: String], auth: GoAuthCredentials, goRelease: GoReleaseVersion? = nil, dialTimeout: Duration? = nil) {
        self.environment = environment
        self.auth = auth
        self.goRelease = goRelease
        self.dialTimeout = dialTimeout
        trust = TrustStore.shared(environment: environment)
    }

    /// One GET; with `file`, a 2xx body is streamed there (see `download`).
    func request(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline, into file: HTTPBodyFile?) async -> TransportResponse {
        let start = ContinuousClock.now
        let target: HTTPRequestURL
        do {
            target = try HTTPRequestURL(url)
        } catch {
            return TransportResponse(url: url, status: nil,
                                     failure: FetchFailure(layer: .config, failureClass: "bad-url", message: error.description))
        }
        // The client itself tells "more than maxBodyBytes" (too-large) from "exactly": no +1, so its
        // failure names the real limit.
        var options = HTTPClientOptions(maxBodyBytes: maxBodyBytes, insecure: insecure, environment: environment,
                                        userAgent: "Go-http-client/1.1", trust: trust, dialTimeout: dialTimeout, firstByteTimeout: dialTimeout)
        options.bodyFile = file
        options.sharedResolutions = resolutions
        options.silentPeers = silentPeers
        // 1.22 and 1.23 were not checked; an unknown release is taken to be a current one.
        options.goAwayAbortsFirstStream = goRelease.map { $0.atLeast(1, 24) } ?? true
        // cmd/go/internal/web/http.go: .netrc credentials go with https requests only.
        var sent = target
        var usedNetrc = false
        if target.isSecure, let invalid = auth.invalidSetting {
            // auth.go: the go command exits at its first https request when GOAUTH is malformed.
            return TransportResponse(url: target.redacted, status: nil,
                                     failure: FetchFailure(layer: .config, failureClass: "goauth-invalid", message: invalid.message))
        }
        if target.isSecure, target.user == nil, let credentials = auth.basicCredentials(for: target) {
            sent.user = Self.userinfoEscape(credentials.login)
            sent.password = Self.userinfoEscape(credentials.password)
            usedNetrc = true
        }
        var fetch = await HTTPClient(options: options).fetch(sent, deadline: deadline)
        if usedNetrc, var goError = fetch.evidence.goError {
            // The go command's texts name the URL as written, without the credentials it added.
            goError = goError.replacingOccurrences(of: "https://\(SecretRedactor.mask)@", with: "https://")
            fetch.evidence.goError = goError
        }
        if let failure = fetch.outcome.failure, Self.isCertificateVerification(failure.code),
           goRelease.map({ $0.atLeast(1, 20) }) ?? true, let goError = fetch.evidence.goError {
            fetch.evidence.goError = Self.wrappedAsVerificationError(goError)
        }
        let seconds = Self.seconds(since: start)
        let status = fetch.evidence.finalStatus
        // No copy when the body is within the limit (it always is: the client keeps at most that many bytes).
        let body = fetch.body.count > maxBodyBytes ? Array(fetch.body.prefix(maxBodyBytes)) : fetch.body
        var response = TransportResponse(url: target.redacted, status: status, body: body,
                                         bodyTruncated: fetch.body.count > maxBodyBytes, evidence: fetch.evidence, seconds: seconds)
        response.sentNetrcCredentials = usedNetrc ? true : nil
        if fetch.outcome.isOK, status == 200 { response.bodyFile = file }
        if let failure = fetch.outcome.failure {
            var mapped = FetchFailure.from(http: failure, status: status, goError: fetch.evidence.goError, hop: fetch.evidence.hops.last)
            // net/http wraps every transport error in a url.Error: `Get "<url>": …`, naming the
            // URL being requested (a refused redirect names its target).
            if failure.code != "http-status", !mapped.message.hasPrefix("Get \"") {
                mapped.message = "Get \"\(fetch.evidence.chain.last ?? target.redacted)\": " + mapped.message
            }
            response.failure = mapped
        } else if status != 200 {
            // Only 200 is success for the go command (web.Response.Err); 2xx others included.
            let line = fetch.evidence.hops.last?.statusLine ?? status.map(String.init) ?? "?"
            response.failure = FetchFailure(layer: .http, failureClass: HTTPClient.statusClass(status ?? 0),
                                            message: HTTPErrorDetail.goError(url: target.redacted, status: line, detail: ""))
        }
        return response
    }

    // cmd/go/internal/web/http.go getFile, api.go HTTPError.Error
    func getFile(_ url: String, maxBodyBytes: Int) -> TransportResponse {
        let start = ContinuousClock.now
        guard let path = URL(string: url)?.path, !path.isEmpty else {
            return TransportResponse(url: url, status: nil, failure: FetchFailure(
                layer: .config, failureClass: "bad-url", message: "invalid file:// proxy URL with non-path elements: \(url)"))
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return TransportResponse(url: url, status: 404, failure: FetchFailure(
                layer: .http, failureClass: "not-found", message: "reading \(url): no such file or directory"), seconds: Self.seconds(since: start))
        }
        guard manager.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            return TransportResponse(url: url, status: 403, failure: FetchFailure(
                layer: .http, failureClass: "auth", message: "reading \(url): permission denied"), seconds: Self.seconds(since: start))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBodyBytes + 1)) ?? Data()
        return TransportResponse(url: url, status: 200, body: Array(data.prefix(maxBodyBytes)), bodyTruncated: data.count > maxBodyBytes,
                                 seconds: Self.seconds(since: start))
    }

    /// Failures crypto/x509's Certificate.Verify reports (dates, host name, no path to a root),
    /// which crypto/tls since Go 1.20 wraps in a CertificateVerificationError
    /// (crypto/tls/handshake_client.go verifyServerCertificate, common.go Error).
    static func isCertificateVerification(_ code: String) -> Bool {
        ["expired", "not-yet-valid", "hostname-mismatch", "self-signed", "unknown-authority"].contains(code)
    }

    /// "… x509: …" becomes "… tls: failed to verify certificate: x509: …", as Go 1.20+ prints it.
    static func wrappedAsVerificationError(_ goError: String) -> String {
        let wrapper = "tls: failed to verify certificate: "
        guard !goError.contains(wrapper) else { return goError }
        if goError.hasPrefix("x509: ") { return wrapper + goError }
        guard let range = goError.range(of: ": x509: ") else { return goError }
        return goError.replacingCharacters(in: range, with: ": " + wrapper + "x509: ")
    }

    static func userinfoEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
