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
    }

    public static func resolve(_ host: String, resolvConfPath: String, deadline: ProbeDeadline) async -> Result {
        let lookup = GoResolverLookup(resolvConfPath: resolvConfPath)
        return await withTaskGroup(of: Part.self) { group in
            group.addTask { .platform(await PlatformAddressResolver.resolve(host, deadline: deadline)) }
            group.addTask {
                try? await Task.sleep(for: hedgeDelay)
                return .hedge
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
                }
                if let platform, goDone { return Result(resolution: platform, goLookup: goOutcome) }
            }
            // Unreachable: getaddrinfo always reports (at the deadline at the latest).
            return Result(resolution: platform ?? PlatformResolution(host: host, addresses: [], error: "no answer before the deadline",
                                                                     errorClass: "timeout", durationSeconds: 0),
                          goLookup: goOutcome)
        }
    }
}
