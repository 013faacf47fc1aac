import Foundation

/// Asks every resolver the same questions at once and flags where they differ: the "is my
/// DNS lying to me" check (disagreement, answers in private ranges, suspected poisoning).
public struct ResolverComparison: Sendable {
    /// Google, 114DNS, AliDNS, Cloudflare: reachable from most networks, including mainland China.
    public static let defaultPublicResolvers = ["8.8.8.8", "114.114.114.114", "223.5.5.5", "1.1.1.1"]

    public var resolvers: [ResolverSpec]
    public var types: [DNSRecordType]
    public var options: DNSQueryOptions
    /// Also run getaddrinfo for the name (meaningful only where this process's resolv.conf is the system's).
    public var includePlatform: Bool
    /// Zones the caller knows are private (e.g. GOPRIVATE hosts): not "public names".
    public var privateSuffixes: [String]

    public init(resolvers: [ResolverSpec], types: [DNSRecordType] = [.a, .aaaa],
                options: DNSQueryOptions = DNSQueryOptions(timeoutPerAttempt: .seconds(2), attempts: 2),
                includePlatform: Bool = true, privateSuffixes: [String] = []) {
        self.resolvers = resolvers
        self.types = types
        self.options = options
        self.includePlatform = includePlatform
        self.privateSuffixes = privateSuffixes
    }

    /// The resolver set: resolv.conf's servers ("system"), then `configured`, then `public`
    /// (the default set unless overridden), each address once.
    public static func resolverSet(resolvConf: ResolvConf?, configured: [DNSServerAddress],
                                   publicResolvers: [DNSServerAddress]) -> [ResolverSpec] {
        var specs: [ResolverSpec] = []
        func add(_ role: String, _ server: DNSServerAddress) {
            if !specs.contains(where: { $0.server == server }) { specs.append(ResolverSpec(role: role, server: server)) }
        }
        for server in resolvConf?.nameservers ?? [] {
            if let address = DNSServerAddress(parsing: server) { add("system", address) }
        }
        configured.forEach { add("configured", $0) }
        publicResolvers.forEach { add("public", $0) }
        return specs
    }

    public func run(_ name: String, deadline: ProbeDeadline) async -> ProbeResult<ResolverComparisonEvidence> {
        let start = ContinuousClock.now
        let isPublic = ReservedAddressRanges.isPublicName(name, privateSuffixes: privateSuffixes)
        guard let dnsName = try? DNSName(parsing: name) else {
            let evidence = ResolverComparisonEvidence(name: name, isPublicName: isPublic, answers: [], platform: nil, flags: [])
            return ProbeResult(target: name, outcome: .failed(FailureClass("bad-name", "\(name): not a valid domain name")),
                               evidence: evidence, durationSeconds: 0)
        }
        let jobs = resolvers.enumerated().flatMap { index, spec in types.map { (index, spec, $0) } }
        let options = self.options
        async let platform: PlatformResolution? = includePlatform ? PlatformAddressResolver.resolve(name, deadline: deadline) : nil
        var collected: [(Int, ResolverAnswer)] = []
        await withTaskGroup(of: (Int, ResolverAnswer).self) { group in
            for (order, (_, spec, type)) in jobs.enumerated() {
                group.addTask {
                    let result = await DNSClient().query(DNSQuestion(name: dnsName, type: type), server: spec.server,
                                                         options: options, deadline: deadline)
                    let evidence = result.evidence
                    return (order, ResolverAnswer(
                        resolver: spec.server.description, role: spec.role, type: type.description, outcome: result.outcome,
                        rcode: evidence.rcode, addresses: evidence.answers.filter { $0.type == type.description }.map(\.data),
                        answers: evidence.answers, queryTimeSeconds: evidence.queryTimeSeconds))
                }
            }
            for await item in group { collected.append(item) }
        }
        let answers = collected.sorted { $0.0 < $1.0 }.map(\.1)
        let flags = ResolverComparisonAnalysis.flags(for: answers, isPublicName: isPublic)
        let evidence = ResolverComparisonEvidence(name: name, isPublicName: isPublic, answers: answers,
                                                  platform: await platform, flags: flags)
        return ProbeResult(target: name, outcome: Self.outcome(answers: answers, flags: flags), evidence: evidence,
                           durationSeconds: DNSClient.seconds(since: start))
    }

    /// Failed when no resolver answered at all ("unreachable"), or when poisoning is suspected
    /// ("dns-poisoning") or resolvers disagree ("dns-disagreement"); ok otherwise.
    static func outcome(answers: [ResolverAnswer], flags: [ResolverFlag]) -> ProbeOutcome {
        if !answers.isEmpty, answers.allSatisfy({ $0.rcode == nil }) {
            return .failed(FailureClass("unreachable", "no resolver answered"))
        }
        if let suspect = flags.first(where: { $0.code == "suspected-poisoning" }) {
            return .failed(FailureClass("dns-poisoning", suspect.detail))
        }
        if let disagreement = flags.first(where: { $0.code == "disagreement" }) {
            return .failed(FailureClass("dns-disagreement", disagreement.detail))
        }
        return .ok
    }
}
