import Foundation

/// `openssl s_client` for the go command's point of view: connect, handshake with SNI,
/// show the chain, and judge it against the roots the go command would trust.
///
/// Failure codes: the dialer's ("nxdomain", "refused", "timeout", "unreachable", …), the
/// handshake's (`TLSHandshakeClassifier`) and the chain's (`ChainVerdict`).
public struct TLSProbe: Sendable {
    /// The process environment (SSL_CERT_FILE, SSL_CERT_DIR), passed as a value.
    public var environment: [String: String]
    /// ALPN offered, like the go command's transport (h2 first).
    public var alpn: [String]
    /// The clock used to judge validity periods.
    public var now: @Sendable () -> Date
    /// The host's getaddrinfo answer when the caller already has it: not looked up again.
    public var resolved: PlatformResolution?
    /// Longest wait for the server's side of the handshake once TCP connected; nil: the
    /// deadline alone. A server that accepts and never answers is named at this bound.
    public var handshakeTimeout: Duration?

    public init(environment: [String: String], alpn: [String] = ["h2", "http/1.1"], now: @escaping @Sendable () -> Date = { Date() }) {
        self.environment = environment
        self.alpn = alpn
        self.now = now
    }

    public struct Target: Sendable {
        public var host: String
        public var port: Int
        /// SNI and name to verify; the host when nil.
        public var serverName: String?

        public init(host: String, port: Int = 443, serverName: String? = nil) {
            self.host = host
            self.port = port
            self.serverName = serverName
        }
    }

    public func run(_ target: Target, deadline: ProbeDeadline) async -> ProbeResult<TLSEvidence> {
        let start = ContinuousClock.now
        let serverName = target.serverName ?? target.host
        // The roots load beside the dial and the handshake; they are awaited only to report
        // their origin and to verify the chain.
        let trust = TrustStore.shared(environment: environment)
        trust.prepare()
        let clock = now()
        var evidence = TLSEvidence(host: target.host, port: target.port, serverName: serverName, addresses: [],
                                   connectAttempts: [], handshake: nil, verdict: nil, trustRoots: TrustRootOrigin.notLoaded,
                                   localTime: Self.localTime(clock))
        let label = HostPort(host: target.host, port: target.port).description
        func finish(_ outcome: ProbeOutcome) async -> ProbeResult<TLSEvidence> {
            evidence.trustRoots = await trust.loaded().roots.origin
            return ProbeResult(target: label, outcome: outcome, evidence: evidence, durationSeconds: PhaseClock.seconds(since: start))
        }
        let dial = await HTTPDialer.dial(host: target.host, port: target.port, resolved: resolved, deadline: deadline)
        evidence.addresses = dial.resolution.addresses
        evidence.connectAttempts = dial.attempts
        guard let channel = dial.channel else { return await finish(.failed(HTTPDialer.failure(of: dial, host: target.host))) }
        let handshake = await TLSClientSetup.handshake(on: channel, serverName: serverName, alpn: alpn,
                                                       deadline: handshakeTimeout.map { deadline.capped(at: $0) } ?? deadline)
        try? await channel.close().get()
        evidence.handshake = handshake
        if let failure = handshake.failure { return await finish(.failed(failure)) }
        let verdict = await trust.loaded().verifier.verify(chain: handshake.chainDER, serverName: serverName, now: clock)
        evidence.verdict = verdict
        return await finish(verdict.failure.map(ProbeOutcome.failed) ?? .ok)
    }

    /// ISO 8601 with this machine's UTC offset.
    static func localTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = .current
        return formatter.string(from: date)
    }
}
