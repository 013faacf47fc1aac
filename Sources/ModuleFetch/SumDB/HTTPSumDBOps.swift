import GoModConfig

/// `SumDBOps` over the project's HTTP client, reaching the database the way the go command
/// does (cmd/go/internal/modfetch/sumdb.go): an explicit GOSUMDB URL as given; otherwise the
/// GOPROXY walk of `<proxy>/sumdb/<name>/supported` (200: all traffic through that proxy;
/// 404/410, or any error after `|`: next; `direct`/`off`/end: `https://<name>`). State goes
/// to a `SumDBStateDirectory`, or stays in memory when none is given (one-off views such as
/// the fork check). Every URL requested is kept, for evidence and for counting.
public actor HTTPSumDBOps: SumDBOps {
    public nonisolated let name: String
    /// The walk: `supported` probe URLs with their fallback rule; nil URL: go direct.
    let steps: [(url: String, isDirect: Bool, fallback: ProxyFallback?)]
    let getter: ModuleHTTPGetter
    nonisolated let state: SumDBStateDirectory?
    private var baseTask: Task<Result<String, ModuleFetchError>, Never>?
    private var memoryConfig: [String: [UInt8]] = [:]
    private var memoryCache: [String: [UInt8]] = [:]
    /// Every URL requested, in order (the `supported` walk included).
    public private(set) var requests: [String] = []
    /// Full SECURITY ERROR texts the client reported.
    public private(set) var securityErrors: [String] = []
    public private(set) var logLines: [String] = []

    /// Through the route the configuration gives.
    public init(route: SumDBRoute, getter: ModuleHTTPGetter, state: SumDBStateDirectory?) {
        self.name = route.name
        self.steps = route.steps.map { ($0.url, $0.isDirect, $0.fallback) }
        self.getter = getter
        self.state = state
    }

    /// At a fixed base URL (`https://sum.golang.org`, `<proxy>/sumdb/<name>`), no walk.
    public init(name: String, base: String, getter: ModuleHTTPGetter, state: SumDBStateDirectory?) {
        self.name = name
        self.steps = [(base, true, nil)]
        self.getter = getter
        self.state = state
    }

    /// The base URL all database requests go to, found once.
    public func base() async -> Result<String, ModuleFetchError> {
        if let baseTask { return await baseTask.value }
        let task = Task { await self.walk() }
        baseTask = task
        return await task.value
    }

    // cmd/go/internal/modfetch/sumdb.go initBase + proxy.go TryProxies
    private func walk() async -> Result<String, ModuleFetchError> {
        for step in steps {
            if step.isDirect { return .success(Self.trimmed(step.url)) }
            requests.append(step.url)
            switch await getter.get(step.url) {
            case .success:
                return .success(Self.trimmed(String(step.url.dropLast("/supported".count))))
            case .failure(let error) where error.code == "not-found" || step.fallback == .onAnyError:
                continue
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success("https://" + name)
    }

    public func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> {
        let base: String
        switch await self.base() {
        case .success(let url): base = url
        case .failure(let error): return .failure(error)
        }
        let url = base + path
        requests.append(url)
        return await getter.get(url)
    }

    public func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError> {
        guard let state else { return .success(memoryConfig[file] ?? []) }
        return state.readConfig(file)
    }

    public func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError> {
        guard let state else {
            guard (memoryConfig[file] ?? []) == old else { return .success(false) }
            memoryConfig[file] = new
            return .success(true)
        }
        return state.writeConfig(file, old: old, new: new)
    }

    /// Tiles go to the state directory (few, large, and what a later run needs to check
    /// consistency cheaply); lookup records stay in memory for the run: an audit of a large
    /// go.sum would otherwise create a file per module version each run, and that file-system
    /// work (not the network) was most of an audit's time. Files are read and written on the
    /// caller's task, not on the actor, so concurrent lookups do not queue behind the disk.
    public nonisolated func readCache(_ file: String) async -> [UInt8]? {
        guard let state, !Self.isLookup(file) else { return await memoryCached(file) }
        return state.readCache(file)
    }

    public nonisolated func writeCache(_ file: String, data: [UInt8]) async {
        guard let state, !Self.isLookup(file) else { return await keepInMemory(file, data) }
        state.writeCache(file, data: data)
    }

    /// `<name>/lookup/<path>@<version>` (SumDBClient's cache key for a record).
    static func isLookup(_ file: String) -> Bool { file.contains("/lookup/") }

    private func memoryCached(_ file: String) -> [UInt8]? { memoryCache[file] }

    private func keepInMemory(_ file: String, _ data: [UInt8]) { memoryCache[file] = data }

    public func log(_ message: String) async { logLines.append(message) }

    public func securityError(_ message: String) async { securityErrors.append(message) }

    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
