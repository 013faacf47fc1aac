import GoModConfig
import ModuleFetch

/// The verdict of `gomod-doctor check`: every finding (configuration, endpoint verdicts,
/// module fetch failures), the root causes ordered by how many modules they block, one
/// checklist line per check, and the exit status. Pure over the evidence handed in.
public struct CheckDiagnosis: Sendable, Equatable, Codable {
    /// Exit status of the command: 0 healthy, 1 warnings, 2 failures (3 is a usage error).
    public enum Status: Int, Sendable, Codable, Comparable {
        case healthy = 0, warnings = 1, failures = 2
        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var status: Status
    /// Root causes first: most blocked modules, then worst severity.
    public var rootCauses: [CheckRootCause]
    /// Every finding: configuration, then endpoints, then module fetch failures.
    public var findings: [Finding]
    public var checks: [CheckLine]
    /// `path@version` of each failing module → the key of the endpoint its failure was tied
    /// to (by the deciding request's URL and typed class); renderers draw from this, never
    /// from message text.
    public var moduleEndpoints: [String: String]

    public init(status: Status, rootCauses: [CheckRootCause], findings: [Finding], checks: [CheckLine],
                moduleEndpoints: [String: String] = [:]) {
        self.status = status
        self.rootCauses = rootCauses
        self.findings = findings
        self.checks = checks
        self.moduleEndpoints = moduleEndpoints
    }

    /// The evidence of one endpoint: where it is and its layered verdict.
    public struct EndpointResult: Sendable, Equatable, Codable {
        public var endpoint: CheckEndpoint
        public var verdict: EndpointVerdict
        /// The go command turned out not to contact it (`unusedReason` says why). Its failures
        /// are not causes.
        public var unused: Bool
        public var unusedReason: UnusedReason?

        public init(endpoint: CheckEndpoint, verdict: EndpointVerdict, unused: Bool = false) {
            self.endpoint = endpoint
            self.verdict = verdict
            self.unused = unused
            self.unusedReason = unused ? .sumdbRouteSettled : nil
        }

        /// Marks a checksum-database-only endpoint unused when the database route settled on
        /// another base (`base`: the routing's URL; nil when it was not resolved)
        /// (modfetch/sumdb.go initBase).
        public func settingUnused(databaseBase base: String?) -> EndpointResult {
            guard endpoint.roles == [.checksumDatabase], let base, let settled = CheckEndpoints.target(url: base) else { return self }
            let baseKey = CheckEndpoint(target: settled, roles: [], modules: []).key
            return EndpointResult(endpoint: endpoint, verdict: verdict, unused: baseKey != endpoint.key)
        }

        /// The broken layer that counts: for HTTPS_PROXY only DNS, TCP and a refused CONNECT do
        /// (a proxy need not answer a plain GET of "/").
        public var rootLayer: Layer? {
            guard let root = verdict.rootLayer, !unused else { return nil }
            if endpoint.roles == [.httpsProxy] && ![.dns, .tcp].contains(root)
                && !verdict.findings.contains(where: { $0.id == "endpoint.https-proxy.connect-refused" }) { return nil }
            return root
        }
    }

    /// - Parameters:
    ///   - modules: every module outcome of the fetch, the toolchain's included.
    ///   - env: where each variable comes from, so fixes change it where it takes effect; nil in
    ///     pure tests (plain `go env -w` lines).
    ///   - verified: proxies this run proved able to serve the blocked modules.
    ///   - verifiedDatabases: checksum-database mirrors whose signed tree head verified this run.
    public static func make(configFindings: [Finding], endpoints: [EndpointResult], modules: [ModuleFetchOutcome],
                            env: ResolvedGoEnv? = nil, verified: [VerifiedProxy] = [], verifiedDatabases: [String] = [],
                            toolchain: ToolchainCheck? = nil) -> CheckDiagnosis {
        let fetched = modules.filter { $0.status != .skipped }
        let total = fetched.count
        let toolchainCause = toolchainDownloadCause(toolchain, totalModules: total)
        let failing = fetched.filter { outcome in
            outcome.status == .fails && !(toolchainCause?.blockedModules.contains("\(outcome.path)@\(outcome.version)") ?? false)
        }
        let context = CheckFixContext(env: env, endpoints: endpoints, modules: modules, verified: verified, verifiedDatabases: verifiedDatabases)
        let configFindings = configFindings.compactMap { restrictedByFetch($0, fetched) }.map { settlingToolchainRefusal($0, toolchain: toolchain) }
        var checks = configFindings.map { CheckLine(kind: .config, subject: $0.target, severity: $0.severity, detail: $0.id) }
        if configFindings.isEmpty { checks.append(CheckLine(kind: .config, subject: "go env", severity: nil, detail: "")) }
        var findings = configFindings
        var roots: [CheckRootCause] = configFindings.filter { $0.severity == .failure }.map {
            CheckRootCause(finding: $0, endpoint: nil, blockedModules: [], totalModules: total)
        }
        if let toolchainCause {
            roots.append(toolchainCause)
            findings.append(toolchainCause.finding)
        }

        // Each failing module is tied to the endpoint of the request that decided its failure
        // (ModuleFailureSite); a broken endpoint blocks it, a healthy one that failed it is a
        // module-level cause on that endpoint; else the first broken endpoint it depends on;
        // what no endpoint explains is a module-level cause of its own.
        let privateHosts = Set(configFindings.filter { $0.id == "config.private-module.not-in-goprivate" && $0.severity == .failure }
            .map { $0.target.lowercased() })
        let attribution = attribute(failing, endpoints: endpoints, privateHosts: privateHosts)
        let blockedBy = attribution.blockedBy
        let folded = foldedIntoHTTPSProxy(endpoints)
        var warnings: [CheckRootCause] = configFindings.filter { $0.severity == .warning }.map {
            CheckRootCause(finding: $0, endpoint: nil, blockedModules: [], totalModules: total)
        }
        for result in endpoints {
            let verdict = result.verdict
            let blocked = (blockedBy[result.endpoint.key] ?? []).sorted()
            // Broken, yet every module depending on it was served (a `|` fallback took over): the
            // go command succeeds, slowly — a warning that says so, not a failure.
            let servedAnyway = result.rootLayer != nil && blocked.isEmpty && servedDespite(result, fetched)
            let worst: Severity = servedAnyway ? .warning : .failure
            var severity = result.rootLayer != nil ? worst : verdict.findings.map(\.severity).filter { $0 != .info }.max()
            var detail = result.rootLayer.map { "\($0.rawValue): " + (verdict.layers.first { $0.layer == result.rootLayer }?.detail ?? "") }
                ?? verdict.layers.filter { $0.status == .ok }.map(\.layer.rawValue).joined(separator: " ")
            if result.unused {
                severity = verdict.rootLayer == nil ? nil : .info
                detail = unusedDetail(result)
            }
            checks.append(CheckLine(kind: .endpoint, subject: result.endpoint.key, severity: severity, detail: detail))
            let kept = result.unused ? [] : verdict.findings.filter { $0.id != "endpoint.healthy" && (result.rootLayer != nil || $0.severity != .failure) }
                .map { $0.severity == .failure ? CheckRoleFix.applied(to: $0, endpoint: result.endpoint, context: context) : $0 }
                .map { finding -> Finding in
                    guard servedAnyway, finding.severity == .failure else { return finding }
                    var copy = finding
                    copy.severity = .warning
                    copy.arguments["servedBy"] = "fallback"
                    copy.evidence.append("every module that needs it was served by a later GOPROXY entry after it failed: the go command waits for it on every request")
                    return copy
                }
            findings += kept
            if folded[result.endpoint.key] != nil { continue }
            if result.rootLayer != nil, !servedAnyway, let root = kept.first(where: { $0.severity == .failure }) {
                let symptoms = verdict.layers.filter { $0.status == .symptom }.map { "\($0.layer.rawValue): \($0.detail)" }
                    + endpoints.filter { folded[$0.endpoint.key] == result.endpoint.key }.map { "\($0.endpoint.key) \(symptom(of: $0))" }
                roots.append(CheckRootCause(finding: root, endpoint: result.endpoint.key, blockedModules: blocked, totalModules: total,
                                            symptoms: symptoms))
            } else if !result.unused, let warning = kept.first(where: { $0.severity == .warning }) {
                warnings.append(CheckRootCause(finding: warning, endpoint: result.endpoint.key, blockedModules: [], totalModules: total))
            }
        }
        // Causes found only by the fetch, on the endpoint that answered them.
        for group in attribution.atHealthyEndpoints {
            guard let result = endpoints.first(where: { $0.endpoint.key == group.key }) else { continue }
            let finding = CheckModuleCause.finding(failure: group.failure, endpoint: result.endpoint, modules: group.modules, context: context)
            findings.append(finding)
            roots.append(CheckRootCause(finding: finding, endpoint: group.key, blockedModules: group.modules.map { "\($0.path)@\($0.version)" }.sorted(),
                                        totalModules: total))
        }

        var groups: [String: (finding: Finding, modules: [String])] = [:]
        var groupOrder: [String] = []
        for module in fetched {
            let name = "\(module.path)@\(module.version)"
            guard module.status == .fails, let failure = module.failure else {
                checks.append(CheckLine(kind: .module, subject: name, severity: nil, detail: module.servedBy ?? ""))
                continue
            }
            let finding = fetchFinding(module: name, failedAt: module.failedAt, failure: failure)
            findings.append(finding)
            checks.append(CheckLine(kind: .module, subject: name, severity: .failure, detail: "\(failure.layer.rawValue) (\(failure.failureClass))"))
            guard attribution.unexplained.contains(where: { $0.path == module.path && $0.version == module.version }) else { continue }
            // A failure the configuration alone decides belongs to the first configuration failure.
            // So does a module the private-module rule named: the proxy 404s it because it is private.
            let host = PrivateModuleHeuristic.host(of: module.path).lowercased()
            let privateCause = roots.firstIndex { $0.finding.id == "config.private-module.not-in-goprivate" && $0.finding.target.lowercased() == host }
            if let position = privateCause ?? (failure.layer == .config ? roots.firstIndex(where: { $0.endpoint == nil && $0.finding.layer == .config }) : nil) {
                roots[position].blockedModules.append(name)
                roots[position].blockedModules.sort()
                continue
            }
            let key = "\(failure.layer.rawValue)/\(failure.failureClass)"
            if groups[key] == nil { groupOrder.append(key); groups[key] = (finding, []) }
            groups[key]?.modules.append(name)
        }
        for key in groupOrder {
            guard let group = groups[key] else { continue }
            roots.append(CheckRootCause(finding: group.finding, endpoint: nil, blockedModules: group.modules.sorted(), totalModules: total))
        }

        let status: Status = findings.contains { $0.severity == .failure } ? .failures
            : findings.contains { $0.severity == .warning } ? .warnings : .healthy
        // Failures first (by impact), then warnings: a warning never outranks a failure.
        return CheckDiagnosis(status: status, rootCauses: CheckRootCause.mergingMachineWide(ordered(roots)) + ordered(warnings), findings: findings,
                              checks: checks, moduleEndpoints: attribution.moduleEndpoints)
    }

    /// Endpoints whose TLS or HTTP failure only repeats a broken HTTPS_PROXY they are reached
    /// through (their requests never left through it): endpoint key → the proxy endpoint's key.
    static func foldedIntoHTTPSProxy(_ endpoints: [EndpointResult]) -> [String: String] {
        let proxies = endpoints.filter { $0.endpoint.roles.contains(.httpsProxy) && $0.rootLayer != nil }
        var folded: [String: String] = [:]
        for result in endpoints where !result.endpoint.roles.contains(.httpsProxy) && result.endpoint.target.scheme == .https {
            guard let layer = result.rootLayer, [.tls, .http].contains(layer) else { continue }
            if let proxy = proxies.first(where: { !Set($0.endpoint.modules).isDisjoint(with: result.endpoint.modules) }) {
                folded[result.endpoint.key] = proxy.endpoint.key
            }
        }
        return folded
    }

    /// "<layer>: <detail>" of an endpoint's broken layer.
    static func symptom(of result: EndpointResult) -> String {
        guard let layer = result.rootLayer else { return "" }
        return "\(layer.rawValue): " + (result.verdict.layers.first { $0.layer == layer }?.detail ?? "")
    }

    /// Most blocked modules first, then worst severity; stable otherwise.
    public static func ordered(_ roots: [CheckRootCause]) -> [CheckRootCause] {
        roots.enumerated().sorted { lhs, rhs in
            if lhs.element.blockedModules.count != rhs.element.blockedModules.count {
                return lhs.element.blockedModules.count > rhs.element.blockedModules.count
            }
            if lhs.element.finding.severity != rhs.element.finding.severity {
                return lhs.element.finding.severity > rhs.element.finding.severity
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// A module's fetch failure as a finding `check.fetch-failed`: its layer, class and the go
    /// command's own text.
    public static func fetchFinding(module: String, failedAt: String?, failure: FetchFailure) -> Finding {
        Finding(id: "check.fetch-failed", layer: layer(failure.layer), severity: .failure, target: module,
                arguments: ["module": module, "layer": failure.layer.rawValue, "class": failure.failureClass,
                            "file": failedAt ?? "-", "message": failure.message],
                evidence: ["go: " + failure.message])
    }

    static func layer(_ layer: FetchFailure.Layer) -> Layer {
        switch layer {
        case .config: return .config
        case .dns: return .dns
        case .tcp: return .tcp
        case .tls: return .tls
        case .http, .vcs: return .http
        case .moduleProtocol: return .moduleProtocol
        case .sumdb: return .sumdb
        case .integrity: return .integrity
        }
    }
}
