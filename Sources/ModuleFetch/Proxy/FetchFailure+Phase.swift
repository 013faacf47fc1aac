import NetProbes

extension FetchFailure {
    /// `from(http:status:goError:)` with the layer of a timeout taken from how far the request
    /// got (`HTTPHop.phase`): the client says "timeout" for a dial that never connected and for
    /// a server that accepted and then stalled, and only the first is a TCP failure.
    public static func from(http failure: FailureClass, status: Int?, goError: String?, hop: HTTPHop?) -> FetchFailure {
        var mapped = from(http: failure, status: status, goError: goError)
        guard failure.code == "timeout", let hop else { return mapped }
        switch hop.phase {
        case .dial: break
        case .tls: mapped.layer = .tls
        case .proxyConnect, .responseHead, .body: mapped.layer = .http
        }
        return mapped
    }
}
