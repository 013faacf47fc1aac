import GoModConfig

/// Turns the resolved configuration and route table into findings. Each rule is a small
/// function; `evaluate` runs them all and orders the result by severity. A non-default
/// mirror is never a finding in itself.
public enum ConfigRules {
    /// - Parameter deadline: rules are not started once it has passed; then, and when the route
    ///   table itself is unfinished, the result carries a `config.unfinished` failure.
    public static func evaluate(_ context: ConfigContext, deadline: ContinuousClock.Instant? = nil) -> [Finding] {
        let rules: [(ConfigContext) -> [Finding]] = [
            projectFiles, unreadFiles, goproxyInvalid, goproxyOff, goproxyHTTP, goproxyNoDirect,
            privateModulesRouting, unusedPrivatePatterns, malformedPrivatePatterns,
            gosumdb, gonosumdbBroad, goinsecureBroad,
            go111module, goflags, govcs, toolchain,
            httpsProxyNoProxy, credentialsInURLs, goauth,
            goenvFileProblems, goenvFileLongLines, shadowedValues, goCommandDisagreement,
        ]
        // What could not be read is always said, deadline or not (both rules are O(1)).
        var findings: [Finding] = projectFiles(context) + unreadFiles(context)
        var skipped = 0
        for (position, rule) in rules.enumerated() where position >= 2 {
            if let deadline, ContinuousClock.now >= deadline {
                skipped = rules.count - position
                break
            }
            findings += rule(context)
        }
        if let unfinished = unfinishedFinding(context, rulesSkipped: skipped, rules: rules.count) { findings.append(unfinished) }
        return findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    static func projectFiles(_ c: ConfigContext) -> [Finding] {
        var findings: [Finding] = []
        if let error = c.project.goModError {
            findings.append(Finding(id: "config.gomod.malformed", severity: .failure, target: error.input,
                                    arguments: ["error": error.description], evidence: [error.description]))
        }
        if let error = c.project.goSumError {
            findings.append(Finding(id: "config.gosum.malformed", severity: .failure, target: error.input,
                                    arguments: ["error": error.description], evidence: [error.description],
                                    fix: Fix(commands: ["go mod tidy"], explanationKey: "fix.gosum.regenerate")))
        }
        return findings
    }

    static func goproxyInvalid(_ c: ConfigContext) -> [Finding] {
        guard let error = c.routes.proxyListError else { return [] }
        let value = c.env["GOPROXY"]
        let id = value.isEmpty ? "config.goproxy.empty" : "config.goproxy.invalid"
        return [Finding(id: id, severity: .failure, target: "GOPROXY",
                        arguments: ["value": value, "error": error.message],
                        evidence: ["GOPROXY=\(value)", error.message] + origin(c, "GOPROXY"),
                        fix: Fix(commands: FixCommands.set("GOPROXY", to: "https://proxy.golang.org,direct", in: c.env),
                                 explanationKey: "fix.goproxy.default"))]
    }

    static func goproxyOff(_ c: ConfigContext) -> [Finding] {
        let entries = c.routes.proxyList.map(\.entry).filter { $0 != .noproxy }
        guard entries.contains(.off) else { return [] }
        let blocked = c.downloadedModules.filter { route in
            !route.sources.contains { $0.contactsNetwork }
        }
        if entries.first == .off {
            return [Finding(id: "config.goproxy.off", severity: blocked.isEmpty && !c.downloadedModules.isEmpty ? .warning : .failure,
                            target: "GOPROXY",
                            arguments: ["count": String(blocked.count), "total": String(c.downloadedModules.count)],
                            evidence: ["GOPROXY=\(c.env["GOPROXY"])"] + origin(c, "GOPROXY") + blocked.prefix(10).map { "\($0.path)@\($0.version): module lookup disabled by GOPROXY=off" },
                            fix: Fix(commands: FixCommands.set("GOPROXY", to: "https://proxy.golang.org,direct", in: c.env),
                                     explanationKey: "fix.goproxy.default"))]
        }
        let before = c.proxyURLs.last ?? ""
        return [Finding(id: "config.goproxy.ends-with-off", severity: .info, target: "GOPROXY",
                        arguments: ["proxy": before], evidence: ["GOPROXY=\(c.env["GOPROXY"])"])]
    }

    static func goproxyHTTP(_ c: ConfigContext) -> [Finding] {
        c.proxyURLs.filter { $0.lowercased().hasPrefix("http://") && !isLoopbackURL($0) }.map { url in
            Finding(id: "config.goproxy.plain-http", severity: .warning, target: url, arguments: ["url": url],
                    evidence: ["GOPROXY=\(c.env["GOPROXY"])"],
                    fix: Fix(commands: FixCommands.set("GOPROXY", to: c.env["GOPROXY"].replacingOccurrences(of: url, with: "https://" + url.dropFirst("http://".count)), in: c.env),
                             explanationKey: "fix.goproxy.https"))
        }
    }

    /// Without `direct`, modules that GONOPROXY matches are still fetched from their origin
    /// (the implicit `noproxy` entry, proxy.go proxyList), but public modules that every proxy
    /// lacks have no origin fallback.
    static func goproxyNoDirect(_ c: ConfigContext) -> [Finding] {
        let entries = c.routes.proxyList.map(\.entry)
        guard c.routes.proxyListError == nil, !entries.isEmpty, !entries.contains(.direct), !entries.contains(.off) else { return [] }
        let privateCount = c.downloadedModules.filter(\.matchesGONOPROXY).count
        return [Finding(id: "config.goproxy.no-direct", severity: .info, target: "GOPROXY",
                        arguments: ["value": c.env["GOPROXY"], "private": String(privateCount)],
                        evidence: ["GOPROXY=\(c.env["GOPROXY"])", "GONOPROXY=\(c.env["GONOPROXY"])"],
                        fix: Fix(commands: FixCommands.set("GOPROXY", to: c.env["GOPROXY"] + ",direct", in: c.env),
                                 explanationKey: "fix.goproxy.add-direct"))]
    }

    static func origin(_ c: ConfigContext, _ name: String) -> [String] {
        guard let variable = c.env.variable(name), let origin = variable.origin else { return [] }
        return ["\(name) set by \(variable.source.rawValue) (\(origin))"]
    }

    static func isLoopbackURL(_ url: String) -> Bool {
        let host = url.split(separator: "/").dropFirst().first.map { $0.split(separator: "@").last ?? $0 } ?? ""
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }.dropFirst()) : String(host.split(separator: ":").first ?? "")
        return name == "localhost" || name.hasPrefix("127.") || name == "::1"
    }
}
