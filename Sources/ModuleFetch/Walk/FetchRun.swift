import Foundation
import GoModConfig
import NetProbes

/// The whole `fetch` prediction: where checksum-database traffic goes, then every requested
/// module concurrently (a bounded number at once, a per-host limit below that), `.zip` only for
/// a bounded sample unless all are asked for.
public struct FetchRun: Sendable {
    public struct Options: Sendable {
        public var moduleConcurrency: Int
        public var perHost: Int
        /// How many modules get their `.zip` fetched; nil = all.
        public var zipSample: Int?

        /// perHost 6: what browsers allow per host; a module's `.info`, `.mod` and `.zip` walks
        /// run at once (ModuleFetcher), so two modules fit without waiting on each other.
        public init(moduleConcurrency: Int = 8, perHost: Int = 6, zipSample: Int? = 3) {
            self.moduleConcurrency = moduleConcurrency
            self.perHost = perHost
            self.zipSample = zipSample
        }
    }

    /// The result, in the order of the requests.
    public struct Report: Sendable, Equatable, Codable {
        public var sumdb: SumDBRouter.Routing?
        public var modules: [ModuleFetchOutcome]
        public var toolchain: ToolchainCheck?
    }

    public var transport: any ModuleTransport
    public var environment: [String: String]
    public var govcs: GoVCSRules
    public var options: Options
    /// The go command's release, for what differs between releases; nil = newest.
    public var goRelease: GoReleaseVersion?
    /// Called as each module's walk ends (not the toolchain's), on the run's task: live progress.
    public var onOutcome: (@Sendable (ModuleFetchOutcome) -> Void)?

    public init(transport: any ModuleTransport, environment: [String: String], govcs: GoVCSRules, options: Options = Options()) {
        self.transport = HostLimitedTransport(base: transport, perHost: options.perHost)
        self.environment = environment
        self.govcs = govcs
        self.options = options
    }

    /// Which requests get a `.zip`: the first `zipSample` that would download (all when nil).
    public static func sampleZips(_ requests: [ModuleFetchRequest], limit: Int?) -> [ModuleFetchRequest] {
        var left = limit ?? Int.max
        return requests.map { request in
            var request = request
            let downloads = request.skippedBecause == nil && request.configError == nil
            request.fetchZip = downloads && left > 0
            if request.fetchZip { left -= 1 }
            return request
        }
    }

    public func run(_ requests: [ModuleFetchRequest], sumdbRoute: SumDBRoute?, toolchain: ToolchainRoute?,
                    deadline: ProbeDeadline) async -> Report {
        var routing: SumDBRouter.Routing?
        if let sumdbRoute, requests.contains(where: { $0.checksumDatabase != nil }) || toolchain != nil {
            routing = await SumDBRouter(transport: transport).resolve(sumdbRoute, deadline: deadline)
        }
        var configured = ModuleFetcher(transport: transport, environment: environment, govcs: govcs, sumdb: routing)
        configured.verifierKey = sumdbRoute.flatMap { try? VerifierKey.parse($0.verifierKey) }
        configured.goRelease = goRelease
        let fetcher = configured
        let sampled = Self.sampleZips(requests, limit: options.zipSample)
        let limit = max(1, options.moduleConcurrency)
        let outcomes = await withTaskGroup(of: (Int, ModuleFetchOutcome).self) { group -> [ModuleFetchOutcome?] in
            var results = [ModuleFetchOutcome?](repeating: nil, count: sampled.count)
            for (index, request) in sampled.enumerated() {
                if index >= limit, let (done, outcome) = await group.next() {
                    results[done] = outcome
                    onOutcome?(outcome)
                }
                group.addTask { (index, await fetcher.fetch(request, deadline: deadline)) }
            }
            while let (done, outcome) = await group.next() {
                results[done] = outcome
                onOutcome?(outcome)
            }
            return results
        }
        var check: ToolchainCheck?
        if let toolchain {
            check = await ToolchainChecker(fetcher: fetcher).check(toolchain, deadline: deadline)
        }
        return Report(sumdb: routing, modules: outcomes.compactMap { $0 }, toolchain: check)
    }
}
