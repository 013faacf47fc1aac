/// Phase durations of one request, in seconds, like curl -w's time_namelookup/connect/
/// appconnect/starttransfer split into phases (blackbox_exporter's resolve/connect/tls/
/// processing/transfer). A phase that did not happen is nil.
public struct HTTPPhaseTimings: Sendable, Codable, Equatable {
    public var dns: Double?
    public var connect: Double?
    /// CONNECT through a proxy (the tunnel set-up), when one was used for https.
    public var proxyConnect: Double?
    public var tls: Double?
    /// Request written → first response byte.
    public var ttfb: Double?
    /// First response byte → end of the body.
    public var transfer: Double?
    public var total: Double

    public init(dns: Double? = nil, connect: Double? = nil, proxyConnect: Double? = nil, tls: Double? = nil,
                ttfb: Double? = nil, transfer: Double? = nil, total: Double = 0) {
        self.dns = dns
        self.connect = connect
        self.proxyConnect = proxyConnect
        self.tls = tls
        self.ttfb = ttfb
        self.transfer = transfer
        self.total = total
    }
}

/// The proxy a request went through (credentials already redacted).
public struct HTTPProxyUse: Sendable, Codable, Equatable {
    public var url: String
    /// The proxy's answer to CONNECT ("200 Connection established", "403 Forbidden").
    public var connectStatus: String?
}

/// One request/response of a redirect chain.
public struct HTTPHop: Sendable, Codable, Equatable {
    public var method: String
    /// Redacted URL.
    public var url: String
    public var proxy: HTTPProxyUse?
    public var addresses: [ResolvedAddress]
    public var connectAttempts: [ConnectAttempt]
    public var tls: TLSHandshakeReport?
    public var tlsVerdict: ChainVerdict?
    public var status: Int?
    /// "404 Not Found", as the go command prints it.
    public var statusLine: String?
    /// Response headers in order (Set-Cookie values and credentials are not kept).
    public var headers: [HTTPHeaderField]
    public var location: String?
    public var contentType: String?
    public var bodyBytes: Int
    /// The body was cut at the size limit.
    public var bodyTruncated: Bool
    /// The go command's `server response:` detail for a non-200 text/plain body.
    public var serverResponse: String?
    public var timings: HTTPPhaseTimings
    public var failure: FailureClass?
}

public struct HTTPHeaderField: Sendable, Codable, Equatable {
    public var name: String
    public var value: String
}

/// What `gomod-doctor http` saw: the chain of hops and the verdict.
public struct HTTPEvidence: Sendable, Codable, Equatable {
    public var method: String
    public var url: String
    public var followRedirects: Bool
    public var hops: [HTTPHop]
    /// The redirect chain as URLs (first request first).
    public var chain: [String]
    public var finalStatus: Int?
    /// "success", "redirect", "not-found" (404/410: the go command tries the next proxy),
    /// "auth" (401/403/407), "client-error", "server-error"; nil without a response.
    public var statusClass: String?
    /// The error the go command would print for this fetch, when it would fail.
    public var goError: String?
}
