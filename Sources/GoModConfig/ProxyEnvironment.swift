/// The HTTP(S) proxy settings the go command's HTTP client takes from the environment
/// (`net/http.ProxyFromEnvironment` → `golang.org/x/net/http/httpproxy`), with the variable
/// each value came from, so the doctor can say which proxy a request really uses and why.
public struct ProxyEnvironment: Sendable, Equatable, Codable {
    public var httpProxy: String
    public var httpsProxy: String
    public var noProxy: String
    /// `REQUEST_METHOD` is set: Go refuses HTTP_PROXY for http requests (CGI rule).
    public var isCGI: Bool
    /// The variable name each value came from (`HTTPS_PROXY` or `https_proxy`), nil if unset.
    public var httpProxySource: String?
    public var httpsProxySource: String?
    public var noProxySource: String?

    public init(httpProxy: String = "", httpsProxy: String = "", noProxy: String = "", isCGI: Bool = false,
                httpProxySource: String? = nil, httpsProxySource: String? = nil, noProxySource: String? = nil) {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.noProxy = noProxy
        self.isCGI = isCGI
        self.httpProxySource = httpProxySource
        self.httpsProxySource = httpsProxySource
        self.noProxySource = noProxySource
    }

    /// Upper-case name first, then lower-case; an empty value counts as unset.
    // golang.org/x/net/http/httpproxy/proxy.go FromEnvironment, getEnvAny
    public static func from(_ environment: [String: String]) -> ProxyEnvironment {
        func lookup(_ names: String...) -> (String, String?) {
            for name in names {
                if let value = environment[name], !value.isEmpty { return (value, name) }
            }
            return ("", nil)
        }
        let http = lookup("HTTP_PROXY", "http_proxy")
        let https = lookup("HTTPS_PROXY", "https_proxy")
        let noProxy = lookup("NO_PROXY", "no_proxy")
        let isCGI = !(environment["REQUEST_METHOD"] ?? "").isEmpty
        return ProxyEnvironment(httpProxy: http.0, httpsProxy: https.0, noProxy: noProxy.0, isCGI: isCGI,
                                httpProxySource: http.1, httpsProxySource: https.1, noProxySource: noProxy.1)
    }

    /// The proxy URL (Go's `URL.String()`, credentials included — redact before showing)
    /// that the go command would use for a request, or nil for a direct connection.
    /// See `route(forScheme:host:port:)` for the rules and the reason when direct.
    public func proxyURL(forScheme scheme: String, host: String, port: Int?) throws(ConfigInputError) -> String? {
        try route(forScheme: scheme, host: host, port: port).proxyURL
    }

    /// How a request goes out. Only `https` uses HTTPS_PROXY and only `http` uses HTTP_PROXY;
    /// other schemes go direct. `localhost` and loopback addresses are never proxied; NO_PROXY
    /// rules apply after that. `host` is the request host without brackets; `port` nil means
    /// the scheme's default.
    ///
    /// Like Go 1.19's httpproxy, an unparseable proxy value is ignored (direct connection).
    /// - Throws: `ConfigInputError(input: "HTTP_PROXY"…)` with Go's CGI refusal text.
    // golang.org/x/net/http/httpproxy/proxy.go config.proxyForURL, useProxy, canonicalAddr
    public func route(forScheme scheme: String, host: String, port: Int?) throws(ConfigInputError) -> ProxyRoute {
        let value: String
        let source: String?
        switch scheme {
        case "https":
            (value, source) = (httpsProxy, httpsProxySource)
        case "http":
            (value, source) = (httpProxy, httpProxySource)
        default:
            return .direct(.schemeNotProxied)
        }
        let proxy: GoURL
        do {
            guard let parsed = try ProxyEnvironment.parseProxy(value) else { return .direct(.noProxyConfigured) }
            proxy = parsed
        } catch {
            var problem = error
            problem.input = source ?? scheme.uppercased() + "_PROXY"
            return .direct(.unparseableProxy(problem))
        }
        if scheme == "http" && isCGI {
            throw ConfigInputError(input: httpProxySource ?? "HTTP_PROXY",
                                   message: "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy")
        }
        let defaultPorts = ["http": "80", "https": "443", "socks5": "1080"]
        let portText = port.map(String.init) ?? defaultPorts[scheme] ?? ""
        let address = GoHostPort.join(GoIDNA.toASCII(host), portText)
        if let reason = bypassReason(address) { return .direct(reason) }
        return .proxy(url: proxy.string, source: source)
    }

    /// Go's `invalid proxy address %q: %v` for each proxy variable Go would silently ignore.
    public func invalidProxyAddresses() -> [ConfigInputError] {
        var problems: [ConfigInputError] = []
        let variables = [(httpProxy, httpProxySource, "HTTP_PROXY"), (httpsProxy, httpsProxySource, "HTTPS_PROXY")]
        for (value, source, fallbackName) in variables {
            do {
                _ = try ProxyEnvironment.parseProxy(value)
            } catch {
                problems.append(ConfigInputError(input: source ?? fallbackName, message: error.message))
            }
        }
        return problems
    }

    /// The NO_PROXY rules in effect.
    public var noProxyRules: [NoProxyRule] { NoProxyRule.parseList(noProxy) }

    /// Go's `parseProxy`: a value that does not parse as http/https/socks5 URL is retried
    /// with `http://` in front.
    // golang.org/x/net/http/httpproxy/proxy.go parseProxy
    static func parseProxy(_ value: String) throws(ConfigInputError) -> GoURL? {
        if value.isEmpty { return nil }
        let first: Result<GoURL, GoURLError>
        do { first = .success(try GoURL.parse(value)) } catch { first = .failure(error) }
        if case .success(let url) = first, ["http", "https", "socks5"].contains(url.scheme) { return url }
        if let retried = try? GoURL.parse("http://" + value) { return retried }
        switch first {
        case .success(let url):
            return url
        case .failure(let error):
            throw ConfigInputError(input: "proxy", message: "invalid proxy address \(GoQuote.quote(value)): \(error.description)")
        }
    }

    /// Why `address` (host:port) bypasses the proxy, nil when it uses it.
    // golang.org/x/net/http/httpproxy/proxy.go config.useProxy
    private func bypassReason(_ address: String) -> ProxyRoute.DirectReason? {
        if address.isEmpty { return nil }
        guard let (host, port) = GoHostPort.split(address) else { return .unsplittableAddress }
        if host == "localhost" { return .localhost }
        let ip = GoIP.parse(host)
        if let ip, ip.isLoopback { return .loopback }
        let normalised = GoStrings.trimSpace(host).lowercased()
        for rule in noProxyRules where ip != nil || !rule.isIPRule {
            if rule.matches(host: normalised, port: port, ip: ip) { return .noProxyRule(rule, source: noProxySource) }
        }
        return nil
    }
}
