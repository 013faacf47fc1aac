import GoModConfig

extension ConfigRules {
    /// Private-looking modules that GOPRIVATE/GONOPROXY do not cover go to a public proxy,
    /// which cannot serve them; those GONOSUMDB does not cover are looked up in the public
    /// checksum database, which answers 404/410 ("verifying module: … 410 Gone").
    static func privateModulesRouting(_ c: ConfigContext) -> [Finding] {
        var findings: [Finding] = []
        let looksPrivate = c.downloadedModules.filter { PrivateModuleHeuristic.looksPrivate($0.path) }
        let byHost = Dictionary(grouping: looksPrivate) { PrivateModuleHeuristic.host(of: $0.path) }
        // One combined command for all hosts, so running the fixes of several findings composes.
        let hostsForGOPRIVATE = byHost.keys.filter { host in byHost[host]?.contains { !$0.matchesGONOPROXY } == true }.sorted()
        let hostsForGONOSUMDB = byHost.keys.filter { host in
            byHost[host]?.contains { !$0.matchesGONOSUMDB && $0.checksum.database != nil && $0.checksum.goSumHasEntry != true } == true
        }.sorted()
        var privateCommands = FixCommands.append("GOPRIVATE", hostsForGOPRIVATE, in: c.env)
        if c.env.variable("GONOPROXY")?.source != .derived, !c.env["GONOPROXY"].isEmpty {
            privateCommands += FixCommands.append("GONOPROXY", hostsForGOPRIVATE, in: c.env)
        }
        if c.env.variable("GONOSUMDB")?.source != .derived, !c.env["GONOSUMDB"].isEmpty {
            privateCommands += FixCommands.append("GONOSUMDB", hostsForGOPRIVATE, in: c.env)
        }
        for host in byHost.keys.sorted() {
            let modules = byHost[host] ?? []
            let unproxied = modules.filter { !$0.matchesGONOPROXY }
            let unsummed = modules.filter { !$0.matchesGONOSUMDB && $0.checksum.database != nil && $0.checksum.goSumHasEntry != true }
            if let first = unproxied.first {
                let toPublicProxy = first.firstNetworkStep?.kind == .proxy
                findings.append(Finding(
                    id: "config.private-module.not-in-goprivate", severity: toPublicProxy ? .failure : .warning, target: host,
                    arguments: ["host": host, "count": String(unproxied.count), "first": "\(first.path)@\(first.version)",
                                "proxy": first.firstNetworkStep?.url ?? "direct"],
                    evidence: unproxied.prefix(10).map { "\($0.path)@\($0.version): " + describe($0.sources) }
                        + ["GOPRIVATE=\(c.env["GOPRIVATE"])", "GONOPROXY=\(c.env["GONOPROXY"])"],
                    fix: Fix(commands: privateCommands, explanationKey: "fix.goprivate.add")))
            } else if let first = unsummed.first {
                findings.append(Finding(
                    id: "config.private-module.sumdb", severity: .failure, target: host,
                    arguments: ["host": host, "count": String(unsummed.count), "first": "\(first.path)@\(first.version)",
                                "database": first.checksum.database ?? ""],
                    evidence: unsummed.prefix(10).map { "\($0.path)@\($0.version): checksum database \($0.checksum.database ?? "") consulted" }
                        + ["GONOSUMDB=\(c.env["GONOSUMDB"])"],
                    fix: Fix(commands: FixCommands.append("GONOSUMDB", hostsForGONOSUMDB, in: c.env), explanationKey: "fix.gonosumdb.add")))
            }
        }
        return findings
    }

    /// A readable walk: "https://goproxy.cn (404/410 → next) → direct".
    static func describe(_ steps: [RouteStep]) -> String {
        steps.map { step in
            let name = step.url ?? step.kind.rawValue
            switch step.action {
            case .skip: return "\(name) [\(step.reason ?? "skipped")]"
            case .fail: return "\(name) [\(step.reason ?? "fails")]"
            default: return name
            }
        }.joined(separator: " → ")
    }

    /// GOPRIVATE/GONOPROXY/GONOSUMDB globs, set explicitly, that match none of the requirements.
    static func unusedPrivatePatterns(_ c: ConfigContext) -> [Finding] {
        let required = (c.project.goMod?.requires ?? []).map(\.path) + c.routes.modules.map(\.path)
        guard !required.isEmpty else { return [] }
        var findings: [Finding] = []
        for name in ["GOPRIVATE", "GONOPROXY", "GONOSUMDB"] {
            guard let variable = c.env.variable(name), variable.source != .derived, !variable.value.isEmpty else { continue }
            let items: [String] = variable.value.split(separator: ",").map(String.init)
            let globs: [String] = items.filter { (item: String) -> Bool in
                !item.isEmpty && item != "none" && item != "off" && item != "/"
            }
            let unused = globsMatchingNothing(globs, paths: required)
            guard !unused.isEmpty else { continue }
            findings.append(Finding(id: "config.private-pattern.unused", severity: .info, target: name,
                                    arguments: ["variable": name, "patterns": unused.joined(separator: ",")],
                                    evidence: ["\(name)=\(variable.value)", "\(required.count) required module paths checked"]))
        }
        return findings
    }

    static func gonosumdbBroad(_ c: ConfigContext) -> [Finding] {
        let value = c.env["GONOSUMDB"]
        guard c.env["GOSUMDB"] != "off", PrivateModuleHeuristic.matchesAllPublicModules(value) else { return [] }
        let privateHosts = Set(c.downloadedModules.map(\.path).filter(PrivateModuleHeuristic.looksPrivate).map(PrivateModuleHeuristic.host(of:))).sorted()
        let via = c.env.variable("GONOSUMDB")?.source == .derived ? "GOPRIVATE" : "GONOSUMDB"
        let commands = privateHosts.isEmpty ? FixCommands.unset(via, in: c.env)
            : FixCommands.set(via, to: privateHosts.joined(separator: ","), in: c.env)
        return [Finding(id: "config.gonosumdb.everything", severity: .warning, target: via,
                        arguments: ["variable": via, "value": value, "globs": PrivateModuleHeuristic.broadGlobs(value).joined(separator: ",")],
                        evidence: ["\(via)=\(c.env[via])", "GONOSUMDB matches github.com/google/uuid, golang.org/x/text, …"],
                        fix: Fix(commands: commands, explanationKey: "fix.gonosumdb.narrow"))]
    }

    static func goinsecureBroad(_ c: ConfigContext) -> [Finding] {
        let value = c.env["GOINSECURE"]
        guard PrivateModuleHeuristic.matchesAllPublicModules(value) else { return [] }
        return [Finding(id: "config.goinsecure.broad", severity: .warning, target: "GOINSECURE",
                        arguments: ["value": value, "globs": PrivateModuleHeuristic.broadGlobs(value).joined(separator: ",")],
                        evidence: ["GOINSECURE=\(value)"],
                        fix: Fix(commands: FixCommands.unset("GOINSECURE", in: c.env), explanationKey: "fix.goinsecure.narrow"))]
    }
}
