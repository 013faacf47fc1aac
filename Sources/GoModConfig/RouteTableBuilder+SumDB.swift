extension RouteTableBuilder {
    /// The checksum database route (sumdb.go dbDial + initBase); nil when GOSUMDB=off.
    func sumDBRoute(proxies: [ProxySpec]) throws(ConfigInputError) -> SumDBRoute? {
        let setting = try SumDBSettingParser.parse(env["GOSUMDB"])
        guard case .database(let name, let key, let explicitURL) = setting else { return nil }
        if let explicitURL {
            return SumDBRoute(name: name, verifierKey: key, explicitURL: explicitURL,
                              steps: [.init(url: explicitURL, isDirect: true, fallback: nil)])
        }
        var steps: [SumDBRoute.Step] = []
        walk: for spec in proxies {
            switch spec.entry {
            case .noproxy: continue
            case .direct, .off: break walk
            case .url(let url):
                steps.append(.init(url: Self.join(url, "sumdb/\(name)/supported"), isDirect: false, fallback: spec.fallback))
            }
        }
        steps.append(.init(url: "https://" + name, isDirect: true, fallback: nil))
        return SumDBRoute(name: name, verifierKey: key, explicitURL: nil, steps: steps)
    }

    /// web.Join: base URL plus a relative path with exactly one slash between them.
    static func join(_ base: String, _ path: String) -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "/" + path
    }

    /// A toolchain switch that go.mod forces (cmd/go/internal/toolchain select.go): the
    /// `toolchain` line, else the `go` line, when newer than the local Go.
    func toolchainRoute(proxies: [ProxySpec]) -> ToolchainRoute? {
        guard let goMod = project.goMod else { return nil }
        let goLine = goMod.goVersion.flatMap(GoReleaseVersion.init)
        let toolchainLine = goMod.toolchain.flatMap(GoReleaseVersion.init)
        guard let needed = [goLine, toolchainLine].compactMap({ $0 }).max() else { return nil }
        // With no go command there is nothing to switch from.
        guard let local = env.goVersion, local < needed else { return nil }
        let name = (toolchainLine == needed ? goMod.toolchain : nil) ?? needed.toolchainName
        let required = name.hasPrefix("go") ? name : "go" + name
        let module = "golang.org/toolchain"
        let version = "v0.0.1-\(required).\(goos)-\(goarch)"
        var willSwitch = true
        var reason = "GOTOOLCHAIN=\(env["GOTOOLCHAIN"].isEmpty ? "auto" : env["GOTOOLCHAIN"]) allows downloading \(required)"
        if !local.atLeast(1, 21) {
            willSwitch = false
            reason = "the local \(local.toolchainName) predates toolchain switching (Go 1.21): it will try to build with itself"
        } else {
            switch try? ToolchainSetting.parse(env["GOTOOLCHAIN"].isEmpty ? "auto" : env["GOTOOLCHAIN"]) {
            case .local?:
                willSwitch = false
                reason = "GOTOOLCHAIN=local forbids downloading \(required)"
            case .path?, .named(_, fallback: .path)?:
                willSwitch = false
                reason = "GOTOOLCHAIN=\(env["GOTOOLCHAIN"]) looks for \(required) in PATH only"
            case .named(_, fallback: nil)?:
                willSwitch = false
                reason = "GOTOOLCHAIN=\(env["GOTOOLCHAIN"]) pins a toolchain; go.mod's line is not followed"
            default:
                break
            }
        }
        return ToolchainRoute(required: required, local: local.toolchainName, module: module, version: version,
                              willSwitch: willSwitch, reason: reason,
                              sources: willSwitch ? steps(for: module, proxies: proxies, modMode: "mod") : [])
    }
}
