import GoModConfig
import ModuleFetch

/// The fix of an endpoint's root cause depends on what the go command uses the endpoint for,
/// not only on the broken layer: a proxy is switched or given a `|` fallback, a blocked
/// checksum database is reached through a mirror, HTTPS_PROXY is unset or bypassed, a blocked
/// VCS host is avoided through a proxy. A replacement proxy is named only when this run
/// verified it (`CheckFixContext.verified`); otherwise the fix says no configuration change was
/// found. Never GOINSECURE, GOSUMDB=off or -insecure: they would trade a network fault for a
/// security hole. Variable-setting commands come from `CheckFixContext.set` (FixCommands).
enum CheckRoleFix {
    /// Hosts the go command knows the VCS of without a go-get request (cmd/go/internal/vcs
    /// vcsPaths), so a git `insteadOf` rewrite to ssh avoids HTTPS to them entirely.
    static let staticVCSHosts: Set<String> = ["github.com", "bitbucket.org"]
    /// TLS findings that are this machine's problem: another proxy would fail the same way.
    static let localTLSFindings: Set<String> = ["endpoint.tls.interception", "endpoint.tls.unknown-authority", "endpoint.tls.certificate-dates"]
    /// DNS findings about this machine's resolver (it fails where others answer, lies, or is
    /// silent): every other host would be looked up through it too, so no role fix helps.
    static let localDNSFindings: Set<String> = ["endpoint.dns.system-nxdomain", "endpoint.dns.poisoned",
                                                "endpoint.dns.server-unreachable", "endpoint.dns.timeout", "endpoint.dns.servfail"]

    /// `finding` with the fix its endpoint's roles call for (unchanged when none applies).
    static func applied(to finding: Finding, endpoint: CheckEndpoint, context: CheckFixContext) -> Finding {
        if localDNSFindings.contains(finding.id) {
            // The resolver's own fix stays (resolv.conf, /etc/hosts): no go variable can change it.
            var copy = finding
            copy.fix = finding.fix.map { Fix(commands: $0.commands, explanationKey: $0.explanationKey, changes: []) }
            return copy
        }
        if finding.id == "endpoint.http.h2-broken" {
            // Whatever the endpoint is for, the go command reaches it through net/http: HTTP/1.1
            // answered this run, so turning h2 off is the verified change.
            var copy = finding
            copy.fix = Fix(commands: finding.fix?.commands ?? [EndpointRules.http2OffCommand], explanationKey: "fix.endpoint.http.h2-broken",
                           changes: [EndpointRules.http2OffCommand])
            return copy
        }
        let diagnostics = finding.fix?.commands ?? []
        let changes: [String]
        let key: String
        if endpoint.roles == [.httpsProxy] {
            (changes, key) = httpsProxyChanges(endpoint, context, refused: finding.id == "endpoint.https-proxy.connect-refused")
        } else if endpoint.roles.contains(.proxy) && finding.id == "endpoint.http.refused-client" {
            (changes, key) = fallbackChanges(endpoint, context, found: "fix.check.proxy-refused")
        } else if endpoint.roles.contains(.proxy), switchesProxy(finding) {
            let found = switchExplanation(finding)
            // A server that answers badly is its operator's to fix; a path that fails is the network's.
            let none = finding.layer == .http ? "fix.check.no-verified-proxy-server" : "fix.check.no-verified-proxy"
            (changes, key) = switchChanges(endpoint, context, found: found, none: none)
        } else if endpoint.roles == [.direct], [.dns, .tcp, .tls].contains(finding.layer) {
            (changes, key) = directChanges(endpoint, context)
        } else if endpoint.roles == [.checksumDatabase], [.dns, .tcp, .tls, .http].contains(finding.layer),
                  let database = context.modules.compactMap(\.checksum?.database).first, database == "sum.golang.org" {
            // cmd/go/internal/modfetch/sumdb.go dbDial: "sum.golang.google.cn" is an alias of sum.golang.org;
            // named only when its signed tree head verified this run.
            let other = SumDBMirrorCheck.alias(of: endpoint.target.host) ?? "sum.golang.google.cn"
            (changes, key) = context.verifiedDatabases.contains(other)
                ? (context.set("GOSUMDB", other), "fix.check.sumdb-mirror") : ([], "fix.check.sumdb-no-verified-mirror")
        } else {
            return finding
        }
        var copy = finding
        var extra: [String] = []
        if endpoint.roles == [.direct] { extra = sshRewrite(endpoint) }
        if endpoint.roles == [.httpsProxy] { extra = [noProxyCommand(endpoint, context)].compactMap { $0 } }
        if finding.id == "endpoint.http.refused-client" {
            // The proxy may want credentials (cmd/go/internal/auth reads ~/.netrc): a placeholder to fill in, not a change.
            extra = ["echo 'machine \(endpoint.target.host) login USER password TOKEN' >> ~/.netrc && chmod 600 ~/.netrc"]
        }
        copy.fix = Fix(commands: changes + (extra + diagnostics).filter { !changes.contains($0) }, explanationKey: key, changes: changes)
        return copy
    }

    /// Network and server faults of a proxy are the proxy's (or its path's): another proxy helps.
    /// Trust-store and clock problems are this machine's: it does not.
    static func switchesProxy(_ finding: Finding) -> Bool {
        switch finding.layer {
        case .dns, .tcp: return true
        case .tls: return !localTLSFindings.contains(finding.id)
        case .http: return ["endpoint.http.server-error", "endpoint.http.failed", "endpoint.http.no-response"].contains(finding.id)
        default: return false
        }
    }

    /// Words that fit what was seen: "cannot be reached" only when it cannot (DNS, a connect
    /// that failed); a reset, a TLS fault and a server that answers badly or never are said as such.
    static func switchExplanation(_ finding: Finding) -> String {
        switch finding.id {
        case "endpoint.tls.certificate-expired": return "fix.check.proxy-certificate-expired"
        case "endpoint.tcp.reset", "endpoint.tcp.reset-by-middlebox": return "fix.check.switch-proxy-reset"
        case "endpoint.http.no-response", "endpoint.tls.handshake-timeout": return "fix.check.switch-proxy-stalled"
        default: break
        }
        switch finding.layer {
        case .tls: return "fix.check.switch-proxy-tls"
        case .http: return "fix.check.switch-proxy-http"
        default: return "fix.check.switch-proxy"
        }
    }

    /// A proxy's base URL as GOPROXY spells it: no trailing slash, default port left out.
    static func proxyURL(_ endpoint: CheckEndpoint) -> String {
        let target = endpoint.target
        let defaultPort = target.scheme == .https ? 443 : 80
        let host = target.host.contains(":") ? "[\(target.host)]" : target.host
        let authority = target.port == defaultPort ? host : "\(host):\(target.port)"
        var path = target.path
        while path.hasSuffix("/") { path.removeLast() }
        return "\(target.scheme.rawValue)://\(authority)\(path)"
    }

    /// Replace the broken proxy with the verified ones (then `direct` when configured); no
    /// change when none was verified.
    /// - Parameter none: the explanation when nothing was verified (the path, or the server itself).
    static func switchChanges(_ endpoint: CheckEndpoint, _ context: CheckFixContext,
                              found: String, none: String = "fix.check.no-verified-proxy") -> ([String], String) {
        let alternatives = context.alternatives(excluding: proxyURL(endpoint))
        guard !alternatives.isEmpty else { return ([], none) }
        let list = alternatives + (context.configuredDirect ? ["direct"] : [])
        return (context.set("GOPROXY", list.joined(separator: ",")), found)
    }

    /// Keep the proxy first but fall back on any error (`|`): after a `,` the go command stops
    /// at a 403/5xx (cmd/go/internal/modfetch/proxy.go TryProxies: only 404/410 continue).
    static func fallbackChanges(_ endpoint: CheckEndpoint, _ context: CheckFixContext,
                                found: String, none: String = "fix.check.no-verified-proxy-server") -> ([String], String) {
        let alternatives = context.alternatives(excluding: proxyURL(endpoint))
        guard !alternatives.isEmpty else { return ([], none) }
        let list = [proxyURL(endpoint)] + alternatives + (context.configuredDirect ? ["direct"] : [])
        return (context.set("GOPROXY", list.joined(separator: "|")), found)
    }

    /// HTTPS_PROXY unreachable or refusing: go without it when the hosts behind it answer
    /// directly (their own TCP probe connected without the proxy), else nothing verified.
    static func httpsProxyChanges(_ endpoint: CheckEndpoint, _ context: CheckFixContext, refused: Bool) -> ([String], String) {
        let behind = context.endpoints.filter {
            $0.endpoint.target.scheme == .https && !$0.endpoint.roles.contains(.httpsProxy)
                && !Set($0.endpoint.modules).isDisjoint(with: endpoint.modules)
        }
        let direct = !behind.isEmpty && behind.allSatisfy { result in
            result.verdict.layers.contains { $0.layer == .tcp && ($0.status == .ok || $0.status == .warning) }
        }
        guard direct else { return ([], "fix.check.https-proxy-no-direct") }
        return (["unset HTTPS_PROXY https_proxy"], refused ? "fix.check.https-proxy-refused" : "fix.check.https-proxy")
    }

    /// The exemption alternative to unsetting HTTPS_PROXY: NO_PROXY for the hosts behind it.
    static func noProxyCommand(_ endpoint: CheckEndpoint, _ context: CheckFixContext) -> String? {
        var hosts: [String] = []
        for result in context.endpoints where result.endpoint.target.scheme == .https && !result.endpoint.roles.contains(.httpsProxy) {
            if !hosts.contains(result.endpoint.target.host) { hosts.append(result.endpoint.target.host) }
        }
        return hosts.isEmpty ? nil : "export NO_PROXY=\"${NO_PROXY:+$NO_PROXY,}\(hosts.joined(separator: ","))\""
    }

    /// A VCS host the go command reaches `direct` is blocked: fetch the module through a
    /// verified proxy instead (the configured proxies first: they may serve private modules).
    static func directChanges(_ endpoint: CheckEndpoint, _ context: CheckFixContext) -> ([String], String) {
        let configured = context.endpoints.filter { $0.endpoint.roles.contains(.proxy) }.map { proxyURL($0.endpoint) }
        let alternatives = context.alternatives(excluding: nil).filter { !configured.contains($0) }
        guard !endpoint.modules.allSatisfy({ PrivateModuleHeuristic.looksPrivate($0) }), !alternatives.isEmpty else {
            return ([], "fix.check.direct-blocked-no-proxy")
        }
        return (context.set("GOPROXY", (configured + alternatives + ["direct"]).joined(separator: ",")), "fix.check.direct-blocked")
    }

    /// For hosts whose VCS is known statically, git over ssh avoids HTTPS (only if ssh works).
    static func sshRewrite(_ endpoint: CheckEndpoint) -> [String] {
        let host = endpoint.target.host
        guard staticVCSHosts.contains(host.lowercased()) else { return [] }
        return ["ssh -T git@\(host) && git config --global url.\"ssh://git@\(host)/\".insteadOf \"https://\(host)/\""]
    }
}
