/// How the go command's HTTP client reaches one URL under the proxy environment, with the
/// reason when it goes direct — what a user needs to see when "my proxy is not used".
public enum ProxyRoute: Sendable, Equatable, Codable {
    /// Through `url` (Go's `URL.String()`, credentials included: redact before showing),
    /// taken from the variable `source` (`HTTPS_PROXY`, `https_proxy`, …).
    case proxy(url: String, source: String?)
    case direct(DirectReason)

    public enum DirectReason: Sendable, Equatable, Codable {
        /// Only `http` and `https` requests are ever proxied.
        case schemeNotProxied
        /// The variable for this scheme is unset or empty.
        case noProxyConfigured
        /// The value did not parse even with `http://` added; Go silently ignores it.
        case unparseableProxy(ConfigInputError)
        /// Go cannot split the request's host:port (e.g. a host containing `[`); it then
        /// does not proxy.
        case unsplittableAddress
        /// `localhost` is never proxied.
        case localhost
        /// Loopback addresses (127.0.0.0/8, ::1) are never proxied.
        case loopback
        /// A NO_PROXY entry (with the variable it came from) exempts the host.
        case noProxyRule(NoProxyRule, source: String?)
    }

    /// The proxy URL, nil for direct.
    public var proxyURL: String? {
        if case .proxy(let url, _) = self { return url }
        return nil
    }
}
