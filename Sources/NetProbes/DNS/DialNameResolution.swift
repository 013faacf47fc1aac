/// The dialer's name resolution: getaddrinfo decides (it reads /etc/hosts and nsswitch too),
/// and only when it fails does the go command's own lookup (GoResolverLookup) say why in the
/// go command's words — which server, SERVFAIL or NXDOMAIN or silence.
///
/// A name that resolves at once is never looked up twice. A silent resolver, though, makes
/// getaddrinfo use up the whole deadline, leaving no time to ask afterwards; so when
/// getaddrinfo has not answered after `hedgeDelay`, the Go-ordered lookup starts beside it
/// and is cancelled (within one 50 ms poll slice) if getaddrinfo then succeeds.
public enum DialNameResolution {
    public static let hedgeDelay: Duration = .seconds(1)

    public struct Result: Sendable {
        public var resolution: PlatformResolution
        /// nil when getaddrinfo gave addresses, or nothing could be asked before the deadline.
        public var goLookup: GoResolverRules.LookupOutcome?
    }

    private enum Part: Sendable {
        case platform(PlatformResolution)
        case go(GoResolverRules.LookupOutcome?)
        case hedge
        /// Every resolv.conf server was judged silent by the run's endpoint probe.
        case silenced
        /// Nothing (a wait that was cancelled).
        case none
    }

    /// - Parameter silentPeers: the run's board; once it has every resolv.conf server judged
    ///   silent (`NameserverSilence`), the lookup ends at once with the go command's timeout.
    /// The go command's lookup of `host` when every server is silent: each question of each
    /// candidate name times out at each server, `attempts` times, in Go's order.
    static func silencedLookup(_ host: String, conf: ResolvConf, servers: [DNSServerAddress]) -> GoResolverRules.LookupOutcome? {
        let candidates = conf.candidates(for: host).map { fqdn -> (fqdn: String, outcomes: [GoResolverRules.NameOutcome]) in
            let replies = (0..<max(1, conf.attempts)).flatMap { _ in
                servers.map { GoDNSReply(server: GoDNSError.goServer($0), rcode: nil, noReply: "timeout") }
            }
            let outcome = GoResolverRules.tryOneName(replies, name: fqdn)
            return (fqdn, outcome.map { [$0, $0] } ?? [])
        }
        return GoResolverRules.lookup(name: host, candidates: candidates)
    }

    public static func resolve(_ host: String, resolvConfPath: String, silentPeers: SilentPeerBoard? = nil,
                               deadline: ProbeDeadline) async -> Result {
        let lookup = GoResolverLookup(resolvConfPath: resolvConfPath)
        // resolv.conf is read here only for a board to watch (the servers it would judge).
        let watched = silentPeers == nil || ResolvedAddress(literal: host) != nil ? nil
            : ResolvConf.parse((try? String(contentsOfFile: resolvConfPath, encoding: .utf8)) ?? "")
        let servers = watched?.nameservers.compactMap { DNSServerAddress(parsing: $0) } ?? []
        return await withTaskGroup(of: Part.self) { group in
            group.addTask { .platform(await PlatformAddressResolver.resolve(host, deadline: deadline)) }
            group.addTask {
                try? await Task.sleep(for: hedgeDelay)
                return .hedge
            }
            if let silentPeers, watched != nil {
                group.addTask { await silentPeers.allSilent(servers.map(NameserverSilence.boardKey)) ? .silenced : .none }
            }
            var platform: PlatformResolution?
            var goStarted = false
            var goDone = false
            var goOutcome: GoResolverRules.LookupOutcome?
            while let part = await group.next() {
                switch part {
                case .platform(let resolution):
                    if !resolution.addresses.isEmpty {
                        group.cancelAll()
                        return Result(resolution: resolution, goLookup: nil)
                    }
                    guard goStarted else {
                        // Failed before the hedge fired: ask now, with what is left of the deadline.
                        group.cancelAll()
                        return Result(resolution: resolution, goLookup: await lookup.run(host, deadline: deadline).outcome)
                    }
                    platform = resolution
                case .hedge:
                    guard platform == nil, !goStarted, !Task.isCancelled else { continue }
                    goStarted = true
                    group.addTask { .go(await lookup.run(host, deadline: deadline).outcome) }
                case .go(let outcome):
                    goOutcome = outcome
                    goDone = true
                case .silenced:
                    group.cancelAll()
                    let resolution = PlatformResolution(host: host, addresses: [], error: "no answer: every nameserver was judged silent",
                                                        errorClass: "timeout", durationSeconds: 0)
                    return Result(resolution: resolution, goLookup: watched.flatMap { silencedLookup(host, conf: $0, servers: servers) })
                case .none:
                    continue
                }
                if let platform, goDone {
                    group.cancelAll()   // the board wait, if any, is all that is left
                    return Result(resolution: platform, goLookup: goOutcome)
                }
            }
            // Unreachable: getaddrinfo always reports (at the deadline at the latest).
            // (Its result also ends a wait on the board: see `.none`.)
            return Result(resolution: platform ?? PlatformResolution(host: host, addresses: [], error: "no answer before the deadline",
                                                                     errorClass: "timeout", durationSeconds: 0),
                          goLookup: goOutcome)
        }
    }
}
