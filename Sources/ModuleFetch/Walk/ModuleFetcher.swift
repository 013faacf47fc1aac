import Foundation
import GoModConfig
import NetProbes

/// Predicts `go mod download` for one module: the walks of `.info`, `.mod` and (when sampled)
/// `.zip` over the module's route — each file is its own TryProxies walk, as in
/// cmd/go/internal/modfetch cache.go — plus the checksum-database lookup where one happens.
public struct ModuleFetcher: Sendable {
    public var walker: RouteWalker
    public var transport: any ModuleTransport
    /// The `supported` walk's result; nil when no database is configured.
    public var sumdb: SumDBRouter.Routing?
    public var environment: [String: String]
    public var govcs: GoVCSRules

    public init(transport: any ModuleTransport, environment: [String: String], govcs: GoVCSRules, sumdb: SumDBRouter.Routing?) {
        self.transport = transport
        self.environment = environment
        self.govcs = govcs
        self.sumdb = sumdb
        self.walker = RouteWalker(transport: transport, directProbe: nil)
    }

    public func fetch(_ request: ModuleFetchRequest, deadline: ProbeDeadline) async -> ModuleFetchOutcome {
        var outcome = ModuleFetchOutcome(path: request.path, version: request.version, status: .ok)
        if let skipped = request.skippedBecause {
            outcome.status = .skipped
            outcome.skippedBecause = skipped
            return outcome
        }
        if let error = request.configError {
            return fail(outcome, FetchFailure(layer: .config, failureClass: "invalid-config", message: error), at: "config")
        }
        var walker = self.walker
        walker.directProbe = DirectProbe(transport: transport, environment: environment, insecure: request.insecure,
                                         govcs: govcs, isPrivate: request.isPrivate)
        var direct: DirectProbeReport?
        var version = request.version
        if version == "latest" {
            let (walk, report) = await walker.walk(.latest, modulePath: request.path, steps: request.steps, direct: direct, deadline: deadline)
            direct = report
            outcome.walks.append(walk)
            if let failure = walk.failure { return fail(outcome, failure, at: "latest") }
            if let resolved = walk.info?.version, !resolved.isEmpty {
                version = resolved
                outcome.version = resolved
            }
        }
        var files: [ProxyFile] = [.info(version), .mod(version)]
        if request.fetchZip { files.append(.zip(version)) }
        for file in files {
            let (walk, report) = await walker.walk(file, modulePath: request.path, steps: request.steps, direct: direct, deadline: deadline)
            direct = report
            outcome.walks.append(walk)
            if let failure = walk.failure { return fail(outcome, failure, at: file.kind) }
            if outcome.servedBy == nil { outcome.servedBy = walk.servedBy }
            if case .mod = file, let database = request.checksumDatabase {
                let lookup = await checksumLookup(database: database, path: request.path, version: version, deadline: deadline)
                outcome.checksum = lookup
                if let failure = lookup.failure { return fail(outcome, failure, at: "sumdb") }
            }
            // Direct mode is probed, not transferred: one successful probe stands for every file.
            if walk.servedBy == "direct" || walk.servedBy == "noproxy" { break }
        }
        return outcome
    }

    func fail(_ outcome: ModuleFetchOutcome, _ failure: FetchFailure, at file: String) -> ModuleFetchOutcome {
        var outcome = outcome
        outcome.status = .fails
        outcome.failedAt = file
        var wrapped = failure
        // module.VersionError: "path@version: err"; downloadZip's prefix check is reported bare.
        if !(failure.failureClass == "bad-zip" && failure.message.hasPrefix("zip for ")) {
            wrapped.message = "\(outcome.path)@\(outcome.version): \(failure.message)"
        }
        outcome.failure = wrapped
        return outcome
    }

    /// `/lookup/<path>@<version>` at the routed base (cmd/go/internal/modfetch/sumdb.go ReadRemote).
    func checksumLookup(database: String, path: String, version: String, deadline: ProbeDeadline) async -> ChecksumLookup {
        var lookup = ChecksumLookup(database: database, base: sumdb?.base, requests: sumdb?.requests ?? [], failure: nil)
        guard let routing = sumdb, let base = routing.base else {
            let failure = sumdb?.failure ?? FetchFailure(layer: .sumdb, failureClass: "unavailable", message: "checksum database not configured")
            lookup.failure = FetchFailure(layer: .sumdb, failureClass: failure.failureClass, message: "verifying go.mod: " + failure.message)
            return lookup
        }
        let url: String
        do {
            url = try SumDBRouter.lookupURL(base: base, path: path, version: version)
        } catch {
            lookup.failure = FetchFailure(layer: .sumdb, failureClass: "invalid-path", message: error.message)
            return lookup
        }
        let response = await transport.get(url, maxBodyBytes: 1 << 20, insecure: false, deadline: deadline)
        lookup.requests.append(response)
        if let failure = response.failure {
            lookup.failure = FetchFailure(layer: .sumdb, failureClass: failure.failureClass,
                                          message: "verifying go.mod: \(path)@\(version)/go.mod: " + failure.message)
        }
        return lookup
    }
}
