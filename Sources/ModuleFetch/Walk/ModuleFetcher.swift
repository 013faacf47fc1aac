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
    /// The go command's release, for what differs between releases (go-import parsing); nil = newest.
    public var goRelease: GoReleaseVersion?

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
        var directProbe = DirectProbe(transport: transport, environment: environment, insecure: request.insecure,
                                      govcs: govcs, isPrivate: request.isPrivate)
        directProbe.goRelease = goRelease
        walker.directProbe = directProbe
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
        let needsLookup = request.checksumDatabase != nil && (request.goSumModHashes.isEmpty || request.goSumZipHashes.isEmpty)
        // Each file is its own TryProxies walk and the database lookup needs only path@version,
        // so when the route starts at a proxy they all start with `.info`: their round trips
        // overlap instead of adding up. Answers are still judged in the go command's order;
        // what an earlier failure (or a walk that went direct) would have prevented is cancelled
        // and dropped, so the outcome is the sequential one.
        // Only the route's leading proxies are walked ahead: nothing goes to a module's origin
        // (go-get discovery, the VCS) before the go command would go there.
        let proxySteps = Array(request.steps.prefix { $0.action == .fetchFromProxy })
        var ahead: [Int: Task<(FileWalk, DirectProbeReport?), Never>] = [:]
        var lookupAhead: Task<ChecksumLookup, Never>?
        if !proxySteps.isEmpty {
            let walker = walker, path = request.path
            for (index, file) in files.enumerated().dropFirst() {
                ahead[index] = Task { await walker.walk(file, modulePath: path, steps: proxySteps, direct: nil, deadline: deadline) }
            }
            if needsLookup, let database = request.checksumDatabase {
                lookupAhead = Task { await self.checksumRecords(database: database, path: path, version: version, deadline: deadline) }
            }
        }
        defer {
            for task in ahead.values { task.cancel() }
            lookupAhead?.cancel()
        }
        for (index, file) in files.enumerated() {
            var walked: (FileWalk, DirectProbeReport?)?
            if let task = ahead.removeValue(forKey: index) {
                let early = await task.value
                // A walk that failed having tried only the leading proxies would go on down the
                // route: it is walked again, whole, now that its turn has come.
                if early.0.failure == nil || proxySteps.count == request.steps.count { walked = early }
            }
            let (walk, report) = if let walked {
                walked
            } else {
                await walker.walk(file, modulePath: request.path, steps: request.steps, direct: direct, deadline: deadline)
            }
            direct = report
            outcome.walks.append(walk)
            if let failure = walk.failure { return fail(outcome, failure, at: file.kind, url: walk.failedURL) }
            if outcome.servedBy == nil { outcome.servedBy = walk.servedBy }
            // Direct mode is probed, not transferred: one successful probe stands for every file —
            // except a "mod" import, a module proxy whose files were fetched and are verified here.
            if (walk.servedBy == "direct" && direct?.matched?.vcs != "mod") || walk.servedBy == "noproxy" { break }
            let served = walk.attempts.last?.request
            switch file {
            case .mod:
                let goMod = served?.body ?? []
                if let failure = DownloadVerification.checkGoMod(goMod, path: request.path, version: version, goSum: request.goSumModHashes) {
                    return fail(outcome, failure, at: "mod", url: served?.url)
                }
                if needsLookup, let database = request.checksumDatabase {
                    let records = if let lookupAhead {
                        await lookupAhead.value
                    } else {
                        await checksumRecords(database: database, path: request.path, version: version, deadline: deadline)
                    }
                    let lookup = compare(records, goMod: request.goSumModHashes.isEmpty ? goMod : nil, path: request.path, version: version)
                    outcome.checksum = lookup
                    if let failure = lookup.failure {
                        // A go.mod the database contradicts is the mirror's bytes; any other lookup failure is the database's.
                        let url = failure.layer == .integrity ? served?.url : lookup.requests.last?.url
                        return fail(outcome, failure, at: failure.layer == .integrity ? "mod" : "sumdb", url: url)
                    }
                }
            case .zip:
                // `served` holds the zip's nameless file for the check; the outcome kept for the
                // report does not, so each file is closed (and its disk space freed) once checked.
                outcome.walks[outcome.walks.count - 1].dropBodyFiles()
                let consulted = outcome.checksum.flatMap { lookup in lookup.failure == nil ? (name: lookup.database, lines: lookup.lines) : nil }
                if let failure = DownloadVerification.checkZip(served, path: request.path, version: version, goSum: request.goSumZipHashes,
                                                               database: verifierKey == nil ? nil : consulted, deadline: deadline) {
                    return fail(outcome, failure, at: "zip", url: served?.url)
                }
            default:
                break
            }
        }
        return outcome
    }

    /// - Parameter url: the request whose answer decided the failure (redacted), nil when no
    ///   request did (configuration); `check` ties the failure to that endpoint through it.
    func fail(_ outcome: ModuleFetchOutcome, _ failure: FetchFailure, at file: String, url: String? = nil) -> ModuleFetchOutcome {
        var outcome = outcome
        outcome.status = .fails
        outcome.failedAt = file
        outcome.failedURL = url
        var wrapped = failure
        // module.VersionError: "path@version: err"; downloadZip's prefix check and go.sum's
        // mismatch (base.Fatalf in haveModSumLocked) are reported bare.
        let bare = (failure.failureClass == "bad-zip" && failure.message.hasPrefix("zip for "))
            || failure.message.hasPrefix("verifying \(outcome.path)@\(outcome.version)")
        if !bare {
            wrapped.message = "\(outcome.path)@\(outcome.version): \(failure.message)"
        }
        outcome.failure = wrapped
        return outcome
    }

    /// `/lookup/<path>@<version>` at the routed base (cmd/go/internal/modfetch/sumdb.go ReadRemote),
    /// then the go.mod comparison.
    func checksumLookup(database: String, path: String, version: String, goMod: [UInt8]?, deadline: ProbeDeadline) async -> ChecksumLookup {
        compare(await checksumRecords(database: database, path: path, version: version, deadline: deadline),
                     goMod: goMod, path: path, version: version)
    }

    /// The database's verified records for path@version (signed tree head, record, tiles);
    /// `lines` empty and `failure` set when any step could not complete.
    func checksumRecords(database: String, path: String, version: String, deadline: ProbeDeadline) async -> ChecksumLookup {
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
            // The same record holds the zip's line; a lookup that fails here fails the module (fail closed).
            lookup.lines = lines + (try await client.lookup(path: path, version: version))
            lookup.requests += await ops.requests
        } catch {
            lookup.lines = []
            lookup.requests += await ops.requests
            lookup.failure = FetchFailure(layer: .sumdb, failureClass: error.code, message: "verifying go.mod: " + error.message)
        }
        return lookup
    }

    /// fetch.go checkSumDB: the downloaded go.mod must hash to the database's line. A lookup
    /// that already failed stays as it is; without a go.mod (go.sum vouches for it) or without
    /// the database's key (only the lookup's HTTP answer is judged) nothing is compared.
    func compare(_ records: ChecksumLookup, goMod: [UInt8]?, path: String, version: String) -> ChecksumLookup {
        var lookup = records
        guard lookup.failure == nil, verifierKey != nil, let goMod else { return lookup }
        let hash = DirHash.hashGoMod(goMod)
        let prefix = "\(path) \(version)/go.mod h1:"
        if lookup.lines.contains("\(path) \(version)/go.mod \(hash)") { return lookup }
        if let line = lookup.lines.first(where: { $0.hasPrefix(prefix) }) {
            let expected = String(line.dropFirst(prefix.count - 3))
            lookup.failure = FetchFailure(layer: .integrity, failureClass: "checksum-mismatch", message:
                "verifying go.mod: checksum mismatch\n\tdownloaded: \(hash)\n\t\(lookup.database): \(expected)" + Self.sumdbMismatch)
        } else {
            // Nothing vouches for this go.mod: a failure, never a pass.
            lookup.failure = FetchFailure(layer: .sumdb, failureClass: "missing-line",
                                          message: "verifying go.mod: the checksum database gave no hash for \(path)@\(version)/go.mod")
        }
        return lookup
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
