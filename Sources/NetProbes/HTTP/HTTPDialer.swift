import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// One TCP connect attempt to one address (every address tried is kept).
public struct ConnectAttempt: Sendable, Codable, Equatable {
    /// "10.77.2.2:443" or "[fd77::2]:443".
    public var address: String
    /// nil on success, else "refused", "timeout", "unreachable", "reset", "blocked", "other".
    public var errorClass: String?
    public var error: String?
    public var durationSeconds: Double
}

/// Name resolution plus TCP connect the way the go command dials (DialRace: the first family
/// one address after another, the other family 300 ms later). The result carries every
/// attempt made before the winner connected.
public struct DialResult: Sendable {
    public var resolution: PlatformResolution
    public var attempts: [ConnectAttempt]
    public var channel: (any Channel)?
    public var dnsSeconds: Double
    /// Time of the successful connect (the connect phase); nil when none connected.
    public var connectSeconds: Double?
    /// When the name did not resolve: the go command's own lookup of it (its resolver asks the
    /// resolv.conf servers itself), which names the server and tells SERVFAIL, NXDOMAIN and
    /// timeout apart; nil when the name resolved or nothing could be asked before the deadline.
    public var goLookup: GoResolverRules.LookupOutcome?
}

/// The project's one dialer: the platform resolver, then NIO's ClientBootstrap on the shared
/// event loop group. Used by the TLS probe and the HTTP client, so phases are timed alike.
public enum HTTPDialer {
    /// - Parameters:
    ///   - resolved: the host's getaddrinfo answer when the caller already has it (an
    ///     endpoint probe's DNS layer): the name is not looked up again (unless it failed,
    ///     for the go command's text).
    ///   - resolvConfPath: the file the go command's resolver reads, for the failure text.
    ///   - shared: lookups shared with the run's other dials; the DNS phase is then the time
    ///     this dial waited for the answer.
    ///   - silentPeers: ports the run already judged silent: a connect to one gives up at once
    ///     with the go command's dial timeout (see `SilentPeerBoard`).
    public static func dial(host: String, port: Int, resolved: PlatformResolution? = nil, resolvConfPath: String = "/etc/resolv.conf",
                            shared: SharedDialResolutions? = nil, silentPeers: SilentPeerBoard? = nil,
                            deadline: ProbeDeadline) async -> DialResult {
        let resolution: PlatformResolution
        var goLookup: GoResolverRules.LookupOutcome?
        var waited: Double?
        if let resolved {
            resolution = resolved
            if resolved.addresses.isEmpty, ResolvedAddress(literal: host) == nil {
                // The caller's lookup failed: only now is the name asked again, for the go command's text.
                goLookup = await GoResolverLookup(resolvConfPath: resolvConfPath).run(host, deadline: deadline).outcome
            }
        } else if let shared {
            let waitStart = ContinuousClock.now
            let resolved = await shared.resolve(host, silentPeers: silentPeers, deadline: deadline)
            resolution = resolved.resolution
            goLookup = resolved.goLookup
            waited = PhaseClock.seconds(since: waitStart)
        } else {
            let resolved = await DialNameResolution.resolve(host, resolvConfPath: resolvConfPath, silentPeers: silentPeers, deadline: deadline)
            resolution = resolved.resolution
            goLookup = resolved.goLookup
        }
        var result = DialResult(resolution: resolution, attempts: [], channel: nil,
                                dnsSeconds: waited ?? resolution.durationSeconds, connectSeconds: nil, goLookup: goLookup)
        guard !resolution.addresses.isEmpty else { return result }
        _ = DialerWarmUp.done
        let outcome = await DialRace.run(resolution.addresses, deadline: deadline) { address, limit in
            await connect(address, port: port, deadline: limit, silentPeers: silentPeers)
        }
        result.attempts = outcome.attempts
        result.channel = outcome.channel
        result.connectSeconds = outcome.connectSeconds
        return result
    }

    /// One connect on the shared event loop group, bounded by `deadline`; given up at once
    /// (as a dial timeout) when `silentPeers` has or gets the port judged silent meanwhile.
    static func connect(_ address: ResolvedAddress, port: Int, deadline: ProbeDeadline,
                        silentPeers: SilentPeerBoard? = nil) async -> (ConnectAttempt, (any Channel)?) {
        let start = ContinuousClock.now
        let timing = ConnectTiming()
        let endpoint = address.withPort(port)
        // The connecting channel, until the connect ends: what a silent judgement closes.
        let connecting = NIOLockedValueBox<(channel: (any Channel)?, ended: Bool)>((nil, false))
        silentPeers?.whenSilent(endpoint) {
            connecting.withLockedValue { $0.ended ? nil : $0.channel }?.close(promise: nil)
        }
        defer { connecting.withLockedValue { $0 = (nil, true) } }
        do {
            let socketAddress = try address.socketAddress(port: port)
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(PhaseClock.timeAmount(deadline.remaining))
                .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let judged = connecting.withLockedValue { state -> Bool in
                            state.channel = channel
                            return silentPeers?.silentAfter(endpoint) != nil
                        }
                        if judged { throw ChannelError.ioOnClosedChannel }
                        try channel.pipeline.syncOperations.addHandler(ConnectTimingHandler(timing: timing))
                    }
                }
                .connect(to: socketAddress).get()
            connecting.withLockedValue { $0 = (nil, true) }
            let seconds = timing.seconds ?? PhaseClock.seconds(since: start)
            return (ConnectAttempt(address: endpoint, errorClass: nil, error: nil, durationSeconds: seconds), channel)
        } catch {
            if silentPeers?.silentAfter(endpoint) != nil {
                // The go command would wait out its dial timeout on this port and fail with these words.
                return (ConnectAttempt(address: endpoint, errorClass: "timeout", error: TCPFailureClassifier.timeoutDetail(endpoint: endpoint),
                                       durationSeconds: PhaseClock.seconds(since: start)), nil)
            }
            let (errorClass, text) = classify(error, endpoint: endpoint)
            return (ConnectAttempt(address: address.withPort(port), errorClass: errorClass, error: text,
                                   durationSeconds: PhaseClock.seconds(since: start)), nil)
        }
    }

    /// The failure of a dial that connected nowhere, in the go command's words where it has them.
    public static func failure(of dial: DialResult, host: String) -> FailureClass {
        if dial.resolution.addresses.isEmpty {
            // net.Dialer's OpError around the resolver's DNSError (net/dial.go, net/net.go).
            // A lookup that timed out is a DNS failure ("dns-timeout"), not a connect timeout: the
            // layer the failure is reported at must be the one that failed.
            if let error = dial.goLookup?.error { return FailureClass(error.kind == .timeout ? "dns-timeout" : error.code, "dial tcp: \(error)") }
            let code = dial.resolution.errorClass == "nxdomain" ? "nxdomain" : (dial.resolution.errorClass == "timeout" ? "dns-timeout" : "dns")
            return FailureClass(code, "dial tcp: lookup \(host): \(dial.resolution.error ?? "no addresses")")
        }
        guard let last = dial.attempts.last else { return FailureClass("timeout", "dial tcp \(host): no attempt before the deadline") }
        return FailureClass(last.errorClass ?? "other", dial.attempts.compactMap(\.error).joined(separator: "; "))
    }

    /// Bounded class plus the go command's text, by the TCP probe's classifier (one wording
    /// for a refused or timed-out connect, whichever probe saw it).
    static func classify(_ error: any Error, endpoint: String) -> (String, String) {
        if case ChannelError.connectTimeout = error { return ("timeout", TCPFailureClassifier.timeoutDetail(endpoint: endpoint)) }
        if let io = error as? IOError {
            let result = TCPFailureClassifier.result(forConnectErrno: io.errnoCode)
            let detail = result == .timeout ? TCPFailureClassifier.timeoutDetail(endpoint: endpoint)
                : TCPFailureClassifier.connectDetail(endpoint: endpoint, errno: io.errnoCode)
            return (result == .error ? "other" : result.rawValue, detail)
        }
        if let connection = error as? NIOConnectionError, let first = connection.connectionErrors.first {
            return classify(first.error, endpoint: endpoint)
        }
        return ("other", "dial tcp \(endpoint): \(error)")
    }
}
