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
    }

    public func run() async -> Result {
        let start = ContinuousClock.now
        let deadline = ProbeDeadline.after(seconds: timeoutSeconds)
        let config = ConfigDiagnosis.run(environment: environment, directory: directory, fileSystem: fileSystem,
                                         installation: installation, goCommandEnv: nil)
        let endpoints = CheckEndpoints.collect(routes: config.routes, environment: environment)
        async let fetch = fetchModules(config: config, deadline: deadline)
        let probed = await probe(endpoints, deadline: deadline)
        let report = await fetch
        let results = probed.map { $0.settingUnused(databaseBase: report.sumdb?.base) }
        let diagnosis = CheckDiagnosis.make(configFindings: config.findings, endpoints: results,
                                                modules: report.modules + (report.toolchain?.fetch.map { [$0] } ?? []))
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(config: config, endpoints: results, fetch: report, diagnosis: diagnosis, durationSeconds: seconds)
    }

    /// Every endpoint probed at once, beside one resolver comparison per distinct host name;
    /// each endpoint judged with its host's comparison. Results in the endpoints' order.
    func probe(_ endpoints: [CheckEndpoint], deadline: ProbeDeadline) async -> [CheckDiagnosis.EndpointResult] {
        let environment = environment
        let resolvConfPath = resolvConfPath
        let pingCount = pingCount
        let hosts = CheckResolverComparison.hosts(of: endpoints.map(\.target))
        let comparison = CheckResolverComparison(resolvConfPath: resolvConfPath, publicResolvers: publicResolvers)
        async let compared = comparison.run(hosts, deadline: deadline)
        let probed = await withTaskGroup(of: (Int, EndpointEvidence).self) { group in
            for (position, endpoint) in endpoints.enumerated() {
                group.addTask {
                    let run = EndpointProbeRun(target: endpoint.target, environment: environment, resolvConfPath: resolvConfPath, pingCount: pingCount)
                    return (position, await run.run(deadline: deadline))
                }
            }
            var collected: [Int: EndpointEvidence] = [:]
            for await (position, evidence) in group { collected[position] = evidence }
            return collected
        }
        let comparisons = await compared
        return endpoints.enumerated().compactMap { position, endpoint in
            guard var evidence = probed[position] else { return nil }
            evidence.resolvers = comparisons[endpoint.target.host.lowercased()]
            return CheckDiagnosis.EndpointResult(endpoint: endpoint, verdict: EndpointVerdict.judge(evidence))
        }
    }

    /// The module protocol walk for every requirement (and the toolchain), as `fetch` does it.
    func fetchModules(config: ConfigDiagnosis, deadline: ProbeDeadline) async -> FetchRun.Report {
        let requests = config.routes.modules.map { ModuleFetchRequest(route: $0, fetchZip: true) }
        let govcs = (try? GoVCSRules.parse(config.env["GOVCS"])) ?? GoVCSRules()
        let run = FetchRun(transport: HTTPModuleTransport(environment: environment), environment: environment, govcs: govcs,
                           options: FetchRun.Options(zipSample: allZips ? nil : 3))
        return await run.run(requests, sumdbRoute: config.routes.checksumDatabase, toolchain: config.routes.toolchain, deadline: deadline)
    }
}
