import Foundation
import GoModConfig

/// What one GOPROXY entry did for one file of one module.
public struct StepAttempt: Sendable, Equatable, Codable {
    /// "proxy", "direct", "noproxy", "off".
    public var kind: String
    /// The proxy URL (redacted), nil for the keywords.
    public var source: String?
    /// The request made, absent when the entry answered without one (skip, off).
    public var request: TransportResponse?
    /// The `@v/list` request of an `@latest` fallback.
    public var fallbackRequest: TransportResponse?
    /// Direct mode: discovery and VCS reachability.
    public var direct: DirectProbeReport?
    public var failure: FetchFailure?

    public init(kind: String, source: String?, request: TransportResponse? = nil, direct: DirectProbeReport? = nil, failure: FetchFailure?) {
        self.kind = kind
        self.source = source
        self.request = request
        self.direct = direct
        self.failure = failure
    }

    /// "https://proxy.example", or the keyword.
    public var sourceName: String { source ?? kind }
}

/// The walk of one file (`info`, `mod`, `zip`, `list`, `latest`) over the route.
public struct FileWalk: Sendable, Equatable, Codable {
    public var file: ProxyFile
    public var attempts: [StepAttempt]
    /// The entry that served the file, nil when the walk failed.
    public var servedBy: String?
    /// The error the go command would report (ranked), nil on success.
    public var failure: FetchFailure?
    public var info: ProxyInfo?
    public var versions: [String]?

    /// The URL of the request behind the reported (ranked) failure: the attempt whose failure
    /// it is — its proxy request, else its direct-mode VCS or discovery request.
    /// When the reported error belongs to an entry that sent nothing (`off` after proxies that
    /// all said "not found": proxy.go ranks errProxyOff like a 404), the last request that was
    /// answered "not found" decided it: that proxy is where the module is missing.
    public var failedURL: String? {
        guard let failure, let attempt = attempts.first(where: { $0.failure == failure }) else { return nil }
        if let url = Self.url(of: attempt) { return url }
        return attempts.last { $0.failure?.isNotFound == true && Self.url(of: $0) != nil }.flatMap(Self.url(of:))
    }

    /// The URL an attempt asked, nil for an entry that sent nothing.
    static func url(of attempt: StepAttempt) -> String? {
        if let request = attempt.fallbackRequest ?? attempt.request { return request.url }
        guard let direct = attempt.direct else { return nil }
        return (direct.vcsRequest ?? direct.discovery.last)?.url
    }
}
