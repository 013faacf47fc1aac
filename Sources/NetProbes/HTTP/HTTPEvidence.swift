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
    /// Its status code (200 when the tunnel was made); nil when the proxy never answered.
    public var connectStatusCode: Int?
    /// The raw status line ("HTTP/1.0 403 Access violation").
    public var connectStatusLine: String?
    /// The challenge of a 407 ("Basic realm=\"corp\""): the proxy wants credentials.
    public var proxyAuthenticate: String?
    /// The first line of a text/plain refusal body that came with the answer (a deny reason).
    public var connectBody: String?
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
    /// The protocol the exchange used, as Go's Response.Proto names it: "HTTP/2.0" (ALPN h2) or
    /// "HTTP/1.1"; nil when no request was sent.
    public var httpVersion: String? = nil
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
    /// The proxy the (last) request went through, redacted; nil when it went direct. Lets
    /// Doctor tell "refused by HTTPS_PROXY" from "refused by the server" without reading text.
    public var proxy: String?
    /// The proxy's CONNECT answer on the last hop (200 when the tunnel was made); nil when no
    /// CONNECT was sent or the proxy never answered. A non-200 fails the fetch with
    /// "proxy-connect-refused".
    public var proxyConnectStatusCode: Int?
    /// Its raw status line ("HTTP/1.0 403 Access violation").
    public var proxyConnectStatusLine: String?
    /// The first-byte bound the requests had (seconds); nil: only the deadline.
    public var firstByteTimeoutSeconds: Double?
    /// When the exchange failed at the HTTP/2 layer (a stream reset, GOAWAY): whether the same
    /// request over HTTP/1.1 was answered. True means only this server's HTTP/2 is broken.
    public var http11Answered: Bool?

    public init(method: String, url: String, followRedirects: Bool, hops: [HTTPHop] = [], chain: [String] = [],
                finalStatus: Int? = nil, statusClass: String? = nil, goError: String? = nil) {
        self.method = method
        self.url = url
        self.followRedirects = followRedirects
        self.hops = hops
        self.chain = chain
        self.finalStatus = finalStatus
        self.statusClass = statusClass
        self.goError = goError
    }
}
