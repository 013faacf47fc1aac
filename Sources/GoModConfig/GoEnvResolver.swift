/// Resolves every module-related variable exactly as the go command does
/// (cmd/go/internal/cfg/cfg.go: Getenv, envOr, EnvFile, initEnvCache; go/build defaultGOPATH):
/// a non-empty process environment value wins, then the user's GOENV file, then
/// `$GOROOT/go.env` (Go 1.21+), then the built-in default — keeping where each value came from
/// and which lower-precedence values it hides.
public struct GoEnvResolver: Sendable {
    public var environment: [String: String]
    public var hostOS: GoHostOS
    public var fileSystem: any FileSystemReading
    public var installation: GoInstallation?

    public init(environment: [String: String], hostOS: GoHostOS = .current,
                fileSystem: any FileSystemReading, installation: GoInstallation?) {
        self.environment = environment
        self.hostOS = hostOS
        self.fileSystem = fileSystem
        self.installation = installation
    }

    /// Module variables the go command resolves through Getenv, in report order.
    static let moduleVariables = [
        "GO111MODULE", "GOFLAGS", "GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB",
        "GOINSECURE", "GOVCS", "GOTOOLCHAIN", "GOAUTH",
    ]

    public func resolve() -> ResolvedGoEnv {
        let version = installation?.version
        let modern = version.map { $0.atLeast(1, 21) } ?? true
        var envFile = locateEnvFile()
        let userFile = envFile.file
        // Go 1.21+ reads $GOROOT/go.env after the user file and never overrides it.
        var rootFile: GoEnvFile?
        let gorootValue = lookup("GOROOT", userFile: userFile, rootFile: nil)
        let goroot = gorootValue.value.isEmpty ? (installation?.root ?? "") : GoPathClean.clean(gorootValue.value)
        if modern, !goroot.isEmpty {
            let path = hostOS.join(goroot, "go.env")
            let outcome = fileSystem.read(path, limit: ConfigFileLimits.goEnv)
            if case .contents(let data) = outcome { rootFile = GoEnvFile.parse(data, path: path) }
            envFile.gorootReadProblem = ConfigFileProblem(path: path, role: .gorootGoEnv, outcome: outcome)
        }

        var variables: [ResolvedVariable] = []
        func plain(_ name: String, default def: String = "", defaultSource: ValueSource = .defaultValue,
                   defaultOrigin: String? = nil, supported: Bool = true) {
            var found = lookup(name, userFile: userFile, rootFile: rootFile)
            if found.value.isEmpty {
                let claimed = found.source
                found.value = def
                found.source = def.isEmpty ? .unset : defaultSource
                if claimed != .unset, let origin = found.origin {
                    // An empty assignment (e.g. `GOPROXY=` in the GOENV file) is treated as unset.
                    found.shadowed.insert(ShadowedValue(source: claimed, value: "", origin: origin), at: 0)
                }
                found.origin = def.isEmpty ? nil : defaultOrigin
            }
            found.supported = supported
            variables.append(found)
        }

        let builtinProxy = "https://proxy.golang.org,direct"
        plain("GO111MODULE")
        plain("GOFLAGS")
        // Before 1.21 the defaults are compiled in; since 1.21 they live in $GOROOT/go.env and the
        // compiled-in default is empty. With no Go found we show what current releases ship.
        if installation == nil {
            plain("GOPROXY", default: builtinProxy, defaultOrigin: "default of current Go releases (go.env)")
            plain("GOSUMDB", default: "sum.golang.org", defaultOrigin: "default of current Go releases (go.env)")
        } else if modern {
            plain("GOPROXY")
            plain("GOSUMDB")
        } else {
            plain("GOPROXY", default: builtinProxy)
            plain("GOSUMDB", default: "sum.golang.org")
        }
        plain("GOPRIVATE")
        let goprivate = variables.last?.value ?? ""
        plain("GONOPROXY", default: goprivate, defaultSource: .derived, defaultOrigin: "GOPRIVATE")
        plain("GONOSUMDB", default: goprivate, defaultSource: .derived, defaultOrigin: "GOPRIVATE")
        plain("GOINSECURE")
        plain("GOVCS")
        let hasToolchain = version.map { $0.atLeast(1, 21) } ?? true
        plain("GOTOOLCHAIN", default: installation == nil ? "auto" : "",
              defaultOrigin: "default of current Go releases (go.env)", supported: hasToolchain)
        let hasAuth = version.map { $0.atLeast(1, 24) } ?? true
        plain("GOAUTH", default: hasAuth ? "netrc" : "", supported: hasAuth)

        variables += pathVariables(userFile: userFile, rootFile: rootFile, goroot: goroot, envFile: envFile)
        variables += networkVariables()

        let rules = installation == nil ? "current" : (version.map { "go\($0.major).\($0.minor)" } ?? "current")
        return ResolvedGoEnv(hostOS: hostOS, installation: installation, rules: rules, envFile: envFile,
                             gorootEnvFile: rootFile, variables: variables)
    }

    // MARK: - Layers

    /// cfg.Getenv: the first layer that claims `name` decides (a non-empty environment value,
    /// else a GOENV file entry even if empty, else a $GOROOT/go.env entry); the rest are shadowed.
    func lookup(_ name: String, userFile: GoEnvFile?, rootFile: GoEnvFile?) -> ResolvedVariable {
        var layers: [ShadowedValue] = []
        if let value = environment[name], !value.isEmpty {
            layers.append(ShadowedValue(source: .environment, value: value, origin: name))
        }
        if let entry = userFile?.entry(for: name), let path = userFile?.path {
            layers.append(ShadowedValue(source: .goenvFile, value: entry.value, origin: "\(path):\(entry.line)"))
        }
        if let entry = rootFile?.entry(for: name), let path = rootFile?.path {
            layers.append(ShadowedValue(source: .gorootGoEnv, value: entry.value, origin: "\(path):\(entry.line)"))
        }
        guard let first = layers.first else {
            return ResolvedVariable(name: name, value: "", source: .unset)
        }
        return ResolvedVariable(name: name, value: first.value, source: first.source, origin: first.origin,
                                shadowed: Array(layers.dropFirst()))
    }

    /// cfg.EnvFile + os.UserConfigDir.
    func locateEnvFile() -> GoEnvFileStatus {
        var status = GoEnvFileStatus(path: nil, disabled: false, problem: nil, exists: false, file: nil, readProblem: nil)
        if let explicit = environment["GOENV"], !explicit.isEmpty {
            if explicit == "off" {
                status.disabled = true
                return status
            }
            status.path = explicit
        } else {
            switch userConfigDir() {
            case .success(let dir): status.path = hostOS == .windows ? hostOS.join(dir, "go", "env") : GoPathClean.join(dir, "go/env")
            case .failure(let problem): status.problem = problem.message
            }
        }
        guard let path = status.path else { return status }
        let outcome = fileSystem.read(path, limit: ConfigFileLimits.goEnv)
        if case .contents(let data) = outcome {
            status.exists = true
            status.file = GoEnvFile.parse(data, path: path)
        } else if let problem = ConfigFileProblem(path: path, role: .goEnv, outcome: outcome) {
            status.exists = true
            status.readProblem = problem
        }
        return status
    }

    struct LocationProblem: Error { var message: String }

    func userConfigDir() -> Result<String, LocationProblem> {
        func env(_ key: String) -> String { environment[key] ?? "" }
        switch hostOS {
        case .windows:
            let dir = env("AppData")
            return dir.isEmpty ? .failure(LocationProblem(message: "%AppData% is not defined")) : .success(dir)
        case .darwin:
            let home = env("HOME")
            return home.isEmpty ? .failure(LocationProblem(message: "$HOME is not defined")) : .success(home + "/Library/Application Support")
        case .linux, .other:
            let xdg = env("XDG_CONFIG_HOME")
            if !xdg.isEmpty { return .success(xdg) }
            let home = env("HOME")
            return home.isEmpty ? .failure(LocationProblem(message: "neither $XDG_CONFIG_HOME nor $HOME are defined")) : .success(home + "/.config")
        }
    }
}
