import GoModConfig

extension ConfigRules {
    /// HTTPS_PROXY set while NO_PROXY does not exempt the private hosts fetched directly: the
    /// go command sends those requests (go-get discovery, git over https) through the
    /// corporate proxy, which usually cannot reach internal hosts.
    static func httpsProxyNoProxy(_ c: ConfigContext) -> [Finding] {
        let proxies = ProxyEnvironment.from([
            "HTTPS_PROXY": c.env["HTTPS_PROXY"], "HTTP_PROXY": c.env["HTTP_PROXY"], "NO_PROXY": c.env["NO_PROXY"],
        ])
        guard !proxies.httpsProxy.isEmpty else { return [] }
        let directHosts = Set(c.downloadedModules
            .filter { route in route.sources.contains { $0.action == .fetchDirect } && (route.matchesGONOPROXY || PrivateModuleHeuristic.looksPrivate(route.path)) }
            .map { PrivateModuleHeuristic.host(of: $0.path) }).sorted()
        let missed = directHosts.filter { host in
            let name = host.split(separator: ":").first.map(String.init) ?? host
            return (try? proxies.proxyURL(forScheme: "https", host: name, port: nil)) != nil
        }
        guard !missed.isEmpty else { return [] }
        var noProxy = c.env["NO_PROXY"].split(separator: ",").map(String.init)
        noProxy += missed.filter { !noProxy.contains($0) }
        return [Finding(id: "config.https-proxy.private-hosts-proxied", severity: .warning, target: "NO_PROXY",
                        arguments: ["hosts": missed.joined(separator: ", "), "proxy": proxies.httpsProxy],
                        evidence: ["HTTPS_PROXY=\(proxies.httpsProxy)", "NO_PROXY=\(c.env["NO_PROXY"])"]
                            + missed.map { "https://\($0)/… goes through \(proxies.httpsProxy)" },
                        fix: Fix(commands: ["export NO_PROXY=\(FixCommands.shellQuoted(noProxy.joined(separator: ",")))"],
                                 explanationKey: "fix.no-proxy.add"))]
    }

    /// Userinfo inside GOPROXY, GOSUMDB or a proxy variable: it shows up in `go env`, shell
    /// history, CI logs and bug reports. Reported redacted.
    static func credentialsInURLs(_ c: ConfigContext) -> [Finding] {
        ["GOPROXY", "GOSUMDB", "HTTPS_PROXY", "HTTP_PROXY"].compactMap { name -> Finding? in
            let value = c.env[name]
            guard hasUserinfo(value) else { return nil }
            let isGoVariable = name.hasPrefix("GO")
            let cleaned = stripUserinfo(value)
            let commands = isGoVariable
                ? FixCommands.set(name, to: cleaned, in: c.env) + [
                    "echo 'machine <host> login <user> password <token>' >> ~/.netrc", "chmod 600 ~/.netrc",
                ]
                : []
            return Finding(id: "config.credentials-in-url", severity: isGoVariable ? .warning : .info, target: name,
                           arguments: ["variable": name], evidence: ["\(name)=\(value)"],
                           fix: commands.isEmpty ? nil : Fix(commands: commands, explanationKey: "fix.credentials.netrc"))
        }
    }

    static func hasUserinfo(_ value: String) -> Bool {
        var rest = Substring(value)
        while let range = rest.range(of: "://") {
            rest = rest[range.upperBound...]
            let authority = rest.prefix { !"/?#,| ".contains($0) }
            if authority.contains("@") { return true }
        }
        return false
    }

    static func stripUserinfo(_ value: String) -> String {
        SecretRedactor.redact(value).replacingOccurrences(of: SecretRedactor.mask + "@", with: "")
    }

    static func goenvFileProblems(_ c: ConfigContext) -> [Finding] {
        guard let file = c.env.envFile.file else { return [] }
        var findings: [Finding] = []
        let crlf = file.entries.filter { $0.value.hasSuffix("\r") }
        if !crlf.isEmpty {
            findings.append(Finding(id: "config.goenv-file.crlf", severity: .warning, target: file.path,
                                    arguments: ["file": file.path, "keys": crlf.map(\.key).joined(separator: ", ")],
                                    evidence: capped(crlf.map { "\(file.path):\($0.line): \($0.key) ends with a carriage return" }),
                                    fix: Fix(commands: ["sed -i 's/\\r$//' \(FixCommands.shellQuoted(file.path))"], explanationKey: "fix.goenv-file.crlf")))
        }
        let ignored = file.ignoredLines.filter { $0.reason != "empty" }
        if !ignored.isEmpty {
            findings.append(Finding(id: "config.goenv-file.ignored-lines", severity: .info, target: file.path,
                                    arguments: ["file": file.path, "count": String(ignored.count)],
                                    evidence: capped(ignored.map { "\(file.path):\($0.line): ignored (\($0.reason))" })))
        }
        let proxyKeys = Set(["HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"])
        let proxyEntries = file.entries.filter { proxyKeys.contains($0.key) }
        if !proxyEntries.isEmpty {
            findings.append(Finding(id: "config.goenv-file.proxy-variables-ignored", severity: .warning, target: file.path,
                                    arguments: ["file": file.path, "keys": proxyEntries.map(\.key).joined(separator: ", ")],
                                    evidence: proxyEntries.map { "\(file.path):\($0.line): \($0.key)=\($0.value)" },
                                    fix: Fix(commands: proxyEntries.map { "export \($0.key)=\(FixCommands.shellQuoted($0.value))" },
                                             explanationKey: "fix.proxy-variables.export")))
        }
        // Lines of every key in one pass (a filter per duplicated key was quadratic).
        var linesByKey: [String: [String]] = [:]
        for entry in file.entries { linesByKey[entry.key, default: []].append(String(entry.line)) }
        for key in file.duplicatedKeys {
            let lines = capped(linesByKey[key] ?? [])
            findings.append(Finding(id: "config.goenv-file.duplicate", severity: .info, target: key,
                                    arguments: ["key": key, "file": file.path, "lines": lines.joined(separator: ", ")],
                                    evidence: ["\(file.path): \(key) on lines \(lines.joined(separator: ", ")); the last wins"]))
        }
        return findings
    }

    /// A value exported by the shell hides a different `go env -w` value.
    static func shadowedValues(_ c: ConfigContext) -> [Finding] {
        c.env.variables.compactMap { variable in
            guard variable.source == .environment,
                  let hidden = variable.shadowed.first(where: { $0.source == .goenvFile && $0.value != variable.value }) else { return nil }
            return Finding(id: "config.environment-overrides-goenv-file", severity: .info, target: variable.name,
                           arguments: ["variable": variable.name, "value": variable.value, "hidden": hidden.value, "file": hidden.origin ?? ""],
                           evidence: ["environment: \(variable.name)=\(variable.value)", "\(hidden.origin ?? "GOENV file"): \(variable.name)=\(hidden.value)"],
                           fix: Fix(commands: ["unset \(variable.name)"], explanationKey: "fix.environment.unset"))
        }
    }

    static func goCommandDisagreement(_ c: ConfigContext) -> [Finding] {
        guard let theirs = c.goCommandEnv else { return [] }
        return c.env.disagreements(with: theirs).map { difference in
            Finding(id: "config.go-env.disagreement", severity: .warning, target: difference.name,
                    arguments: ["variable": difference.name, "ours": difference.ours, "go": difference.goCommand],
                    evidence: ["gomod-doctor: \(difference.name)=\(difference.ours)", "go env: \(difference.name)=\(difference.goCommand)"])
        }
    }
}
