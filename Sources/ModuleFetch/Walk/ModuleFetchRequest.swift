import Foundation
import GoModConfig

/// What the fetcher needs to know about one module: its route and the rules that apply.
public struct ModuleFetchRequest: Sendable, Equatable {
    public var path: String
    /// A canonical version, or "latest" (resolved through `@latest` / `@v/list` first).
    public var version: String
    public var steps: [RouteStep]
    /// The database name when a lookup would happen (go.sum lacks the hashes, not GONOSUMDB).
    public var checksumDatabase: String?
    public var insecure: Bool
    public var isPrivate: Bool
    public var fetchZip: Bool
    /// Why nothing is fetched (local replacement, vendored), nil when it is.
    public var skippedBecause: String?
    /// The configuration already makes every download fail (invalid GOPROXY): the go command's text.
    public var configError: String?
    /// go.sum's hashes of the zip and of the go.mod: a download is checked against them first,
    /// and only what go.sum lacks goes to the checksum database (modfetch/fetch.go checkModSum).
    public var goSumZipHashes: [String] = []
    public var goSumModHashes: [String] = []

    public init(path: String, version: String, steps: [RouteStep], checksumDatabase: String?, insecure: Bool,
                isPrivate: Bool, fetchZip: Bool, skippedBecause: String? = nil, configError: String? = nil) {
        self.path = path
        self.version = version
        self.steps = steps
        self.checksumDatabase = checksumDatabase
        self.insecure = insecure
        self.isPrivate = isPrivate
        self.fetchZip = fetchZip
        self.skippedBecause = skippedBecause
        self.configError = configError
    }

    /// From a requirement's route in the table.
    public init(route: ModuleRoute, fetchZip: Bool) {
        let lookup = route.checksum.skippedBecause == nil && route.checksum.goSumHasEntry != true ? route.checksum.database : nil
        var skipped: String?
        switch route.disposition {
        case .localDirectory: skipped = "replaced by a local directory"
        case .vendored: skipped = "vendored (-mod=vendor)"
        case .download, .excluded: skipped = nil
        }
        self.init(path: route.path, version: route.version, steps: route.sources, checksumDatabase: lookup,
                  insecure: route.insecure, isPrivate: route.matchesGOPRIVATE, fetchZip: fetchZip, skippedBecause: skipped,
                  configError: route.error)
        goSumZipHashes = route.checksum.goSumZipHashes
        goSumModHashes = route.checksum.goSumModHashes
    }

    /// For a module named on the command line (not necessarily in go.mod).
    public static func make(path: String, version: String, env: ResolvedGoEnv, project: ProjectSnapshot, table: RouteTable,
                            fetchZip: Bool) -> ModuleFetchRequest {
        let builder = RouteTableBuilder(env: env, project: project)
        let steps = builder.steps(for: path, proxies: table.proxyList, modMode: table.modMode)
        let noSumDB = PrefixPatterns.match(env["GONOSUMDB"], path)
        let hasSum = project.goSum.map { !$0.hashes(path: path, version: version, goMod: false).isEmpty } ?? false
        let database = table.checksumDatabase?.name
        var request = ModuleFetchRequest(
            path: path, version: version, steps: steps,
            checksumDatabase: noSumDB || hasSum ? nil : database,
            insecure: PrefixPatterns.match(env["GOINSECURE"], path), isPrivate: PrefixPatterns.match(env["GOPRIVATE"], path),
            fetchZip: fetchZip, configError: table.proxyListError?.message)
        request.goSumZipHashes = project.goSum?.hashes(path: path, version: version, goMod: false) ?? []
        request.goSumModHashes = project.goSum?.hashes(path: path, version: version, goMod: true) ?? []
        return request
    }
}
