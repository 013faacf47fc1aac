/// One NO_PROXY entry as httpproxy's `config.init` classifies it: everything, an address
/// block, an address (optionally with port), or a domain (optionally with port).
public enum NoProxyRule: Sendable, Equatable, Codable {
    case all
    case network(GoIPNetwork)
    case address(GoIP, port: String)
    /// `suffix` starts with `.`; `matchesItself` is false for entries written `.domain`.
    case domain(suffix: String, port: String, matchesItself: Bool)

    /// Parses a NO_PROXY list: comma separated, space-trimmed, lower-cased; `*` makes every
    /// other entry irrelevant; malformed entries (no host) are skipped as in Go.
    // golang.org/x/net/http/httpproxy/proxy.go config.init
    public static func parseList(_ noProxy: String) -> [NoProxyRule] {
        var rules: [NoProxyRule] = []
        for item in GoStrings.split(noProxy, ",") {
            let entry = GoStrings.trimSpace(item).lowercased()
            if entry.isEmpty { continue }
            if entry == "*" { return [.all] }
            if let network = GoIPNetwork.parse(entry) {
                rules.append(.network(network))
                continue
            }
            var host = entry
            var port = ""
            if let split = GoHostPort.split(entry) {
                if split.host.isEmpty { continue }
                host = split.host
                port = split.port
                if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            }
            if let ip = GoIP.parse(host) {
                rules.append(.address(ip, port: port))
                continue
            }
            if host.isEmpty { continue }
            if host.hasPrefix("*.") { host.removeFirst() }
            var matchesItself = false
            if !host.hasPrefix(".") {
                matchesItself = true
                host = "." + host
            }
            rules.append(.domain(suffix: GoIDNA.toASCII(host), port: port, matchesItself: matchesItself))
        }
        return rules
    }

    /// Whether this rule exempts `host` (lower-cased) / `port` / `ip` from the proxy.
    // golang.org/x/net/http/httpproxy/proxy.go allMatch, cidrMatch, ipMatch, domainMatch
    func matches(host: String, port: String, ip: GoIP?) -> Bool {
        switch self {
        case .all:
            return true
        case .network(let network):
            guard let ip else { return false }
            return network.contains(ip)
        case .address(let address, let rulePort):
            guard let ip, address == ip else { return false }
            return rulePort.isEmpty || rulePort == port
        case .domain(let suffix, let rulePort, let matchesItself):
            guard host.hasSuffix(suffix) || (matchesItself && host == String(suffix.dropFirst())) else { return false }
            return rulePort.isEmpty || rulePort == port
        }
    }

    /// The ip matchers are consulted only for IP hosts; domain matchers (and `.all`) always.
    var isIPRule: Bool {
        switch self {
        case .network, .address: return true
        case .all, .domain: return false
        }
    }
}
