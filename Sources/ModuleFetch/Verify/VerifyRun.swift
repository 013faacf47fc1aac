import GoModConfig

/// Runs `gomod-doctor verify`: go.sum against the database (through the configured route,
/// state kept in our own state directory), missing lines, the fork check of each proxy's
/// `/sumdb/` view, and on request every mirror's files and the module cache.
public struct VerifyRun: Sendable {
    public var environment: [String: String]
    public var state: SumDBStateDirectory?
    public var zips: Bool
    public var cache: Bool
    public var concurrency: Int

    public init(environment: [String: String], state: SumDBStateDirectory?, zips: Bool, cache: Bool, concurrency: Int = 16) {
        self.environment = environment
        self.state = state
        self.zips = zips
        self.cache = cache
        self.concurrency = concurrency
    }

    public func run(env: ResolvedGoEnv, project: ProjectSnapshot, routes: RouteTable) async -> VerifyReport {
        var report = VerifyReport(goSumPath: project.goModPath.map { String($0.dropLast("go.mod".count)) + "go.sum" },
                                  goSumError: project.goSumError?.description ?? project.fileProblem(.goSum).map(Self.unread))
        let goSum = project.goSum ?? GoSumFile(lines: [])
        let getter = ModuleHTTPGetter(environment: environment)
        var client: SumDBClient?
        var ops: HTTPSumDBOps?
        var key: VerifierKey?
        if let route = routes.checksumDatabase {
            report.database = route.name
            do {
                key = try VerifierKey.parse(route.verifierKey, input: "GOSUMDB")
            } catch {
                report.databaseError = error.description
            }
            if let key {
                let sumOps = HTTPSumDBOps(route: route, getter: getter, state: state)
                switch await sumOps.base() {
                case .success(let base):
                    report.databaseURL = SecretRedactor.redact(base)   // evidence; requests keep the raw base
                    client = SumDBClient(key: key, ops: sumOps)
                case .failure(let error):
                    report.databaseError = error.message
                }
                ops = sumOps
            }
        } else {
            report.databaseError = routes.checksumDatabaseError?.description
        }
        let off = routes.checksumDatabase == nil && routes.checksumDatabaseError == nil
        let gonosumdb = env["GONOSUMDB"]
        report.lines = await GoSumAudit.run(
            lines: goSum.lines, skip: { GoSumAudit.skipReason(path: $0, gosumdbOff: off, gonosumdb: gonosumdb) },
            client: client, unavailable: report.databaseError ?? "no checksum database", concurrency: concurrency)
        // A go.sum we did not read has unknown lines: nothing is "missing" from it.
        if project.fileProblem(.goSum) == nil {
            report.missing = GoSumAudit.missing(routes: routes.modules, goSum: goSum)
        }
        if let ops {
            let urls = await ops.requests
            report.databaseRequests = urls.count
            let tiles = urls.filter { $0.contains("/tile/") }
            report.tileRequests = tiles.count
            report.distinctTiles = Set(tiles).count
            report.securityErrors = await ops.securityErrors
        }
        if let route = routes.checksumDatabase, let key {
            report.treeViews = await TreeViewComparison(key: key, getter: getter)
                .run(directBase: route.explicitURL ?? "https://" + route.name, proxies: mirrors(routes))
        }
        if zips {
            report.mirrors = await MirrorCheck(getter: ModuleHTTPGetter(environment: environment, maxBodyBytes: 500 << 20 + 1))
                .run(mirrors: mirrors(routes), items: mirrorItems(report.lines, goSum: goSum, routes: routes, env: env))
        }
        if cache {
            let verifier = ModuleCacheVerifier(modCache: env["GOMODCACHE"])
            report.cache = goSum.lines.filter { !$0.isGoMod }.map {
                verifier.verify(path: $0.path, version: $0.version, goSumHash: $0.hash)
            }
        }
        return report
    }

    /// Each URL entry of GOPROXY, in order.
    func mirrors(_ routes: RouteTable) -> [String] {
        routes.proxyList.compactMap { if case .url(let url) = $0.entry { url } else { nil } }
    }

    /// go.sum's files with both expected hashes; modules matching GONOPROXY are not fetched
    /// from mirrors by the go command, so they are left out.
    func mirrorItems(_ checks: [GoSumCheck], goSum: GoSumFile, routes: RouteTable, env: ResolvedGoEnv) -> [MirrorCheck.Item] {
        checks.filter { !PrefixPatterns.match(env["GONOPROXY"], $0.path) }.map {
            MirrorCheck.Item(path: $0.path, version: $0.version, isGoMod: $0.isGoMod, goSumHash: $0.goSumHash,
                             databaseHash: $0.databaseHash)
        }
    }

    /// `go.sum: 68157440 bytes, over the limit of 67108864 bytes; not read` for a go.sum that exists but was not read.
    static func unread(_ problem: ConfigFileProblem) -> String {
        switch problem.reason {
        case .tooLarge:
            return "\(problem.path): \(problem.size.map(String.init) ?? "?") bytes, over the limit of \(problem.limit.map(String.init) ?? "?") bytes; not read"
        case .unreadable:
            return "\(problem.path): cannot read: \(problem.detail ?? "")"
        case .timedOut:
            return "\(problem.path): not read to the end before the deadline; not read"
        }
    }
}
