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

    /// The table. With a `deadline`, building stops once it passes: the table then holds the
    /// routes of the first requirements only and says so in `unfinished`, so a caller with a
    /// time budget (`check --timeout`) can report an incomplete analysis instead of running on.
    public func build(deadline: ContinuousClock.Instant? = nil) -> RouteTable {
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
        let context = ModuleRouteContext(builder: self, proxies: proxies, proxyError: proxyError, modMode: modMode, sumdb: sumdb)
        let requires = project.goMod?.requires ?? []
        var modules: [ModuleRoute] = []
        var seen = Set<String>()
        var unfinished: RouteTable.Unfinished?
        for (position, requirement) in requires.enumerated() {
            if let deadline, position % 256 == 0, ContinuousClock.now >= deadline {
                unfinished = RouteTable.Unfinished(requirementsRouted: position, requirements: requires.count)
                break
            }
            let key = requirement.path + "@" + requirement.version
            guard seen.insert(key).inserted else { continue }
            modules.append(moduleRoute(requirement, context: context))
        }
        var table = RouteTable(proxyList: proxies, proxyListError: proxyError, modMode: modMode, modModeReason: modReason,
                               modules: modules, checksumDatabase: sumdb, checksumDatabaseError: sumdbError,
                               toolchain: toolchainRoute(proxies: proxies))
        table.unfinished = unfinished
        return table
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
        steps(for: path, proxies: proxies, modMode: modMode, noproxyMatch: PrefixPatterns.match(env["GONOPROXY"], path))
    }

    func steps(for path: String, proxies: [ProxySpec], modMode: String, noproxyMatch: Bool) -> [RouteStep] {
        proxies.map { spec in
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

    func moduleRoute(_ requirement: GoModRequirement, context: ModuleRouteContext) -> ModuleRoute {
        var path = requirement.path
        var version = requirement.version
        var disposition = ModuleRoute.Disposition.download
        var localDirectory: String?
        var requiredPath: String?
        var requiredVersion: String?
        if let replacement = context.replacements.replacement(for: requirement.path, version: requirement.version) {
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
        if disposition == .download, context.excludes.contains(ModuleVersion(path: requirement.path, version: requirement.version)) {
            disposition = .excluded
        }
        if disposition != .localDirectory, context.modMode == "vendor" { disposition = .vendored }
        let gonosumdb = context.gonosumdb.matches(path)
        let gonoproxy = context.gonoproxy.matches(path)
        var checksum = ChecksumCheck(database: nil, skippedBecause: nil, goSumHasEntry: nil)
        if disposition == .localDirectory {
            checksum.skippedBecause = "replaced by a local directory"
        } else if context.sumdbOff {
            checksum.skippedBecause = "checksum database disabled by GOSUMDB=off"
        } else if gonosumdb {
            checksum.skippedBecause = "matched by GONOSUMDB"
        } else {
            checksum.database = context.sumdb?.name
        }
        if disposition != .localDirectory, let sum = project.goSum {
            checksum.goSumZipHashes = sum.hashes(path: path, version: version, goMod: false)
            checksum.goSumModHashes = sum.hashes(path: path, version: version, goMod: true)
            checksum.goSumHasEntry = !checksum.goSumZipHashes.isEmpty && !checksum.goSumModHashes.isEmpty
        }
        let downloads = disposition == .download || disposition == .excluded
        let proxyError = context.proxyError
        return ModuleRoute(
            path: path, version: version, requiredPath: requiredPath, requiredVersion: requiredVersion,
            indirect: requirement.indirect, disposition: disposition, localDirectory: localDirectory,
            matchesGOPRIVATE: context.goprivate.matches(path),
            matchesGONOPROXY: gonoproxy,
            matchesGONOSUMDB: gonosumdb,
            insecure: context.goinsecure.matches(path),
            sources: downloads && proxyError == nil
                ? steps(for: path, proxies: context.proxies, modMode: context.modMode, noproxyMatch: gonoproxy) : [],
            checksum: checksum,
            error: downloads ? context.redactedProxyError : nil)
    }
}

/// What every requirement's route shares, computed once per table: the parsed GOPROXY list,
/// the compiled pattern lists, and go.mod's replace and exclude lines by module.
struct ModuleRouteContext {
    var proxies: [ProxySpec]
    var proxyError: ConfigInputError?
    var redactedProxyError: String?
    var modMode: String
    var sumdb: SumDBRoute?
    var sumdbOff: Bool
    var goprivate: PrefixPatternSet
    var gonoproxy: PrefixPatternSet
    var gonosumdb: PrefixPatternSet
    var goinsecure: PrefixPatternSet
    var replacements: GoModReplacementIndex
    var excludes: Set<ModuleVersion>

    init(builder: RouteTableBuilder, proxies: [ProxySpec], proxyError: ConfigInputError?, modMode: String, sumdb: SumDBRoute?) {
        self.proxies = proxies
        self.proxyError = proxyError
        self.redactedProxyError = proxyError.map { SecretRedactor.redact($0.message) }
        self.modMode = modMode
        self.sumdb = sumdb
        self.sumdbOff = builder.env["GOSUMDB"] == "off"
        self.goprivate = PrefixPatternSet(builder.env["GOPRIVATE"])
        self.gonoproxy = PrefixPatternSet(builder.env["GONOPROXY"])
        self.gonosumdb = PrefixPatternSet(builder.env["GONOSUMDB"])
        self.goinsecure = PrefixPatternSet(builder.env["GOINSECURE"])
        self.replacements = GoModReplacementIndex(builder.project.goMod?.replaces ?? [])
        self.excludes = Set(builder.project.goMod?.excludes ?? [])
    }
}
