/// Everything the go command would contact to download this project's modules, per module,
/// plus the routes of the checksum database and of a toolchain download. Built purely from
/// the resolved configuration and the project snapshot; no network.
public struct RouteTable: Sendable, Equatable, Codable {
    /// The parsed GOPROXY list (with the implicit `noproxy` entry when GONOPROXY is set).
    public var proxyList: [ProxySpec]
    /// GOPROXY cannot be parsed: the go command's error, and every download fails with it.
    public var proxyListError: ConfigInputError?
    /// The -mod mode in force ("readonly", "mod", "vendor") and why.
    public var modMode: String
    public var modModeReason: String
    public var modules: [ModuleRoute]
    /// nil when GOSUMDB=off or invalid (see `checksumDatabaseError`).
    public var checksumDatabase: SumDBRoute?
    public var checksumDatabaseError: ConfigInputError?
    /// Present when go.mod asks for a newer toolchain than the local one.
    public var toolchain: ToolchainRoute?
    /// Set when building stopped at a deadline: `modules` then covers only the first
    /// `requirementsRouted` of go.mod's requirements. nil for a complete table.
    public var unfinished: Unfinished?

    /// How far an interrupted build got.
    public struct Unfinished: Sendable, Equatable, Codable {
        public var requirementsRouted: Int
        public var requirements: Int

        public init(requirementsRouted: Int, requirements: Int) {
            self.requirementsRouted = requirementsRouted
            self.requirements = requirements
        }
    }

    public init(proxyList: [ProxySpec], proxyListError: ConfigInputError?, modMode: String, modModeReason: String,
                modules: [ModuleRoute], checksumDatabase: SumDBRoute?, checksumDatabaseError: ConfigInputError?,
                toolchain: ToolchainRoute?, unfinished: Unfinished? = nil) {
        self.proxyList = proxyList
        self.proxyListError = proxyListError
        self.modMode = modMode
        self.modModeReason = modModeReason
        self.modules = modules
        self.checksumDatabase = checksumDatabase
        self.checksumDatabaseError = checksumDatabaseError
        self.toolchain = toolchain
        self.unfinished = unfinished
    }

    public func route(for path: String) -> ModuleRoute? {
        modules.first { $0.path == path || $0.requiredPath == path }
    }
}

/// How the checksum database is reached (cmd/go/internal/modfetch/sumdb.go initBase): each
/// proxy is asked `<proxy>/sumdb/<name>/supported` in turn; 200 means all database traffic
/// goes through that proxy; 404/410 (or any error after a `|`) moves on; when the list is
/// exhausted or `direct`/`off` is reached, the database is contacted directly. An explicit URL
/// in GOSUMDB bypasses all of this.
public struct SumDBRoute: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        /// `<proxy>/sumdb/<name>/supported` probes; the final step is the direct database URL.
        public var url: String
        public var isDirect: Bool
        public var fallback: ProxyFallback?

        enum CodingKeys: String, CodingKey { case url, isDirect, fallback }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(SecretRedactor.redact(url), forKey: .url)
            try container.encode(isDirect, forKey: .isDirect)
            try container.encodeIfPresent(fallback, forKey: .fallback)
        }
    }

    public var name: String
    public var verifierKey: String
    /// The URL given in GOSUMDB, if any (raw: requests go there; encoded redacted).
    public var explicitURL: String?
    public var steps: [Step]

    enum CodingKeys: String, CodingKey { case name, verifierKey, explicitURL, steps }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(verifierKey, forKey: .verifierKey)
        try container.encodeIfPresent(explicitURL.map(SecretRedactor.redact), forKey: .explicitURL)
        try container.encode(steps, forKey: .steps)
    }
}

/// A toolchain download that go.mod triggers under GOTOOLCHAIN=auto (Go 1.21+): module
/// golang.org/toolchain, version `v0.0.1-<toolchain>.<goos>-<goarch>`, fetched through the
/// GOPROXY walk and always verified against the checksum database.
public struct ToolchainRoute: Sendable, Equatable, Codable {
    public var required: String
    public var local: String?
    public var module: String
    public var version: String
    /// Whether the local go command will switch at all (GOTOOLCHAIN allows it and it is ≥1.21).
    public var willSwitch: Bool
    public var reason: String
    /// The walk for `module@version`: the real download when `willSwitch`; when the go command
    /// refuses instead (`refusal`), the download GOTOOLCHAIN=auto would make, so a check can
    /// tell whether allowing the switch would fix it.
    public var sources: [RouteStep]
    /// The go command's error when the toolchain it selects is older than go.mod's go line
    /// (gover.TooNewError): `go.mod requires go >= 1.30.1 (running go 1.24.11; GOTOOLCHAIN=local)`.
    public var refusal: String?

    public init(required: String, local: String?, module: String, version: String, willSwitch: Bool, reason: String,
                sources: [RouteStep], refusal: String? = nil) {
        self.required = required
        self.local = local
        self.module = module
        self.version = version
        self.willSwitch = willSwitch
        self.reason = reason
        self.sources = sources
        self.refusal = refusal
    }
}
