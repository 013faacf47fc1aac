import Foundation
import GoModConfig

/// Collects every distinct endpoint the go command would use for the project, from the route
/// table: each proxy (cmd/go/internal/modfetch/proxy.go), the checksum database's route
/// (modfetch/sumdb.go initBase), the origin hosts of modules fetched `direct`
/// (vcs/vcs.go RepoRootForImportPath: https://<host>/<path>?go-get=1), the toolchain's sources
/// and HTTPS_PROXY (net/http ProxyFromEnvironment) for the modules whose https endpoints it
/// carries — NO_PROXY exempts hosts (x/net/http/httpproxy useProxy). No endpoint appears twice.
public enum CheckEndpoints {
    public static func collect(routes: RouteTable, environment: [String: String]) -> [CheckEndpoint] {
        var collector = Collector()
        for module in routes.modules where module.disposition == .download || module.disposition == .excluded {
            let name = "\(module.path)@\(module.version)"
            collector.addSteps(module.sources, modulePath: module.path, role: nil, module: name)
            if let sumdb = routes.checksumDatabase, module.checksum.database != nil, module.checksum.goSumHasEntry != true {
                for step in sumdb.steps { collector.add(url: step.url, role: .checksumDatabase, module: name) }
            }
        }
        if let toolchain = routes.toolchain, toolchain.willSwitch {
            let name = "\(toolchain.module)@\(toolchain.version)"
            collector.addSteps(toolchain.sources, modulePath: toolchain.module, role: .toolchain, module: name)
            // The toolchain zip is always verified against the checksum database.
            for step in routes.checksumDatabase?.steps ?? [] { collector.add(url: step.url, role: .checksumDatabase, module: name) }
        }
        // Nothing to download (no go.mod, or no requirement): what `go get`/`go install
        // path@version` would use anyway — every GOPROXY URL and the checksum database's route.
        let projectless = collector.endpoints.isEmpty
        if projectless {
            for spec in routes.proxyList {
                if case .url(let url) = spec.entry { collector.add(url: url, role: .proxy, module: nil) }
            }
            for step in routes.checksumDatabase?.steps ?? [] { collector.add(url: step.url, role: .checksumDatabase, module: nil) }
        }
        if let proxy = httpsProxy(environment) {
            let proxies = ProxyEnvironment.from(environment)
            // The proxy is asked to open the tunnel the go command's first request needs
            // (CONNECT host:port): its answer, not a GET of the proxy, shows its policy.
            let tunnel = collector.endpoints.first { goesThroughHTTPSProxy($0, proxies) }?.target.hostPort
            for name in modulesThroughHTTPSProxy(collector.endpoints, environment: environment) {
                collector.add(url: proxy, role: .httpsProxy, module: name, defaultScheme: "http", connectTarget: tunnel)
            }
            if projectless, anyThroughHTTPSProxy(collector.endpoints, environment: environment) {
                collector.add(url: proxy, role: .httpsProxy, module: nil, defaultScheme: "http", connectTarget: tunnel)
            }
        }
        return collector.endpoints
    }

    /// Whether any https endpoint goes through HTTPS_PROXY (NO_PROXY and loopback exempt).
    static func anyThroughHTTPSProxy(_ endpoints: [CheckEndpoint], environment: [String: String]) -> Bool {
        let proxies = ProxyEnvironment.from(environment)
        return endpoints.contains { goesThroughHTTPSProxy($0, proxies) }
    }

    /// The modules with at least one https endpoint the go command reaches through HTTPS_PROXY:
    /// not loopback/localhost, not exempted by NO_PROXY; sorted.
    // golang.org/x/net/http/httpproxy/proxy.go proxyForURL, useProxy
    static func modulesThroughHTTPSProxy(_ endpoints: [CheckEndpoint], environment: [String: String]) -> [String] {
        let proxies = ProxyEnvironment.from(environment)
        var modules: Set<String> = []
        for endpoint in endpoints where goesThroughHTTPSProxy(endpoint, proxies) { modules.formUnion(endpoint.modules) }
        return modules.sorted()
    }

    /// An https endpoint the go command reaches through HTTPS_PROXY (not exempted, not loopback).
    static func goesThroughHTTPSProxy(_ endpoint: CheckEndpoint, _ proxies: ProxyEnvironment) -> Bool {
        guard endpoint.target.scheme == .https else { return false }
        return (try? proxies.route(forScheme: "https", host: endpoint.target.host, port: endpoint.target.port))?.proxyURL != nil
    }

    /// HTTPS_PROXY, then https_proxy (net/http/httpproxy FromEnvironment); nil when unset.
    static func httpsProxy(_ environment: [String: String]) -> String? {
        for name in ["HTTPS_PROXY", "https_proxy"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return nil
    }

    /// The target for a URL (a scheme-less value gets `defaultScheme`); nil when it has no host.
    public static func target(url: String, defaultScheme: String = "https") -> EndpointTarget? {
        let text = url.contains("://") ? url : "\(defaultScheme)://\(url)"
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
              let scheme = EndpointTarget.Scheme(rawValue: components.scheme?.lowercased() ?? "") else { return nil }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return EndpointTarget(host: bareHost, port: components.port, scheme: scheme, path: path)
    }

    /// Accumulates endpoints keyed by scheme://host:port, merging roles and modules. Each
    /// endpoint's modules are kept sorted; membership goes through a set and the sort is
    /// deferred to the next read, so N modules on one proxy cost O(N log N), not O(N² log N).
    private struct Collector {
        private var collected: [CheckEndpoint] = []
        private var moduleSets: [Set<String>] = []
        private var unsorted: Set<Int> = []
        var index: [String: Int] = [:]

        var endpoints: [CheckEndpoint] {
            mutating get {
                for position in unsorted { collected[position].modules.sort() }
                unsorted = []
                return collected
            }
        }

        mutating func addSteps(_ steps: [RouteStep], modulePath: String, role: CheckEndpoint.Role?, module: String) {
            for step in steps {
                switch step.action {
                case .fetchFromProxy:
                    if let url = step.url { add(url: url, role: role ?? .proxy, module: module) }
                case .fetchDirect:
                    // The go-get discovery request goes to the first path element's host.
                    let host = modulePath.split(separator: "/").first.map(String.init) ?? modulePath
                    let path = "/" + modulePath.split(separator: "/").dropFirst().joined(separator: "/") + "?go-get=1"
                    add(url: "https://\(host)\(path)", role: role ?? .direct, module: module)
                case .skip, .fail:
                    continue
                }
            }
        }

        /// - Parameter module: nil for an endpoint no project module depends on (no go.mod).
        mutating func add(url: String, role: CheckEndpoint.Role, module: String?, defaultScheme: String = "https", connectTarget: String? = nil) {
            guard var target = CheckEndpoints.target(url: url, defaultScheme: defaultScheme) else { return }
            target.connectTarget = connectTarget
            let endpoint = CheckEndpoint(target: target, roles: [role], modules: module.map { [$0] } ?? [])
            if let position = index[endpoint.key] {
                if !collected[position].roles.contains(role) { collected[position].roles.append(role) }
                if let module, moduleSets[position].insert(module).inserted {
                    collected[position].modules.append(module)
                    unsorted.insert(position)
                }
            } else {
                index[endpoint.key] = collected.count
                collected.append(endpoint)
                moduleSets.append(Set(endpoint.modules))
            }
        }
    }
}
