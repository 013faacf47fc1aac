import GoModConfig

extension ConfigRules {
    static func gosumdb(_ c: ConfigContext) -> [Finding] {
        let value = c.env["GOSUMDB"]
        if let error = c.routes.checksumDatabaseError {
            let wrongKey = value.hasPrefix("sum.golang.org+") && value != SumDBSettingParser.knownKeys["sum.golang.org"]
            return [Finding(id: wrongKey ? "config.gosumdb.wrong-key" : "config.gosumdb.invalid", severity: .failure, target: "GOSUMDB",
                            arguments: ["value": value, "error": error.message],
                            evidence: ["GOSUMDB=\(value)", error.message] + origin(c, "GOSUMDB"),
                            fix: Fix(commands: FixCommands.set("GOSUMDB", to: "sum.golang.org", in: c.env), explanationKey: "fix.gosumdb.default"))]
        }
        if value == "off" {
            return [Finding(id: "config.gosumdb.off", severity: .warning, target: "GOSUMDB", arguments: [:],
                            evidence: ["GOSUMDB=off"] + origin(c, "GOSUMDB"),
                            fix: Fix(commands: FixCommands.set("GOSUMDB", to: "sum.golang.org", in: c.env), explanationKey: "fix.gosumdb.enable"))]
        }
        return []
    }

    static func go111module(_ c: ConfigContext) -> [Finding] {
        let value = c.env["GO111MODULE"]
        let hasGoMod = c.project.goModPath != nil
        do {
            guard try ModuleMode.parse(value) == .off else { return [] }
            return [Finding(id: "config.go111module.off", severity: hasGoMod ? .failure : .warning, target: "GO111MODULE",
                            arguments: ["gomod": c.project.goModPath ?? ""],
                            evidence: ["GO111MODULE=off"] + origin(c, "GO111MODULE"),
                            fix: Fix(commands: FixCommands.unset("GO111MODULE", in: c.env), explanationKey: "fix.go111module.default"))]
        } catch {
            return [Finding(id: "config.go111module.invalid", severity: .failure, target: "GO111MODULE",
                            arguments: ["value": value, "error": error.message], evidence: [error.message],
                            fix: Fix(commands: FixCommands.unset("GO111MODULE", in: c.env), explanationKey: "fix.go111module.default"))]
        }
    }

    static func goflags(_ c: ConfigContext) -> [Finding] {
        let value = c.env["GOFLAGS"]
        let flags: GoFlags
        do {
            flags = try GoFlags.parse(value)
        } catch {
            return [Finding(id: "config.goflags.invalid", severity: .failure, target: "GOFLAGS",
                            arguments: ["value": value, "error": error.message], evidence: [error.message],
                            fix: Fix(commands: FixCommands.unset("GOFLAGS", in: c.env), explanationKey: "fix.goflags.clear"))]
        }
        guard flags.mod == "vendor", c.project.goModPath != nil, !c.project.hasVendorDirectory else { return [] }
        let rest = value.split(separator: " ").filter { !$0.hasPrefix("-mod=") && !$0.hasPrefix("--mod=") }.joined(separator: " ")
        let removeCommands = rest.isEmpty ? FixCommands.unset("GOFLAGS", in: c.env) : FixCommands.set("GOFLAGS", to: rest, in: c.env)
        return [Finding(id: "config.goflags.vendor-missing", severity: .failure, target: "GOFLAGS",
                        arguments: ["dir": c.project.directory],
                        evidence: ["GOFLAGS=\(value)", "no vendor/ in \(c.project.directory)"] + origin(c, "GOFLAGS"),
                        fix: Fix(commands: removeCommands, explanationKey: "fix.goflags.vendor"))]
    }

    static func toolchain(_ c: ConfigContext) -> [Finding] {
        var findings: [Finding] = []
        let value = c.env["GOTOOLCHAIN"]
        if !value.isEmpty, c.env.variable("GOTOOLCHAIN")?.supported == true {
            do { _ = try ToolchainSetting.parse(value) } catch {
                findings.append(Finding(id: "config.gotoolchain.invalid", severity: .failure, target: "GOTOOLCHAIN",
                                        arguments: ["value": value, "error": error.message], evidence: [error.message],
                                        fix: Fix(commands: FixCommands.unset("GOTOOLCHAIN", in: c.env), explanationKey: "fix.gotoolchain.default")))
            }
        }
        findings += goModSyntaxBeforeSwitching(c)
        guard let route = c.routes.toolchain else { return findings }
        var arguments = ["required": route.required, "local": route.local ?? "none", "reason": route.reason,
                         "module": "\(route.module)@\(route.version)"]
        if let refusal = route.refusal {
            // The selected toolchain is older than the go line: every command that loads the
            // module stops. GOTOOLCHAIN=auto downloads the go line's toolchain; `check` keeps
            // that change only when this run fetched it (CheckDiagnosis).
            arguments["error"] = refusal
            findings.append(Finding(id: "config.toolchain.refused", severity: .failure, target: "go.mod",
                                    arguments: arguments, evidence: ["go: " + refusal, route.reason] + origin(c, "GOTOOLCHAIN"),
                                    fix: Fix(commands: FixCommands.set("GOTOOLCHAIN", to: "auto", in: c.env),
                                             explanationKey: "fix.toolchain.allow-switch")))
            if !route.willSwitch { return findings }
        }
        if route.willSwitch {
            findings.append(Finding(id: "config.toolchain.download", severity: .info, target: "\(route.module)@\(route.version)",
                                    arguments: arguments, evidence: [route.reason, RouteDescription.walk(route.sources)]))
        } else {
            findings.append(Finding(id: "config.toolchain.cannot-switch", severity: .warning, target: "go.mod",
                                    arguments: arguments, evidence: [route.reason],
                                    fix: Fix(commands: ["go install golang.org/dl/\(route.required)@latest && \(route.required) download"],
                                             explanationKey: "fix.toolchain.install")))
        }
        return findings
    }
}

extension ConfigRules {
    /// Go 1.20 and older read go.mod with the x/mod of their day: a go line with a patch or
    /// prerelease (`go 1.22.0`, what `go mod init` writes from 1.21 on) and any `toolchain`
    /// line are syntax errors that stop every command loading the module. No configuration
    /// changes that; a newer go command does.
    // x/mod/modfile/rule.go GoVersionRE before v0.10: ^([1-9][0-9]*)\.(0|[1-9][0-9]*)$
    static func goModSyntaxBeforeSwitching(_ c: ConfigContext) -> [Finding] {
        guard let local = c.env.goVersion, !local.atLeast(1, 21), let goMod = c.project.goMod else { return [] }
        let path = c.project.directory + "/go.mod"
        var error: String?
        if let version = goMod.goVersion, version.wholeMatch(of: #/[1-9][0-9]*\.(0|[1-9][0-9]*)/#) == nil {
            error = "\(path):\(goMod.goLine.map(String.init) ?? "?"): invalid go version '\(version)': must match format 1.23"
        } else if goMod.toolchain != nil {
            error = "\(path):\(goMod.toolchainLine.map(String.init) ?? "?"): unknown directive: toolchain"
        }
        guard let error else { return [] }
        let wanted = goMod.goVersion.flatMap(GoReleaseVersion.init).map { version -> String in
            let language = version.patch == nil && version.prerelease == nil
            return version.toolchainName + (language && version.atLeast(1, 21) ? ".0" : "")
        } ?? "go1.21.0"
        return [Finding(id: "config.gomod.too-new-for-local-go", severity: .failure, target: "go.mod",
                        arguments: ["local": local.toolchainName, "error": error, "required": wanted],
                        evidence: ["go: errors parsing go.mod:", error],
                        fix: Fix(commands: ["go install golang.org/dl/\(wanted)@latest && \(wanted) download"],
                                 explanationKey: "fix.toolchain.install", changes: []))]
    }
}

/// Short text forms of a route for evidence lines.
enum RouteDescription {
    static func walk(_ steps: [RouteStep]) -> String { ConfigRules.describe(steps) }
}

extension ConfigRules {
    /// An invalid GOVCS stops every direct fetch (cmd/go/internal/vcs parseGOVCS error).
    static func govcs(_ c: ConfigContext) -> [Finding] {
        let value = c.env["GOVCS"]
        guard !value.isEmpty else { return [] }
        do {
            _ = try GoVCSRules.parse(value)
            return []
        } catch {
            return [Finding(id: "config.govcs.invalid", severity: .failure, target: "GOVCS",
                            arguments: ["value": value, "error": error.message], evidence: [error.message] + origin(c, "GOVCS"),
                            fix: Fix(commands: FixCommands.unset("GOVCS", in: c.env), explanationKey: "fix.govcs.default"))]
        }
    }

    /// A malformed glob (path.Match ErrBadPattern) silently matches nothing.
    static func malformedPrivatePatterns(_ c: ConfigContext) -> [Finding] {
        ["GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE"].compactMap { name in
            guard c.env.variable(name)?.source != .derived else { return nil }
            let bad = PrefixPatterns.malformedGlobs(c.env[name])
            guard !bad.isEmpty else { return nil }
            let kept = c.env[name].split(separator: ",").map(String.init).filter { !bad.contains($0) }.joined(separator: ",")
            return Finding(id: "config.private-pattern.malformed", severity: .warning, target: name,
                           arguments: ["variable": name, "patterns": bad.joined(separator: ", ")],
                           evidence: ["\(name)=\(c.env[name])"],
                           fix: Fix(commands: kept.isEmpty ? FixCommands.unset(name, in: c.env) : FixCommands.set(name, to: kept, in: c.env),
                                    explanationKey: "fix.private-pattern.malformed"))
        }
    }
}
