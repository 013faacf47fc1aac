/// `nc -zv host port` for every address: resolves with getaddrinfo, connects to each IPv4 and
/// IPv6 address at the same time (so each is measured on its own), and keeps every attempt.
///
/// Outcome: `.ok` when any address connects (the verdict says whether a family is broken);
/// otherwise the failure of the first address in happy-eyeballs order, the one a client
/// reports (codes: "refused", "timeout", "unreachable", "reset", "blocked", "error",
/// "nxdomain", "resolve", "no-address").
public struct TCPConnectProbe: Sendable {
    /// Longest a single connect may take.
    public var attemptTimeout: Duration
    /// Minimum time to watch each new connection for a reset (see `TCPConnector`).
    public var watchWindow: Duration
    /// Only this family's addresses (-4 / -6).
    public var family: AddressFamily?
    /// Watch RSTs with raw sockets (when privileged) to tell a firewall's reset from a closed
    /// port (`ResetOrigin`); costs one echo request per refusing address.
    public var tellResetOrigins: Bool
    /// Judge a silent port early (`SilentConnectRule`); nil: each connect waits out `attemptTimeout`.
    public var silence: SilentConnectJudging?

    public init(attemptTimeout: Duration = .seconds(5), watchWindow: Duration = .milliseconds(300),
                family: AddressFamily? = nil, tellResetOrigins: Bool = true) {
        self.attemptTimeout = attemptTimeout
        self.watchWindow = watchWindow
        self.family = family
        self.tellResetOrigins = tellResetOrigins
    }

    /// - Parameter resolved: the name's getaddrinfo answer when the caller already has it
    ///   (the endpoint probe's DNS layer): the name is not looked up a second time.
    /// - Parameter cutoff: ends the connections' reset watch early (see `TCPWatchCutoff`).
    public func run(_ target: HostPort, resolved: PlatformResolution? = nil, deadline: ProbeDeadline,
                    cutoff: TCPWatchCutoff? = nil) async -> ProbeResult<TCPConnectEvidence> {
        let start = ContinuousClock.now
        let port = target.port ?? 443
        var evidence = TCPConnectEvidence(host: target.host, port: port)
        func result(_ outcome: ProbeOutcome) -> ProbeResult<TCPConnectEvidence> {
            ProbeResult(target: HostPort(host: target.host, port: port).description, outcome: outcome,
                        evidence: evidence, durationSeconds: PlatformAddressResolver.seconds(since: start))
        }
        let resolution: PlatformResolution
        if let resolved {
            resolution = resolved
        } else {
            resolution = await PlatformAddressResolver.resolve(target.host, deadline: deadline)
        }
        evidence.resolution = resolution
        if let error = resolution.error {
            let code = resolution.errorClass == "nxdomain" ? "nxdomain" : "resolve"
            return result(.failed(FailureClass(code, "dial tcp: lookup \(target.host): \(error)")))
        }
        let addresses = resolution.addresses.filter { family == nil || $0.family == family }
        guard !addresses.isEmpty else {
            return result(.failed(FailureClass("no-address", "\(target.host): no \(family?.rawValue ?? "IP") address")))
        }
        let ordered = HappyEyeballsPlan.order(addresses)
        let connector = TCPConnector(attemptTimeout: attemptTimeout, watchWindow: watchWindow, cutoff: cutoff, silence: silence)
        // The first connect of a process pays one-time set-up (measured by the HTTP dialer:
        // +1–12 ms on a 40 ms path); a loopback connect first keeps it out of the figures.
        _ = DialerWarmUp.done
        let witness = tellResetOrigins ? TCPResetWitness.open(families: Set(ordered.map(\.family))) : nil
        var attempts = await withTaskGroup(of: TCPConnectAttempt.self) { group in
            for (order, address) in ordered.enumerated() {
                group.addTask { await connector.attempt(address, port: port, order: order, deadline: deadline) }
            }
            var all: [TCPConnectAttempt] = []
            for await attempt in group { all.append(attempt) }
            return all
        }
        if let witness {
            attempts = await ResetOrigin.annotate(attempts, sightings: witness.drain(), deadline: deadline)
        }
        evidence.record(attempts, resolved: addresses)
        return result(Self.outcome(evidence))
    }

    static func outcome(_ evidence: TCPConnectEvidence) -> ProbeOutcome {
        if evidence.attempts.contains(where: { $0.result == .ok }) { return .ok }
        guard let first = evidence.attempts.first else {
            return .failed(FailureClass("no-address", "\(evidence.host): no address"))
        }
        return .failed(FailureClass(first.result.rawValue, first.detail ?? first.endpoint))
    }
}
