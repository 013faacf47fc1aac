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
    /// The database's key: with it the lookup answer is verified (signed tree head, record,
    /// tiles) and the go.mod hash compared, as the go command does; without it only the
    /// lookup's HTTP answer is judged.
    public var verifierKey: VerifierKey?

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
                let goMod = walk.attempts.last?.request?.body
                let lookup = await checksumLookup(database: database, path: request.path, version: version, goMod: goMod, deadline: deadline)
                outcome.checksum = lookup
                if let failure = lookup.failure { return fail(outcome, failure, at: "sumdb") }
            }
            if case .zip = file, let lookup = outcome.checksum, let body = walk.attempts.last?.request?.body,
               let failure = Self.checkZipHash(body, path: request.path, version: version, lookup: lookup) {
                return fail(outcome, failure, at: "sumdb")
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
    func checksumLookup(database: String, path: String, version: String, goMod: [UInt8]?, deadline: ProbeDeadline) async -> ChecksumLookup {
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
            return lookup
        }
        guard let verifierKey else { return lookup }
        let remotePath = String(url.dropFirst(ProxyURL.trimmed(base).count))
        let ops = TransportSumDBOps(base: base, transport: transport, deadline: deadline, prefetched: [remotePath: response.body])
        let client = SumDBClient(key: verifierKey, ops: ops)
        do {
            let lines = try await client.lookup(path: path, version: version + "/go.mod")
            lookup.lines = lines + ((try? await client.lookup(path: path, version: version)) ?? [])
            lookup.requests += await ops.requests
            // fetch.go checkSumDB: the downloaded go.mod must hash to the database's line.
            guard let goMod else { return lookup }
            let hash = DirHash.hashGoMod(goMod)
            let prefix = "\(path) \(version)/go.mod h1:"
            if !lines.contains("\(path) \(version)/go.mod \(hash)"), let line = lines.first(where: { $0.hasPrefix(prefix) }) {
                let expected = String(line.dropFirst(prefix.count - 3))
                lookup.failure = FetchFailure(layer: .sumdb, failureClass: "checksum-mismatch", message:
                    "verifying go.mod: checksum mismatch\n\tdownloaded: \(hash)\n\t\(database): \(expected)" + Self.sumdbMismatch)
            }
        } catch {
            lookup.requests += await ops.requests
            lookup.failure = FetchFailure(layer: .sumdb, failureClass: error.code, message: "verifying go.mod: " + error.message)
        }
        return lookup
    }

    /// The zip's h1: hash against the database's line (fetch.go checkModSum for the zip).
    static func checkZipHash(_ zip: [UInt8], path: String, version: String, lookup: ChecksumLookup) -> FetchFailure? {
        let prefix = "\(path) \(version) h1:"
        guard let line = lookup.lines.first(where: { $0.hasPrefix(prefix) }) else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gomod-doctor-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: file) }
        let hash: String
        do {
            try Data(zip).write(to: file)
            hash = try ModuleZipHasher.hashZip(at: file)
        } catch {
            return nil
        }
        guard line != "\(path) \(version) \(hash)" else { return nil }
        let expected = String(line.dropFirst(prefix.count - 3))
        return FetchFailure(layer: .sumdb, failureClass: "checksum-mismatch", message:
            "verifying module: checksum mismatch\n\tdownloaded: \(hash)\n\t\(lookup.database): \(expected)" + sumdbMismatch)
    }

    // cmd/go/internal/modfetch/fetch.go sumdbMismatch
    static let sumdbMismatch = """


        SECURITY ERROR
        This download does NOT match the one reported by the checksum server.
        The bits may have been replaced on the origin server, or an attacker may
        have intercepted the download attempt.

        For more information, see 'go help module-auth'.

        """
}
