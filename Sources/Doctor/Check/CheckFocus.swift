import GoModConfig
import ModuleFetch

/// What `check --from-error` narrows the check to: the hosts a pasted go error names and the
/// modules it names. Endpoints are probed only when their host is named or a named module's
/// download goes through them; only the named modules are fetched (the project's own
/// requirement when the project has it, else the named `path@version` itself).
public struct CheckFocus: Sendable, Equatable, Codable {
    /// Lowercased host names and IP addresses, distinct, sorted.
    public var hosts: [String]
    /// `path@version` or bare `path` (no version named), distinct, in the error's order.
    public var modules: [String]

    public init(hosts: [String], modules: [String]) {
        self.hosts = Array(Set(hosts.map { $0.lowercased() }.filter { !$0.isEmpty })).sorted()
        var seen: Set<String> = []
        self.modules = modules.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The hosts (URL host, dialled address) and modules every explanation names.
    public init(explanations: [ErrorExplanation]) {
        var hosts: [String] = []
        var modules: [String] = []
        for facts in explanations.map(\.facts) {
            if let host = facts.host { hosts.append(host) }
            if let address = facts.address, let host = Self.host(ofAddress: address) { hosts.append(host) }
            if let module = facts.module { modules.append(facts.version.map { "\(module)@\($0)" } ?? module) }
        }
        self.init(hosts: hosts, modules: modules)
    }

    /// `10.0.0.1:443` → `10.0.0.1`, `[::1]:443` → `::1`, a bare host stays.
    static func host(ofAddress address: String) -> String? {
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            return String(address[address.index(after: address.startIndex)..<close])
        }
        if address.filter({ $0 == ":" }).count == 1, let colon = address.firstIndex(of: ":") { return String(address[..<colon]) }
        return address.isEmpty ? nil : address
    }

    /// The fetch requests: each named module the project requires (any version when the error
    /// names none), else the named `path@version` routed as the go command would route it.
    public func requests(config: ConfigDiagnosis) -> [ModuleFetchRequest] {
        modules.flatMap { name -> [ModuleFetchRequest] in
            let (path, version) = Self.split(name)
            let inProject = config.routes.modules.filter { $0.path == path && (version == nil || $0.version == version) }
            if !inProject.isEmpty { return inProject.map { ModuleFetchRequest(route: $0, fetchZip: true) } }
            guard let version else { return [] }
            return [ModuleFetchRequest.make(path: path, version: version, env: config.env, project: config.project,
                                            table: config.routes, fetchZip: true)]
        }
    }

    /// The endpoints to probe: those whose host the error names, and those the focused
    /// requests' downloads go through (the endpoint lists the module, or a step's URL or the
    /// direct origin is on that host).
    public func endpoints(_ all: [CheckEndpoint], requests: [ModuleFetchRequest]) -> [CheckEndpoint] {
        let names = Set(requests.map { "\($0.path)@\($0.version)" })
        var routeHosts = Set(hosts)
        for request in requests {
            for step in request.steps where step.contactsNetwork {
                if let url = step.url, let target = CheckEndpoints.target(url: url) { routeHosts.insert(target.host.lowercased()) }
                if step.kind == .direct { routeHosts.insert(PrivateModuleHeuristic.host(of: request.path).lowercased()) }
            }
        }
        return all.filter { endpoint in
            routeHosts.contains(endpoint.target.host.lowercased()) || !names.isDisjoint(with: endpoint.modules)
        }
    }

    /// `path@version` → (path, version); no `@` → (path, nil).
    static func split(_ name: String) -> (String, String?) {
        guard let at = name.lastIndex(of: "@") else { return (name, nil) }
        return (String(name[..<at]), String(name[name.index(after: at)...]))
    }
}
