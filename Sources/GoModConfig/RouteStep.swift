/// One entry of the GOPROXY walk as it applies to one module path
/// (cmd/go/internal/modfetch/repo.go lookup, proxy.go TryProxies).
public struct RouteStep: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case proxy, direct, noproxy, off }

    public enum Action: String, Sendable, Codable {
        /// A request goes to the proxy URL.
        case fetchFromProxy = "fetch-from-proxy"
        /// The module is fetched from its origin (go-get discovery, then the VCS).
        case fetchDirect = "fetch-direct"
        /// The entry answers "not found" at once without any request (the walk goes on).
        case skip
        /// The entry fails the lookup (GOPROXY=off, -mod=vendor).
        case fail
    }

    public var kind: Kind
    /// The proxy URL (raw; encoded redacted), nil for direct/noproxy/off.
    public var url: String?
    public var fallback: ProxyFallback
    public var action: Action
    /// The go command's own text for a skip or failure: "disabled by GOPRIVATE/GONOPROXY",
    /// "path does not match GOPRIVATE/GONOPROXY", "module lookup disabled by GOPROXY=off".
    public var reason: String?

    public init(kind: Kind, url: String? = nil, fallback: ProxyFallback, action: Action, reason: String? = nil) {
        self.kind = kind
        self.url = url
        self.fallback = fallback
        self.action = action
        self.reason = reason
    }

    /// Whether this step makes a network request.
    public var contactsNetwork: Bool { action == .fetchFromProxy || action == .fetchDirect }

    enum CodingKeys: String, CodingKey { case kind, url, fallback, action, reason }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(url.map(SecretRedactor.redact), forKey: .url)
        try container.encode(fallback, forKey: .fallback)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}

/// Whether the checksum database is consulted for a module, and why not if it is not.
public struct ChecksumCheck: Sendable, Equatable, Codable {
    /// Database name when consulted (e.g. "sum.golang.org"), nil when skipped.
    public var database: String?
    /// Why it is skipped: "checksum database disabled by GOSUMDB=off", "matched by GONOSUMDB".
    public var skippedBecause: String?
    /// Whether go.sum already holds the module's hashes (then no lookup happens at all); nil
    /// when there is no go.sum.
    public var goSumHasEntry: Bool?
    /// go.sum's hashes of the module zip and of its go.mod: what a download must match before
    /// the checksum database is asked at all (cmd/go/internal/modfetch/fetch.go checkModSum).
    public var goSumZipHashes: [String] = []
    public var goSumModHashes: [String] = []

    public init(database: String?, skippedBecause: String?, goSumHasEntry: Bool?) {
        self.database = database
        self.skippedBecause = skippedBecause
        self.goSumHasEntry = goSumHasEntry
    }

    enum CodingKeys: String, CodingKey { case database, skippedBecause, goSumHasEntry }
}
