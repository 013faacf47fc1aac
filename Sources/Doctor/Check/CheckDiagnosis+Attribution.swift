import GoModConfig
import ModuleFetch

extension CheckDiagnosis {
    /// Failing modules sorted by where they failed.
    struct Attribution {
        /// Broken endpoint key → `path@version` of the modules it blocks.
        var blockedBy: [String: [String]] = [:]
        /// Modules that failed at an endpoint whose own probe was fine, grouped by endpoint and
        /// failure layer/class, in the order first seen.
        var atHealthyEndpoints: [Group] = []
        /// Failures no endpoint explains (configuration, or an endpoint `check` did not probe).
        var unexplained: [ModuleFetchOutcome] = []
        /// `path@version` → the endpoint key the module's failure is tied to.
        var moduleEndpoints: [String: String] = [:]

        struct Group {
            var key: String
            var failure: FetchFailure
            var modules: [ModuleFetchOutcome]
        }
    }

    /// Ties each failing module to an endpoint: the endpoint of its deciding request when
    /// `check` probed it (broken: it blocks the module; healthy: a module-level cause there),
    /// else the first broken endpoint the module depends on.
    /// - Parameter privateHosts: hosts the private-module rule names: a proxy that cannot serve
    ///   their modules is not at fault, the missing GOPRIVATE is (its cause takes them).
    static func attribute(_ failing: [ModuleFetchOutcome], endpoints: [EndpointResult], privateHosts: Set<String> = []) -> Attribution {
        var attribution = Attribution()
        let broken = endpoints.filter { $0.rootLayer != nil }
        for module in failing {
            let name = "\(module.path)@\(module.version)"
            guard let failure = module.failure else { continue }
            if privateHosts.contains(PrivateModuleHeuristic.host(of: module.path).lowercased()) {
                attribution.unexplained.append(module)
                continue
            }
            if let key = ModuleFailureSite.endpointKey(of: module, in: endpoints),
               let site = endpoints.first(where: { $0.endpoint.key == key }) {
                attribution.moduleEndpoints[name] = key
                if site.rootLayer != nil {
                    attribution.blockedBy[key, default: []].append(name)
                } else if let index = attribution.atHealthyEndpoints.firstIndex(where: {
                    $0.key == key && $0.failure.layer == failure.layer && $0.failure.failureClass == failure.failureClass
                }) {
                    attribution.atHealthyEndpoints[index].modules.append(module)
                } else {
                    attribution.atHealthyEndpoints.append(Attribution.Group(key: key, failure: failure, modules: [module]))
                }
                continue
            }
            // No probed endpoint answered for it (configuration, or a host `check` does not probe):
            // a broken endpoint on its route explains it, else it stands alone.
            if failure.layer != .config, let cause = broken.first(where: { $0.endpoint.modules.contains(name) }) {
                attribution.moduleEndpoints[name] = cause.endpoint.key
                attribution.blockedBy[cause.endpoint.key, default: []].append(name)
            } else {
                attribution.unexplained.append(module)
            }
        }
        return attribution
    }

    /// The private-module heuristic is a guess: after the fetch it speaks only of the modules the
    /// proxy failed for. Modules of that host the proxy served prove it wrong for them; when it
    /// served them all the finding is dropped. Other findings pass unchanged.
    static func restrictedByFetch(_ finding: Finding, _ fetched: [ModuleFetchOutcome]) -> Finding? {
        guard finding.id == "config.private-module.not-in-goprivate" else { return finding }
        let ofHost = fetched.filter { PrivateModuleHeuristic.host(of: $0.path).lowercased() == finding.target.lowercased() }
        guard !ofHost.isEmpty else { return finding }
        let failed = ofHost.filter { $0.status == .fails }
        guard let first = failed.first else { return nil }
        var copy = finding
        copy.arguments["count"] = String(failed.count)
        copy.arguments["first"] = "\(first.path)@\(first.version)"
        copy.evidence = failed.prefix(10).map { "\($0.path)@\($0.version): " + ($0.failure?.message.split(separator: "\n").first.map(String.init) ?? "") }
            + finding.evidence.filter { $0.hasPrefix("GOPRIVATE=") || $0.hasPrefix("GONOPROXY=") }
        return copy
    }

    /// Whether every module that depends on a broken endpoint was fetched all the same (a later
    /// `|` entry served it after this one failed): none was skipped, none failed. False when
    /// nothing depending on it was fetched (no project, `--only` without modules).
    static func servedDespite(_ result: EndpointResult, _ fetched: [ModuleFetchOutcome]) -> Bool {
        let mine = fetched.filter { result.endpoint.modules.contains("\($0.path)@\($0.version)") }
        return !mine.isEmpty && mine.allSatisfy { $0.status == .ok }
    }

    /// The check line of an endpoint the go command would not contact.
    static func unusedDetail(_ result: EndpointResult) -> String {
        let broken = result.verdict.rootLayer.map { " (\($0.rawValue) broken)" } ?? ""
        switch result.unusedReason ?? .sumdbRouteSettled {
        case .sumdbRouteSettled:
            return "not contacted: the checksum database route settled on another base" + broken
        case .notReached:
            return "not contacted: every module was served (or failed) before the walk reached it; it matters only for a module the entries before it do not have" + broken
        }
    }
}
