/// Builds the `RouteTable` from the resolved configuration and the project, following
/// cmd/go/internal/modfetch (proxy.go proxyList/TryProxies, repo.go lookup, sumdb.go,
/// fetch.go useSumDB) and cmd/go/internal/modload (replace, exclude, -mod defaults).
public struct RouteTableBuilder: Sendable {
    public var env: ResolvedGoEnv
    public var project: ProjectSnapshot
    /// Target platform for toolchain downloads (GOOS/GOARCH).
    public var goos: String
    public var goarch: String

    public init(env: ResolvedGoEnv, project: ProjectSnapshot, goos: String? = nil, goarch: String? = nil) {
        self.env = env
        self.project = project
        self.goos = goos ?? Self.hostGOOS
        self.goarch = goarch ?? Self.hostGOARCH
    }

    static var hostGOOS: String {
        #if os(macOS)
        return "darwin"
        #elseif os(Windows)
        return "windows"
        #else
        return "linux"
        #endif
    }

    static var hostGOARCH: String {
        #if arch(arm64)
        return "arm64"
        #elseif arch(i386)
        return "386"
        #else
        return "amd64"
        #endif
    }

    public func build() -> RouteTable {
        var proxies: [ProxySpec] = []
        var proxyError: ConfigInputError?
        do {
            proxies = try ProxyListParser.parse(env["GOPROXY"], gonoproxy: env["GONOPROXY"])
        } catch {
            proxyError = error
        }
        let (modMode, modReason) = effectiveModMode()
        var sumdb: SumDBRoute?
        var sumdbError: ConfigInputError?
        do {
            sumdb = try sumDBRoute(proxies: proxies)
        } catch {
            sumdbError = error
        }
        var modules: [ModuleRoute] = []
        var seen = Set<String>()
        for requirement in project.goMod?.requires ?? [] {
            let key = requirement.path + "@" + requirement.version
            guard seen.insert(key).inserted else { continue }
            modules.append(moduleRoute(requirement, proxies: proxies, proxyError: proxyError, modMode: modMode, sumdb: sumdb))
        }
        return RouteTable(proxyList: proxies, proxyListError: proxyError, modMode: modMode, modModeReason: modReason,
                          modules: modules, checksumDatabase: sumdb, checksumDatabaseError: sumdbError,
                          toolchain: toolchainRoute(proxies: proxies))
    }

    /// modload.Init / setDefaultBuildMod: -mod from GOFLAGS, else vendor when vendor/ exists
    /// and go.mod says go ≥ 1.14, else readonly.
    func effectiveModMode() -> (String, String) {
        if let flags = try? GoFlags.parse(env["GOFLAGS"]), let mod = flags.mod {
            return (mod, "-mod=\(mod) in GOFLAGS")
        }
        if project.hasVendorDirectory,
           let goLine = project.goMod?.goVersion, let version = GoReleaseVersion(goLine), version.atLeast(1, 14) {
            return ("vendor", "vendor/ exists and go.mod says go \(goLine)")
        }
        return ("readonly", "default")
    }

    /// The walk for one module path: what each GOPROXY entry does with it (repo.go lookup).
    public func steps(for path: String, proxies: [ProxySpec], modMode: String) -> [RouteStep] {
        let noproxyMatch = PrefixPatterns.match(env["GONOPROXY"], path)
        return proxies.map { spec in
            var step = RouteStep(kind: .off, fallback: spec.fallback, action: .fail)
            switch spec.entry {
            case .noproxy: step.kind = .noproxy
            case .direct: step.kind = .direct
            case .off: step.kind = .off
            case .url(let url): step.kind = .proxy; step.url = url
            }
            if modMode == "vendor" {
                step.action = .fail
                step.reason = "module lookup disabled by -mod=vendor"
                return step
            }
            if noproxyMatch {
                switch spec.entry {
                case .noproxy, .direct: step.action = .fetchDirect
                default: step.action = .skip; step.reason = "disabled by GOPRIVATE/GONOPROXY"
                }
                return step
            }
            switch spec.entry {
            case .off: step.action = .fail; step.reason = "module lookup disabled by GOPROXY=off"
            case .direct: step.action = .fetchDirect
            case .noproxy: step.action = .skip; step.reason = "path does not match GOPRIVATE/GONOPROXY"
            case .url: step.action = .fetchFromProxy
            }
            return step
        }
    }

    func moduleRoute(_ requirement: GoModRequirement, proxies: [ProxySpec], proxyError: ConfigInputError?,
                     modMode: String, sumdb: SumDBRoute?) -> ModuleRoute {
        var path = requirement.path
        var version = requirement.version
        var disposition = ModuleRoute.Disposition.download
        var localDirectory: String?
        var requiredPath: String?
        var requiredVersion: String?
        if let replacement = project.goMod?.replacement(for: requirement.path, version: requirement.version) {
            switch replacement.target {
            case .directory(let dir):
                disposition = .localDirectory
                localDirectory = dir
            case .module(let newPath, let newVersion):
                if newPath != path || newVersion != version {
                    requiredPath = path
                    requiredVersion = version
                    path = newPath
                    version = newVersion
                }
            }
        }
        if disposition == .download,
           project.goMod?.excludes.contains(ModuleVersion(path: requirement.path, version: requirement.version)) == true {
            disposition = .excluded
        }
        if disposition != .localDirectory, modMode == "vendor" { disposition = .vendored }
        let gonosumdb = PrefixPatterns.match(env["GONOSUMDB"], path)
        var checksum = ChecksumCheck(database: nil, skippedBecause: nil, goSumHasEntry: nil)
        if disposition == .localDirectory {
            checksum.skippedBecause = "replaced by a local directory"
        } else if env["GOSUMDB"] == "off" {
            checksum.skippedBecause = "checksum database disabled by GOSUMDB=off"
        } else if gonosumdb {
            checksum.skippedBecause = "matched by GONOSUMDB"
        } else {
            checksum.database = sumdb?.name
        }
        if disposition != .localDirectory, let sum = project.goSum {
            checksum.goSumZipHashes = sum.hashes(path: path, version: version, goMod: false)
            checksum.goSumModHashes = sum.hashes(path: path, version: version, goMod: true)
            checksum.goSumHasEntry = !checksum.goSumZipHashes.isEmpty && !checksum.goSumModHashes.isEmpty
        }
        let downloads = disposition == .download || disposition == .excluded
        return ModuleRoute(
            path: path, version: version, requiredPath: requiredPath, requiredVersion: requiredVersion,
            indirect: requirement.indirect, disposition: disposition, localDirectory: localDirectory,
            matchesGOPRIVATE: PrefixPatterns.match(env["GOPRIVATE"], path),
            matchesGONOPROXY: PrefixPatterns.match(env["GONOPROXY"], path),
            matchesGONOSUMDB: gonosumdb,
            insecure: PrefixPatterns.match(env["GOINSECURE"], path),
            sources: downloads && proxyError == nil ? steps(for: path, proxies: proxies, modMode: modMode) : [],
            checksum: checksum,
            error: downloads ? proxyError.map { SecretRedactor.redact($0.message) } : nil)
    }
}
