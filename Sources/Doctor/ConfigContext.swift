import GoModConfig

/// Everything the configuration rules look at, gathered once: pure values, no I/O.
public struct ConfigContext: Sendable {
    public var env: ResolvedGoEnv
    public var project: ProjectSnapshot
    public var routes: RouteTable
    /// `go env -json` of the installed go command, when one ran.
    public var goCommandEnv: [String: String]?

    public init(env: ResolvedGoEnv, project: ProjectSnapshot, routes: RouteTable, goCommandEnv: [String: String]? = nil) {
        self.env = env
        self.project = project
        self.routes = routes
        self.goCommandEnv = goCommandEnv
    }

    /// Modules that are downloaded at all (not local replacements, not vendored).
    var downloadedModules: [ModuleRoute] {
        routes.modules.filter { $0.disposition == .download || $0.disposition == .excluded }
    }

    var proxyURLs: [String] {
        routes.proxyList.compactMap { if case .url(let url) = $0.entry { return url } else { return nil } }
    }
}
