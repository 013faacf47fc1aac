import GoModConfig
import ModuleFetch
import NetProbes

/// Runs `gomod-doctor check`: the configuration diagnosis, then — concurrently, under ONE
/// deadline — a layered probe of every endpoint the go command would use and the module
/// protocol walk for every requirement; then the diagnosis. Never throws: a layer that could
/// not be reached is evidence, not an error.
public struct CheckRun: Sendable {
    public var environment: [String: String]
    public var directory: String
    public var fileSystem: any FileSystemReading
    public var installation: GoInstallation?
    /// The whole run gives up after this many seconds.
    public var timeoutSeconds: Double
    public var resolvConfPath: String
    /// ICMP echo requests per endpoint (0.2 s apart).
    public var pingCount: Int
    /// Fetch every module's .zip, not only a sample of three.
    public var allZips: Bool
    /// The public resolvers compared with resolv.conf's servers, once per host; empty: no comparison.
    public var publicResolvers: [DNSServerAddress]

    // MARK: check --only / --from-error / progress (additive)
    /// The checks to run (`--only`); a check not in it sends nothing. Default: every one.
    public var checks: Set<CheckName> = CheckName.all
    /// `--from-error`: probe and fetch only what a pasted go error names; nil = everything.
    public var focus: CheckFocus?
    /// Called as the run starts and as each endpoint and module finishes, from any task.
    public var progress: (@Sendable (CheckProgress) -> Void)?

    public init(environment: [String: String], directory: String, fileSystem: any FileSystemReading, installation: GoInstallation?,
                timeoutSeconds: Double = 8, resolvConfPath: String = "/etc/resolv.conf", pingCount: Int = 3, allZips: Bool = false,
                publicResolvers: [DNSServerAddress] = CheckResolverComparison.defaultPublicResolvers) {
        self.environment = environment
        self.directory = directory
        self.fileSystem = fileSystem
        self.installation = installation
        self.timeoutSeconds = timeoutSeconds
        self.resolvConfPath = resolvConfPath
        self.pingCount = pingCount
        self.allZips = allZips
        self.publicResolvers = publicResolvers
    }

    /// Everything `check` saw and concluded.
    public struct Result: Sendable, Equatable, Codable {
        public var config: ConfigDiagnosis
        public var endpoints: [CheckDiagnosis.EndpointResult]
        public var fetch: FetchRun.Report
        public var diagnosis: CheckDiagnosis
        public var durationSeconds: Double
        /// The checks that ran (`--only`), in `CheckName` order; every one by default.
        public var selectedChecks: [CheckName] = CheckName.allCases
        /// What `--from-error` focused on; nil without it.
        public var focus: CheckFocus?
        /// Replacement proxies this run verified for the modules a broken source blocks (the only
        /// ones a fix may name); empty when nothing needed one or none passed.
        public var verifiedProxies: [VerifiedProxy] = []

        public init(config: ConfigDiagnosis, endpoints: [CheckDiagnosis.EndpointResult], fetch: FetchRun.Report,
                    diagnosis: CheckDiagnosis, durationSeconds: Double, selectedChecks: [CheckName] = CheckName.allCases,
                    focus: CheckFocus? = nil) {
            self.config = config
            self.endpoints = endpoints
            self.fetch = fetch
            self.diagnosis = diagnosis
            self.durationSeconds = durationSeconds
            self.selectedChecks = selectedChecks
            self.focus = focus
        }
    }

    public func run() async -> Result {
        let start = ContinuousClock.now
        let deadline = ProbeDeadline.after(seconds: timeoutSeconds)
        // The trust roots (tens of milliseconds of parsing) load beside the configuration stage
        // rather than inside the first TLS handshake that needs them; `--only config` needs none.
        let environment = environment
        if !checks.isDisjoint(with: CheckName.endpointLayers) || checks.contains(.modules) || checks.contains(.toolchain) {
            TrustStore.shared(environment: environment).prepare()
        }
        // The deadline covers the configuration stage too: a huge go.mod ends in a
        // `config.unfinished` failure at the deadline instead of running on.
        let config = ConfigDiagnosis.run(environment: environment, directory: directory, fileSystem: fileSystem,
                                         installation: installation, goCommandEnv: nil, deadline: deadline.instant)
        let plan = plan(config: config)
        let endpoints = plan.endpoints
        let counter = CheckProgressCounter(endpoints: endpoints.count, modules: plan.requests.count + (plan.toolchain == nil ? 0 : 1),
                                           report: progress)
        counter.start()
        let witnesses = compareResolvers(for: endpoints, deadline: deadline)
        // A port an endpoint probe judges silent ends the fetches' dials to it too.
        let silentPeers = SilentPeerBoard()
        async let fetch = fetchModules(plan.requests, config: config, toolchain: plan.toolchain, deadline: deadline, counter: counter,
                                       silentPeers: silentPeers)
        let evidence = await probe(endpoints, deadline: deadline, counter: counter, silentPeers: silentPeers)
        let report = await fetch
        // The public resolvers can change a verdict only where a layer failed (judged without them).
        let decisive = Self.judge(endpoints, evidence, comparisons: [:]).contains { $0.verdict.rootLayer != nil }
        let comparisons = await witnesses.settle(mainWorkTook: ContinuousClock.now - start, decisive: decisive)
        let probed = Self.judge(endpoints, evidence, comparisons: comparisons)
        counter.fetchedToolchain(report)
        let outcomes = report.modules + (report.toolchain?.download.map { [$0] } ?? [])
        let results = probed.map { $0.settingUnused(databaseBase: report.sumdb?.base).markingUncontacted(outcomes).markingUnselected(checks) }
        var diagnosis = CheckDiagnosis.make(configFindings: config.findings, endpoints: results, modules: outcomes, env: config.env,
                                            toolchain: report.toolchain)
        let (verified, databases) = await verifyAlternatives(for: diagnosis, endpoints: results, requests: plan.requests, config: config,
                                                             sumdb: report.sumdb, deadline: deadline)
        if !verified.isEmpty || !databases.isEmpty {
            diagnosis = CheckDiagnosis.make(configFindings: config.findings, endpoints: results, modules: outcomes, env: config.env,
                                            verified: verified, verifiedDatabases: databases, toolchain: report.toolchain)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var result = Result(config: config, endpoints: results, fetch: report, diagnosis: diagnosis, durationSeconds: seconds,
                            selectedChecks: checks.sorted(), focus: focus)
        result.verifiedProxies = verified
        return result
    }

    /// What this run probes and fetches after `checks` and `focus`: no endpoint when no
    /// endpoint layer is selected, no module without `modules`, no toolchain without
    /// `toolchain` (nor when focused: the error names what to fetch).
    func plan(config: ConfigDiagnosis) -> (endpoints: [CheckEndpoint], requests: [ModuleFetchRequest], toolchain: ToolchainRoute?) {
        // Only what a selected check uses is built (`--only config` on 200k requirements
        // would otherwise spend seconds on endpoints and requests it throws away).
        let probesEndpoints = !checks.isDisjoint(with: CheckName.endpointLayers)
        var endpoints = probesEndpoints ? CheckEndpoints.collect(routes: config.routes, environment: environment) : []
        var requests = checks.contains(.modules) ? config.routes.modules.map { ModuleFetchRequest(route: $0, fetchZip: true) } : []
        if let focus {
            requests = focus.requests(config: config)
            endpoints = focus.endpoints(endpoints, requests: requests)
        }
        if checks.isDisjoint(with: CheckName.endpointLayers) { endpoints = [] }
        if !checks.contains(.modules) { requests = [] }
        let toolchain = checks.contains(.toolchain) && focus == nil ? config.routes.toolchain : nil
        return (endpoints, requests, toolchain)
    }

    /// The resolver comparison, one per distinct host name (when `dns` is selected), started
    /// beside the endpoint probes and the fetches as side evidence with its own budget (see
    /// `WitnessResolvers.settle`): it never holds the verdict.
    func compareResolvers(for endpoints: [CheckEndpoint], deadline: ProbeDeadline) -> WitnessResolvers {
        let hosts = checks.contains(.dns) ? CheckResolverComparison.hosts(of: endpoints.map(\.target)) : []
        let comparison = CheckResolverComparison(publicResolvers: publicResolvers)
        return WitnessResolvers(Task { await comparison.run(hosts, deadline: deadline) })
    }

    /// Every endpoint probed at once; evidence by the endpoint's position. Progress reports each
    /// endpoint as its own probe ends.
    func probe(_ endpoints: [CheckEndpoint], deadline: ProbeDeadline,
               counter: CheckProgressCounter = CheckProgressCounter(endpoints: 0, modules: 0, report: nil),
               silentPeers: SilentPeerBoard? = nil) async -> [Int: EndpointEvidence] {
        let environment = environment
        let resolvConfPath = resolvConfPath
        let pingCount = pingCount
        let checks = checks
        return await withTaskGroup(of: (Int, EndpointEvidence).self) { group in
            for (position, endpoint) in endpoints.enumerated() {
                group.addTask {
                    var run = EndpointProbeRun(target: endpoint.target, environment: environment, resolvConfPath: resolvConfPath, pingCount: pingCount)
                    run.checks = checks
                    run.silentPeers = silentPeers
                    let evidence = await run.run(deadline: deadline)
                    counter.finished(endpoint: endpoint.key, verdict: EndpointVerdict.judge(evidence))
                    return (position, evidence)
                }
            }
            var collected: [Int: EndpointEvidence] = [:]
            for await (position, evidence) in group { collected[position] = evidence }
            return collected
        }
    }

    /// Each endpoint judged with its host's resolver comparison, in the endpoints' order.
    static func judge(_ endpoints: [CheckEndpoint], _ probed: [Int: EndpointEvidence],
                      comparisons: [String: ProbeResult<ResolverComparisonEvidence>]) -> [CheckDiagnosis.EndpointResult] {
        endpoints.enumerated().compactMap { position, endpoint in
            guard var evidence = probed[position] else { return nil }
            evidence.resolvers = comparisons[endpoint.target.host.lowercased()]
            return CheckDiagnosis.EndpointResult(endpoint: endpoint, verdict: EndpointVerdict.judge(evidence))
        }
    }

    /// The module protocol walk for the requests (and the toolchain), as `fetch` does it.
    func fetchModules(_ requests: [ModuleFetchRequest], config: ConfigDiagnosis, toolchain: ToolchainRoute?,
                      deadline: ProbeDeadline, counter: CheckProgressCounter? = nil,
                      silentPeers: SilentPeerBoard? = nil) async -> FetchRun.Report {
        let govcs = (try? GoVCSRules.parse(config.env["GOVCS"])) ?? GoVCSRules()
        var transport = HTTPModuleTransport(environment: environment, auth: GoAuthCredentials(env: config.env, environment: environment), goRelease: config.env.goVersion,
                                            dialTimeout: Self.fetchDialTimeout(timeoutSeconds: timeoutSeconds))
        transport.silentPeers = silentPeers
        var run = FetchRun(transport: transport, environment: environment, govcs: govcs,
                           options: FetchRun.Options(zipSample: allZips ? nil : 3))
        run.goRelease = config.env.goVersion
        if let counter { run.onOutcome = { counter.fetched($0) } }
        return await run.run(requests, sumdbRoute: config.routes.checksumDatabase, toolchain: toolchain, deadline: deadline)
    }

    /// The fetches' bound on one dial (lookup and connect): half the run, 1–6 s. The endpoint
    /// probes give up on a silent peer after about as long (their DNS step, then 40% of what is
    /// left for the connect), so a blackholed proxy ends both its probe and its fetches well
    /// before the deadline instead of holding the verdict until it passes.
    static func fetchDialTimeout(timeoutSeconds: Double) -> Duration {
        .milliseconds(Int64(min(6, max(1, timeoutSeconds * 0.5)) * 1000))
    }
}
