/// A resolver taking part in a comparison, and why it is there.
public struct ResolverSpec: Sendable, Codable, Hashable {
    /// "system" (from resolv.conf), "configured" (named by the user) or "public" (the default set).
    public var role: String
    public var server: DNSServerAddress

    public init(role: String, server: DNSServerAddress) {
        self.role = role
        self.server = server
    }
}

/// What one resolver answered for one record type.
public struct ResolverAnswer: Sendable, Codable, Equatable {
    public var resolver: String
    public var role: String
    public var type: String
    public var outcome: ProbeOutcome
    /// nil when the resolver did not answer (timeout, unreachable).
    public var rcode: String?
    /// A/AAAA data, sorted.
    public var addresses: [String]
    /// Every answer record (CNAME chain included).
    public var answers: [DNSRecordEvidence]
    public var queryTimeSeconds: Double?

    public init(resolver: String, role: String, type: String, outcome: ProbeOutcome, rcode: String?,
                addresses: [String], answers: [DNSRecordEvidence] = [], queryTimeSeconds: Double? = nil) {
        self.resolver = resolver
        self.role = role
        self.type = type
        self.outcome = outcome
        self.rcode = rcode
        self.addresses = addresses.sorted()
        self.answers = answers
        self.queryTimeSeconds = queryTimeSeconds
    }
}

/// Something the comparison noticed. Codes: "disagreement" (resolvers give different
/// answers), "private-answer" (a public name resolves into a special-purpose range),
/// "suspected-poisoning" (one resolver's answer shares nothing with what the others agree on).
public struct ResolverFlag: Sendable, Codable, Equatable {
    public var code: String
    public var type: String
    public var resolvers: [String]
    public var detail: String

    public init(code: String, type: String, resolvers: [String], detail: String) {
        self.code = code
        self.type = type
        self.resolvers = resolvers
        self.detail = detail
    }
}

/// Several resolvers asked the same question, side by side with the platform resolver.
public struct ResolverComparisonEvidence: Sendable, Codable, Equatable {
    public var name: String
    public var isPublicName: Bool
    public var answers: [ResolverAnswer]
    /// getaddrinfo's view (what cgo-resolving programs, curl and git see).
    public var platform: PlatformResolution?
    public var flags: [ResolverFlag]

    public init(name: String, isPublicName: Bool, answers: [ResolverAnswer], platform: PlatformResolution?, flags: [ResolverFlag]) {
        self.name = name
        self.isPublicName = isPublicName
        self.answers = answers
        self.platform = platform
        self.flags = flags
    }
}
