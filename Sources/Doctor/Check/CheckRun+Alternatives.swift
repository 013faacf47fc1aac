import GoModConfig
import ModuleFetch
import NetProbes

extension CheckRun {
    /// DNS findings that mean the system resolver gives no answer at all (not an answer
    /// about one name, such as NXDOMAIN or a poisoned address, where another mirror may resolve).
    static let resolverSilentFindings: Set<String> = ["endpoint.dns.server-unreachable", "endpoint.dns.timeout"]

    /// When root causes block modules at a proxy, a mirror or a direct host, the candidates
    /// that could replace it are verified with those modules (AlternativeProxyCheck); when the
    /// checksum database sum.golang.org (or its alias) is the cause, the alias's signed tree
    /// head is verified (SumDBMirrorCheck). Both under the run's deadline, at once; the broken
    /// sources themselves are never candidates.
    func verifyAlternatives(for diagnosis: CheckDiagnosis, endpoints: [CheckDiagnosis.EndpointResult], requests: [ModuleFetchRequest],
                            config: ConfigDiagnosis, sumdb: SumDBRouter.Routing?,
                            deadline: ProbeDeadline) async -> (proxies: [VerifiedProxy], databases: [String]) {
        guard checks.contains(.modules) else { return ([], []) }
        var blocked: [String: Bool] = [:]   // path@version → its bytes failed verification
        var excluded = Set<String>()
        var databaseHosts: [String] = []
        for cause in diagnosis.rootCauses where cause.finding.severity == .failure || cause.finding.arguments["servedBy"] == "fallback" {
            // The system resolver itself does not answer: every candidate's name would go to that
            // same silent resolver, so none can be verified (and no mirror is the fix); trying
            // only waited out the deadline.
            if Self.resolverSilentFindings.contains(cause.finding.id) { continue }
            guard let key = cause.endpoint, let result = endpoints.first(where: { $0.endpoint.key == key }) else { continue }
            if result.endpoint.roles == [.checksumDatabase], let alias = SumDBMirrorCheck.alias(of: result.endpoint.target.host) {
                databaseHosts.append(alias)
            }
            guard !Set(result.endpoint.roles).isDisjoint(with: [.proxy, .direct]) else { continue }
            if result.endpoint.roles.contains(.proxy) { excluded.insert(CheckRoleFix.proxyURL(result.endpoint)) }
            // A broken entry a `|` fallback covers blocks nothing but slows every module that needs it.
            let needing = cause.blockedModules.isEmpty ? result.endpoint.modules : cause.blockedModules
            for name in needing { blocked[name] = (blocked[name] ?? false) || cause.finding.layer == .integrity }
        }
        let sampled = requests.filter { blocked["\($0.path)@\($0.version)"] != nil }.map { request -> ModuleFetchRequest in
            var request = request
            request.fetchZip = blocked["\(request.path)@\(request.version)"] == true
            return request
        }
        guard !sampled.isEmpty || !databaseHosts.isEmpty else { return ([], []) }
        let govcs = (try? GoVCSRules.parse(config.env["GOVCS"])) ?? GoVCSRules()
        let transport = HTTPModuleTransport(environment: environment, auth: GoAuthCredentials(env: config.env, environment: environment), goRelease: config.env.goVersion,
                                            dialTimeout: Self.fetchDialTimeout(timeoutSeconds: timeoutSeconds))
        var fetcher = ModuleFetcher(transport: transport, environment: environment, govcs: govcs, sumdb: sumdb)
        let key = config.routes.checksumDatabase.flatMap { try? VerifierKey.parse($0.verifierKey) }
        fetcher.verifierKey = key
        fetcher.goRelease = config.env.goVersion
        let candidates = AlternativeProxyCheck.candidates(routes: config.routes, excluded: excluded)
        async let proxies = AlternativeProxyCheck(fetcher: fetcher).verify(candidates: candidates, blocked: sampled, deadline: deadline)
        var databases: [String] = []
        if let key {
            for host in Set(databaseHosts).sorted() where await SumDBMirrorCheck(transport: transport).verify(host: host, key: key, deadline: deadline) {
                databases.append(host)
            }
        }
        return (await proxies, databases)
    }
}
