import Foundation
import NetProbes

/// The resolver comparison of `check`: the chosen public resolvers asked for A and AAAA of
/// each distinct host name once (several endpoints may share a host),
/// all hosts at once, beside the endpoint probes. Its share of the deadline is bounded so
/// unreachable public resolvers never hold the verdict past the deadline.
public struct CheckResolverComparison: Sendable {
    /// `ResolverComparison.defaultPublicResolvers` as addresses.
    public static let defaultPublicResolvers = ResolverComparison.defaultPublicResolvers.compactMap { DNSServerAddress(parsing: $0) }

    /// Empty: no comparison at all.
    public var publicResolvers: [DNSServerAddress]

    public init(publicResolvers: [DNSServerAddress]) {
        self.publicResolvers = publicResolvers
    }

    /// The host names among `targets` (IP literals need no DNS), lowercased, each once, in order.
    public static func hosts(of targets: [EndpointTarget]) -> [String] {
        var hosts: [String] = []
        for target in targets {
            let host = target.host.lowercased()
            if ResolvedAddress(literal: host) == nil, !hosts.contains(host) { hosts.append(host) }
        }
        return hosts
    }

    /// The comparison per host (keyed by the lowercased host); empty when there are no public resolvers.
    public func run(_ hosts: [String], deadline: ProbeDeadline) async -> [String: ProbeResult<ResolverComparisonEvidence>] {
        guard !publicResolvers.isEmpty, !hosts.isEmpty else { return [:] }
        // resolv.conf's servers are asked by each endpoint's system resolver view; their answers
        // join the comparison there (EndpointFacts.systemAnswers), so they are not asked twice.
        let resolvers = ResolverComparison.resolverSet(resolvConf: nil, configured: [], publicResolvers: publicResolvers)
        // Two tries, each a quarter of what is left (0.3–2 s), all within 60% of it.
        let budget = Double(deadline.remaining.components.seconds) + Double(deadline.remaining.components.attoseconds) / 1e18
        let perAttempt = min(2, max(0.3, budget * 0.25))
        let capped = deadline.capped(at: .milliseconds(Int64(budget * 600)))
        let comparison = ResolverComparison(resolvers: resolvers, options: DNSQueryOptions(timeoutPerAttempt: .milliseconds(Int64(perAttempt * 1000)), attempts: 2),
                                            includePlatform: false)
        return await withTaskGroup(of: (String, ProbeResult<ResolverComparisonEvidence>).self) { group in
            for host in hosts {
                group.addTask { (host, await comparison.run(host, deadline: capped)) }
            }
            var results: [String: ProbeResult<ResolverComparisonEvidence>] = [:]
            for await (host, result) in group { results[host] = result }
            return results
        }
    }
}
