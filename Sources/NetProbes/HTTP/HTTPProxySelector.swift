import Foundation

/// The proxy the go command would use for a URL (net/http ProxyFromEnvironment, which is
/// golang.org/x/net/http/httpproxy): HTTPS_PROXY for https, HTTP_PROXY for http, upper case
/// before lower case; NO_PROXY entries are `*`, IP, CIDR, `domain` (itself and subdomains),
/// `.domain` / `*.domain` (subdomains), each with an optional `:port`; localhost and loopback
/// addresses are never proxied.
public struct HTTPProxySelector: Sendable, Equatable {
    public var httpProxy: String
    public var httpsProxy: String
    public var noProxy: String

    public init(httpProxy: String = "", httpsProxy: String = "", noProxy: String = "") {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.noProxy = noProxy
    }

    /// From the process environment (passed as a value). httpproxy.FromEnvironment.
    public init(environment: [String: String]) {
        func value(_ names: String...) -> String {
            names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        }
        httpProxy = value("HTTP_PROXY", "http_proxy")
        httpsProxy = value("HTTPS_PROXY", "https_proxy")
        noProxy = value("NO_PROXY", "no_proxy")
    }

    public struct ProxyError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The proxy URL for `url`, or nil for a direct connection.
    public func proxy(for url: HTTPRequestURL) throws(ProxyError) -> HTTPRequestURL? {
        let configured = url.isSecure ? httpsProxy : httpProxy
        guard !configured.isEmpty, usesProxy(host: url.host, port: url.port) else { return nil }
        // httpproxy parseProxy: a value without a scheme is taken as http://value.
        var candidate = configured
        if !candidate.contains("://") { candidate = "http://" + candidate }
        guard let proxy = try? HTTPRequestURL(candidate) else {
            throw ProxyError(description: "invalid proxy address \"\(HTTPRequestURL.redact(configured))\"")
        }
        return proxy
    }

    /// httpproxy config.useProxy.
    public func usesProxy(host rawHost: String, port: Int) -> Bool {
        let host = rawHost.lowercased()
        if host == "localhost" { return false }
        let ip = IPBytes(host)
        if let ip, ip.isLoopback { return false }
        // By bytes, as Go splits: a comma followed by a combining mark still separates.
        for entry in noProxy.utf8.split(separator: UInt8(ascii: ",")) {
            let rule = String(decoding: entry, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            if rule.isEmpty { continue }
            if rule == "*" { return false }
            if rule.contains("/") {
                if let ip, let network = IPNetwork(rule), network.contains(ip) { return false }
                continue
            }
            var ruleHost = rule
            var rulePort: Int?
            if let parsed = try? HostPort.parse(rule), parsed.port != nil || rule.hasPrefix("[") {
                ruleHost = parsed.host
                rulePort = parsed.port
            }
            let portMatches = rulePort == nil || rulePort == port
            if let ruleIP = IPBytes(ruleHost) {
                if let ip, ip == ruleIP, portMatches { return false }
                continue
            }
            if ruleHost.isEmpty { continue }
            if ruleHost.hasPrefix("*.") { ruleHost.removeFirst() }
            let matchesItself = !ruleHost.hasPrefix(".")
            if matchesItself { ruleHost = "." + ruleHost }
            if host.hasSuffix(ruleHost) || (matchesItself && host == String(ruleHost.dropFirst())) {
                if portMatches { return false }
            }
        }
        return true
    }
}
