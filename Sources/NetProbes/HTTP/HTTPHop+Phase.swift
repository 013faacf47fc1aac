/// How far one request got, read from what the hop recorded (never from failure text): a
/// "timeout" after TCP connected is a stall of TLS or HTTP, not of TCP.
public enum HTTPHopPhase: String, Sendable, Codable {
    /// Name resolution or TCP connect did not finish.
    case dial
    /// Connected to the proxy; its answer to CONNECT did not come.
    case proxyConnect
    /// Connected; the TLS handshake did not finish.
    case tls
    /// Connected (and TLS done): the request was sent, no response head came.
    case responseHead
    /// The head came; the body did not finish.
    case body
}

extension HTTPHop {
    /// Whether a TCP connection (to the server or the proxy) was made.
    public var connected: Bool { connectAttempts.contains { $0.errorClass == nil } }

    /// The phase the request was in when it ended.
    public var phase: HTTPHopPhase {
        if status != nil { return .body }
        guard connected else { return .dial }
        if let tls { return tls.completed ? .responseHead : .tls }
        if proxy != nil, url.hasPrefix("https:"), proxy?.connectStatusCode == nil { return .proxyConnect }
        return .responseHead
    }
}
