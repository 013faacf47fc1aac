/// Everything `tcp host:port` saw: what getaddrinfo returned, one attempt per address in
/// happy-eyeballs order (every attempt kept, like SwiftNIO's NIOConnectionError), the
/// dual-stack verdict, and which address a dual-stack client would have ended up using.
public struct TCPConnectEvidence: Sendable, Equatable, Codable {
    public var host: String
    public var port: Int
    public var resolution: PlatformResolution?
    /// Endpoints in RFC 8305 order (families interleaved, first getaddrinfo family first).
    public var happyEyeballsOrder: [String]
    /// One per resolved address, in `happyEyeballsOrder`.
    public var attempts: [TCPConnectAttempt]
    public var verdict: DualStackVerdict
    public var families: FamilyTally
    /// The endpoint an RFC 8305 client (250 ms attempt delay) would connect with, and when.
    public var happyEyeballsWinner: WinningEndpoint?
    /// The same for the go command's dialer (primary family serially, other family after 300 ms).
    public var goDialerWinner: WinningEndpoint?

    public struct WinningEndpoint: Sendable, Equatable, Codable {
        public var endpoint: String
        /// Simulated from the measured attempts.
        public var milliseconds: Double
    }

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
        self.happyEyeballsOrder = []
        self.attempts = []
        self.verdict = .noAddresses
        self.families = FamilyTally(ipv4: .init(tried: 0, connected: 0), ipv6: .init(tried: 0, connected: 0))
    }

    /// Fills the order, attempts, verdict and winners from attempts made to `resolved`
    /// (getaddrinfo order) — attempts carry their happy-eyeballs `order`.
    mutating func record(_ measured: [TCPConnectAttempt], resolved: [ResolvedAddress]) {
        attempts = measured.sorted { $0.order < $1.order }
        happyEyeballsOrder = attempts.map(\.endpoint)
        verdict = DualStackVerdict.judge(attempts)
        families = FamilyTally.of(attempts)
        func measuredTime(_ attempt: TCPConnectAttempt) -> HappyEyeballsPlan.Measured {
            HappyEyeballsPlan.Measured(connected: attempt.result == .ok, milliseconds: attempt.connectMilliseconds)
        }
        if let winner = HappyEyeballsPlan.rfc8305Winner(attempts.map(measuredTime)) {
            happyEyeballsWinner = WinningEndpoint(endpoint: attempts[winner.index].endpoint, milliseconds: winner.milliseconds)
        }
        let inResolverOrder = resolved.compactMap { address in attempts.first { $0.address == address } }
        if let winner = HappyEyeballsPlan.goDialerWinner(inResolverOrder.map(measuredTime),
                                                         families: inResolverOrder.map(\.address.family)) {
            goDialerWinner = WinningEndpoint(endpoint: inResolverOrder[winner.index].endpoint, milliseconds: winner.milliseconds)
        }
    }
}
