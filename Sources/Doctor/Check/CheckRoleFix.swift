import GoModConfig
import ModuleFetch

/// The fix of an endpoint's root cause depends on what the go command uses the endpoint for,
/// not only on the broken layer: a proxy is switched or given a `|` fallback, a blocked
/// checksum database is reached through a mirror, HTTPS_PROXY is unset or bypassed, a blocked
/// VCS host is avoided through a proxy. Exact commands only; the endpoint's diagnostic
/// commands follow the action. Never GOINSECURE, GOSUMDB=off or -insecure: they would trade a
/// network fault for a security hole.
enum CheckRoleFix {
    /// Public proxies known to serve every public module (and to proxy sum.golang.org).
    static let knownGoodProxies = ["https://proxy.golang.org", "https://goproxy.cn"]
    /// Hosts the go command knows the VCS of without a go-get request (cmd/go/internal/vcs
    /// vcsPaths), so a git `insteadOf` rewrite to ssh avoids HTTPS to them entirely.
    static let staticVCSHosts: Set<String> = ["github.com", "bitbucket.org"]
    /// TLS findings that are this machine's problem: another proxy would fail the same way.
    static let localTLSFindings: Set<String> = ["endpoint.tls.interception", "endpoint.tls.unknown-authority", "endpoint.tls.certificate-dates"]
    /// DNS findings about this machine's resolver (it fails where others answer, lies, or is
    /// silent): every other host would be looked up through it too, so no role fix helps.
    static let localDNSFindings: Set<String> = ["endpoint.dns.system-nxdomain", "endpoint.dns.poisoned",
                                                "endpoint.dns.server-unreachable", "endpoint.dns.timeout"]

    /// `finding` with the fix its endpoint's roles call for (unchanged when none applies).
    static func applied(to finding: Finding, endpoint: CheckEndpoint, endpoints: [CheckDiagnosis.EndpointResult],
                        modules: [ModuleFetchOutcome]) -> Finding {
        if localDNSFindings.contains(finding.id) { return finding }
        let diagnostics = finding.fix?.commands ?? []
        let actions: [String]
        let key: String
        if endpoint.roles == [.httpsProxy] {
            (actions, key) = (httpsProxyCommands(endpoints), "fix.check.https-proxy")
        } else if endpoint.roles.contains(.proxy) && finding.id == "endpoint.http.refused-client" {
            (actions, key) = (refusedProxyCommands(endpoint, endpoints), "fix.check.proxy-refused")
        } else if endpoint.roles.contains(.proxy), switchesProxy(finding) {
            (actions, key) = (["go env -w GOPROXY=" + alternativeProxyList(excluding: endpoint, endpoints, separator: ",")],
                              finding.id == "endpoint.tls.certificate-expired" ? "fix.check.proxy-certificate-expired" : "fix.check.switch-proxy")
        } else if endpoint.roles == [.direct], [.dns, .tcp, .tls].contains(finding.layer) {
            (actions, key) = (directCommands(endpoint, endpoints), "fix.check.direct-blocked")
        } else if endpoint.roles == [.checksumDatabase], [.dns, .tcp, .tls, .http].contains(finding.layer),
                  let database = modules.compactMap(\.checksum?.database).first, database == "sum.golang.org" {
            // cmd/go/internal/modfetch/sumdb.go dbDial: "sum.golang.google.cn" is an alias of sum.golang.org.
            let other = endpoint.target.host.lowercased() == "sum.golang.google.cn" ? "sum.golang.org" : "sum.golang.google.cn"
            (actions, key) = (["go env -w GOSUMDB=\(other)"], "fix.check.sumdb-mirror")
        } else {
            return finding
        }
        var copy = finding
        copy.fix = Fix(commands: actions + diagnostics.filter { !actions.contains($0) }, explanationKey: key)
        return copy
    }

    /// Network and server faults of a proxy are the proxy's (or its path's): another proxy helps.
    /// Trust-store and clock problems are this machine's: it does not.
    static func switchesProxy(_ finding: Finding) -> Bool {
        switch finding.layer {
        case .dns, .tcp: return true
        case .tls: return !localTLSFindings.contains(finding.id)
        case .http: return finding.id == "endpoint.http.server-error" || finding.id == "endpoint.http.failed"
        default: return false
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

    /// The configured proxies that work, else the first known-good public one not configured;
    /// then `direct` when the configuration has it.
    static func alternativeProxyList(excluding broken: CheckEndpoint, _ endpoints: [CheckDiagnosis.EndpointResult], separator: String) -> String {
        let proxies = endpoints.filter { $0.endpoint.roles.contains(.proxy) && $0.endpoint.key != broken.key }
        var list = proxies.filter { $0.rootLayer == nil }.map { proxyURL($0.endpoint) }
        if list.isEmpty {
            let configured = Set(endpoints.filter { $0.endpoint.roles.contains(.proxy) }.map { proxyURL($0.endpoint) })
            list = [knownGoodProxies.first { !configured.contains($0) } ?? knownGoodProxies[0]]
        }
        if endpoints.contains(where: { $0.endpoint.roles.contains(.direct) }) { list.append("direct") }
        return list.joined(separator: separator)
    }

    /// A proxy refusing this client (403/429): with `,` the go command stops there, with `|` it
    /// falls back (cmd/go/internal/modfetch/proxy.go TryProxies: only 404/410 continue after a
    /// comma); or give the proxy the credentials it wants (~/.netrc, cmd/go/internal/auth).
    static func refusedProxyCommands(_ endpoint: CheckEndpoint, _ endpoints: [CheckDiagnosis.EndpointResult]) -> [String] {
        let rest = alternativeProxyList(excluding: endpoint, endpoints, separator: "|")
        let withDirect = rest.hasSuffix("direct") ? rest : rest + "|direct"
        return ["go env -w GOPROXY='\(proxyURL(endpoint))|\(withDirect)'",
                "echo 'machine \(endpoint.target.host) login USER password TOKEN' >> ~/.netrc && chmod 600 ~/.netrc"]
    }

    /// HTTPS_PROXY unreachable: go without it, or exempt the hosts the go command needs.
    static func httpsProxyCommands(_ endpoints: [CheckDiagnosis.EndpointResult]) -> [String] {
        var hosts: [String] = []
        for result in endpoints where result.endpoint.target.scheme == .https && !result.endpoint.roles.contains(.httpsProxy) {
            if !hosts.contains(result.endpoint.target.host) { hosts.append(result.endpoint.target.host) }
        }
        var commands = ["unset HTTPS_PROXY https_proxy"]
        if !hosts.isEmpty { commands.append("export NO_PROXY=\"${NO_PROXY:+$NO_PROXY,}\(hosts.joined(separator: ","))\"") }
        return commands
    }

    /// A VCS host the go command reaches `direct` is blocked: fetch the module through a proxy
    /// instead; for hosts whose VCS is known statically, git over ssh avoids HTTPS (only if ssh works).
    static func directCommands(_ endpoint: CheckEndpoint, _ endpoints: [CheckDiagnosis.EndpointResult]) -> [String] {
        let host = endpoint.target.host
        var commands: [String] = []
        if !endpoint.modules.allSatisfy({ PrivateModuleHeuristic.looksPrivate($0) }) {
            // Keep the configured proxies first (they may serve private modules); a public one before direct.
            var list = endpoints.filter { $0.endpoint.roles.contains(.proxy) }.map { proxyURL($0.endpoint) }
            list.append(knownGoodProxies.first { !list.contains($0) } ?? knownGoodProxies[0])
            commands.append("go env -w GOPROXY=" + (list + ["direct"]).joined(separator: ","))
        }
        if staticVCSHosts.contains(host.lowercased()) {
            commands.append("ssh -T git@\(host) && git config --global url.\"ssh://git@\(host)/\".insteadOf \"https://\(host)/\"")
        }
        return commands
    }
}
