import NIOConcurrencyHelpers

/// Name resolutions shared by the dials of one run. Go's resolver lets concurrent lookups of
/// one name share a single query (net's lookupGroup, a singleflight), and its transport then
/// reuses the connection, so a run asks for each host about once. Dialing a fresh connection
/// per request, as the module fetches do, would otherwise pay one more round trip to the
/// resolver per request. A lookup in flight is joined; a successful answer is kept for the
/// rest of the run; a failed one is not kept, so the next dial asks again (and gets the go
/// command's text for the failure from its own lookup).
public final class SharedDialResolutions: Sendable {
    private let lookups = NIOLockedValueBox<[String: Task<DialNameResolution.Result, Never>]>([:])
    private let resolvConfPath: String

    public init(resolvConfPath: String = "/etc/resolv.conf") {
        self.resolvConfPath = resolvConfPath
    }

    /// The resolution of `host`, joining one in flight or reusing a successful one. The lookup
    /// runs under the deadline of the dial that started it (a run's dials share one deadline).
    /// `silentPeers`: the run's board (see `DialNameResolution.resolve`).
    public func resolve(_ host: String, silentPeers: SilentPeerBoard? = nil, deadline: ProbeDeadline) async -> DialNameResolution.Result {
        let key = host.lowercased()
        let path = resolvConfPath
        let task = lookups.withLockedValue { lookups in
            if let running = lookups[key] { return running }
            let started = Task { await DialNameResolution.resolve(host, resolvConfPath: path, silentPeers: silentPeers, deadline: deadline) }
            lookups[key] = started
            return started
        }
        let result = await task.value
        if result.resolution.addresses.isEmpty {
            lookups.withLockedValue { lookups in
                if lookups[key] == task { lookups[key] = nil }
            }
        }
        return result
    }
}
