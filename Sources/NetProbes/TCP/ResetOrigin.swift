/// Where the RST that refused a connect was made, judged by hop counts: the RST's TTL against
/// the TTL of an ICMP echo reply from the same address. Senders start at 64, 128 or 255 (32 on
/// old stacks), so `start − arrival` is the number of routers crossed. An RST that crossed
/// fewer routers than the server's echo reply came from a device on the path (a firewall's
/// `REJECT --reject-with tcp-reset`), not from the server.
public struct ResetOrigin: Sendable, Equatable, Codable {
    /// TTL / hop limit of the RST on arrival.
    public var resetTTL: Int
    /// TTL / hop limit of an echo reply from the same address; nil when it did not answer.
    public var echoTTL: Int?
    /// How many hops before the server the RST was made: 0 = by the server (or as far away);
    /// nil when there is no echo reply to compare with.
    public var hopsBeforeServer: Int?

    public init(resetTTL: Int, echoTTL: Int?) {
        self.resetTTL = resetTTL
        self.echoTTL = echoTTL
        self.hopsBeforeServer = echoTTL.map { max(Self.hops($0) - Self.hops(resetTTL), 0) }
    }

    /// True when the RST came from a device in front of the server.
    public var isFromThePath: Bool { (hopsBeforeServer ?? 0) > 0 }

    /// Routers crossed by a packet that arrived with `ttl`, assuming the usual initial values.
    static func hops(_ ttl: Int) -> Int {
        let initial = [32, 64, 128, 255].first { $0 >= ttl } ?? 255
        return initial - ttl
    }

    /// Gives each refused attempt the origin of its RST (from `sightings`), pinging each such
    /// address once for the comparison; a refused attempt whose RST came from the path
    /// becomes a reset.
    static func annotate(_ attempts: [TCPConnectAttempt], sightings: [TCPResetWitness.Sighting],
                         deadline: ProbeDeadline) async -> [TCPConnectAttempt] {
        var annotated = attempts
        var echoTTLs: [String: Int?] = [:]
        for index in annotated.indices where annotated[index].result == .refused {
            let attempt = annotated[index]
            guard let sighting = sightings.first(where: { $0.source == attempt.address.ip && $0.sourcePort == attempt.port }) else {
                continue
            }
            if echoTTLs[attempt.address.ip] == nil {
                echoTTLs[attempt.address.ip] = await echoTTL(attempt.address.ip, deadline: deadline)
            }
            let origin = ResetOrigin(resetTTL: sighting.ttl, echoTTL: echoTTLs[attempt.address.ip] ?? nil)
            annotated[index].resetOrigin = origin
            if origin.isFromThePath { annotated[index].result = .reset }
        }
        return annotated
    }

    /// The TTL of one echo reply from `ip` within a second (or what is left of the deadline).
    static func echoTTL(_ ip: String, deadline: ProbeDeadline) async -> Int? {
        let probe = ICMPEchoProbe(options: PingOptions(count: 1, timeoutSeconds: 1))
        let result = await probe.run(ip, deadline: deadline.capped(at: .milliseconds(1200)))
        return result.evidence.replies.first { $0.status == .reply }?.ttl
    }
}
