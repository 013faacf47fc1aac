/// Which toolchain the go command runs for this project, whether it downloads it, and whether
/// that toolchain then refuses go.mod — cmd/go/internal/toolchain/select.go `Select` and
/// `Exec` (Go 1.21+) and gover.TooNewError, followed step by step.
extension RouteTableBuilder {
    func toolchainRoute(proxies: [ProxySpec]) -> ToolchainRoute? {
        guard let local = env.goVersion else { return nil }
        let goMod = project.goMod
        let goLine = goMod?.goVersion.flatMap(GoReleaseVersion.init)
        guard local.atLeast(1, 21) else { return routeBeforeSwitching(local: local, goLine: goLine) }
        let text = env["GOTOOLCHAIN"]
        // An invalid value stops the go command before any of this (ConfigRules reports it).
        guard let setting = try? ToolchainSetting.parse(text) else { return nil }
        var minimum = Selection(name: local.toolchainName, version: local)
        var mode: ToolchainSetting.Fallback?
        switch setting {
        case .local: mode = nil
        case .auto: mode = .auto
        case .path: mode = .path
        case .named(let name, let fallback):
            guard let version = GoVersionSyntax.fromToolchain(name).flatMap(GoReleaseVersion.init) else { return nil }
            minimum = Selection(name: name, version: version)
            mode = fallback
        }
        let selected = mode == nil ? minimum : Self.raised(minimum, goMod: goMod, goLine: goLine)
        let autoTarget = Self.raised(Selection(name: local.toolchainName, version: local), goMod: goMod, goLine: goLine)
        let switches = selected.name != local.toolchainName && selected.name != "local"
        let running = switches ? selected.version : local
        var refusal: String?
        if let goLine, goLine > running {
            refusal = "go.mod requires go >= \(goLine) (running go \(running)\(Self.explanation(text: text, mode: mode, goMod: goMod, selected: selected, minimum: minimum)))"
        }
        guard switches || refusal != nil else { return nil }
        let module = "golang.org/toolchain"
        let shown = text.isEmpty ? "(unset)" : text
        if !switches {
            // The local toolchain runs and refuses; GOTOOLCHAIN=auto would download autoTarget.
            return ToolchainRoute(required: autoTarget.name, local: local.toolchainName, module: module,
                                  version: "v0.0.1-\(autoTarget.name).\(goos)-\(goarch)", willSwitch: false,
                                  reason: "GOTOOLCHAIN=\(shown) keeps the local \(local.toolchainName), older than go.mod's go \(goLine.map(\.description) ?? "")",
                                  sources: steps(for: module, proxies: proxies, modMode: "mod"), refusal: refusal)
        }
        let version = "v0.0.1-\(selected.name).\(goos)-\(goarch)"
        if mode == .path {
            return ToolchainRoute(required: selected.name, local: local.toolchainName, module: module, version: version, willSwitch: false,
                                  reason: "GOTOOLCHAIN=\(text) looks for \(selected.name) in PATH only", sources: [], refusal: refusal)
        }
        // Exec looks in PATH first, then downloads (auto, or a named toolchain without suffix).
        return ToolchainRoute(required: selected.name, local: local.toolchainName, module: module, version: version, willSwitch: true,
                              reason: "GOTOOLCHAIN=\(shown) selects \(selected.name)", sources: steps(for: module, proxies: proxies, modMode: "mod"),
                              refusal: refusal)
    }

    /// A toolchain name and its version.
    struct Selection {
        var name: String
        var version: GoReleaseVersion
    }

    /// Select's `auto`/`path` step: go.mod's toolchain line, then its go line, raise the minimum
    /// (a language version from 1.21 on means its first release, `go1.N.0`); `toolchain default`
    /// keeps the minimum.
    static func raised(_ minimum: Selection, goMod: GoModFile?, goLine: GoReleaseVersion?) -> Selection {
        guard goMod?.toolchain != "default" else { return minimum }
        var selected = minimum
        if let name = goMod?.toolchain, let version = GoVersionSyntax.fromToolchain(name).flatMap(GoReleaseVersion.init),
           version > selected.version {
            selected = Selection(name: name, version: version)
        }
        if let goLine, goLine > selected.version {
            let language = goLine.patch == nil && goLine.prerelease == nil
            selected = Selection(name: goLine.toolchainName + (language && goLine.atLeast(1, 21) ? ".0" : ""), version: goLine)
        }
        return selected
    }

    /// The parenthesised tail of gover.TooNewError: `; GOTOOLCHAIN=<value>` unless auto or
    /// unset, then `; go.mod sets toolchain X` / `; go.mod sets go X` when go.mod chose.
    static func explanation(text: String, mode: ToolchainSetting.Fallback?, goMod: GoModFile?, selected: Selection, minimum: Selection) -> String {
        var explain = text.isEmpty || text == "auto" ? "" : "; GOTOOLCHAIN=" + text
        guard mode != nil, let goMod else { return explain }
        if goMod.toolchain == "default" {
            explain += "; go.mod sets toolchain default"
        } else if selected.name != minimum.name, let toolchain = goMod.toolchain, toolchain == selected.name {
            explain += "; go.mod sets toolchain " + toolchain
        } else if selected.name != minimum.name, let go = goMod.goVersion {
            explain += "; go.mod sets go " + go
        }
        return explain
    }

    /// Before Go 1.21 nothing switches: the local go command builds with itself.
    func routeBeforeSwitching(local: GoReleaseVersion, goLine: GoReleaseVersion?) -> ToolchainRoute? {
        let toolchainLine = project.goMod?.toolchain.flatMap(GoReleaseVersion.init)
        guard let needed = [goLine, toolchainLine].compactMap({ $0 }).max(), local < needed else { return nil }
        let required = (toolchainLine == needed ? project.goMod?.toolchain : nil) ?? needed.toolchainName
        return ToolchainRoute(required: required, local: local.toolchainName, module: "golang.org/toolchain",
                              version: "v0.0.1-\(required).\(goos)-\(goarch)", willSwitch: false,
                              reason: "the local \(local.toolchainName) predates toolchain switching (Go 1.21): it will try to build with itself",
                              sources: [])
    }
}
