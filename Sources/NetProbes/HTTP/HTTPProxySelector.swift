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
        for entry in noProxy.split(separator: ",") {
            let rule = entry.trimmingCharacters(in: .whitespaces).lowercased()
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

/// An IPv4 or IPv6 address as bytes (IPv4 as 4 bytes; IPv4-mapped IPv6 folded to 4).
struct IPBytes: Equatable {
    var bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            let raw = withUnsafeBytes(of: &v6) { Array($0) }
            bytes = raw[0..<10].allSatisfy { $0 == 0 } && raw[10] == 0xFF && raw[11] == 0xFF ? Array(raw[12...]) : raw
        } else {
            return nil
        }
    }

    var isLoopback: Bool {
        bytes.count == 4 ? bytes[0] == 127 : bytes == Array(repeating: 0, count: 15) + [1]
    }
}

/// A CIDR prefix ("10.0.0.0/8", "fd00::/8").
struct IPNetwork {
    var address: IPBytes
    var prefixLength: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let address = IPBytes(String(parts[0])), let length = Int(parts[1]),
              (0...(address.bytes.count * 8)).contains(length) else { return nil }
        self.address = address
        prefixLength = length
    }

    func contains(_ ip: IPBytes) -> Bool {
        guard ip.bytes.count == address.bytes.count else { return false }
        var remaining = prefixLength
        for index in 0..<ip.bytes.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if ip.bytes[index] & mask != address.bytes[index] & mask { return false }
            remaining -= bits
        }
        return true
    }
}
