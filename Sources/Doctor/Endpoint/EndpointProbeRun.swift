import NetProbes

/// Probes one endpoint layer by layer under ONE deadline, each fact once: the system
/// resolver's view first (its addresses are what the socket watcher and ICMP need); then ICMP
/// beside everything else (adaptive, so its few requests take a few round trips), the TCP
/// connects with a SYN_SENT watcher over them; then — when TCP failed or was
/// slow — a TCP-SYN trace to the port, beside TLS (https) and the HTTP request when TCP
/// connected. A layer whose prerequisite failed is not probed (its failure would only be a
/// symptom). The probes' own `ProbeResult`s are kept as the evidence. `checks` (`check --only`)
/// leaves layers out entirely: nothing is sent for them and their evidence stays nil.
public struct EndpointProbeRun: Sendable {
    public var target: EndpointTarget
    /// The process environment (SSL_CERT_FILE, HTTPS_PROXY, …), passed as a value.
    public var environment: [String: String]
    public var resolvConfPath: String
    public var socketTable: SocketTable
    /// A connect slower than this also gets a trace.
    public var slowConnectMilliseconds: Double
    /// Echo requests sent (each as soon as the previous was answered; 0.2 s apart without answers).
    public var pingCount: Int
    public var traceMaxTTL: Int
    /// The layers to probe (`check --only`); a layer not in it sends nothing and stays nil in
    /// the evidence. Default: every one.
    public var checks: Set<CheckName> = CheckName.all
    /// The run's board of ports judged silent, shared with its fetches (`SilentPeerBoard`).
    public var silentPeers: SilentPeerBoard?

    public init(target: EndpointTarget, environment: [String: String], resolvConfPath: String = "/etc/resolv.conf",
                socketTable: SocketTable = SocketTable(), slowConnectMilliseconds: Double = EndpointVerdict.slowConnectMilliseconds, pingCount: Int = 3,
                traceMaxTTL: Int = 16) {
        self.target = target
        self.environment = environment
        self.resolvConfPath = resolvConfPath
        self.socketTable = socketTable
        self.slowConnectMilliseconds = slowConnectMilliseconds
        self.pingCount = pingCount
        self.traceMaxTTL = traceMaxTTL
    }

    public func run(deadline: ProbeDeadline) async -> EndpointEvidence {
        let start = ContinuousClock.now
        var evidence = EndpointEvidence(target: target)
        guard checks.contains(.dns) else {
            return await probeWithoutDNS(evidence, deadline: deadline, start: start)
        }
        let budget = Self.seconds(deadline.remaining)
        var view = SystemResolverView(path: resolvConfPath)
        view.asDial = true
        view.silentPeers = silentPeers
        let dns = await view.run(target.host, deadline: deadline.capped(at: .seconds(max(1, budget * 0.3))))
        evidence.dns = dns
        let addresses = dns.evidence.platform.addresses
        guard dns.outcome.isOK, !addresses.isEmpty else {
            evidence.durationSeconds = Self.seconds(ContinuousClock.now - start)
            return evidence
        }
        return await probeAboveDNS(evidence, resolution: dns.evidence.platform, deadline: deadline, start: start)
    }

    /// `check --only` without dns: the resolver is not examined; the layers that need an
    /// address (icmp, sockets, path, tcp) take the system resolver's (getaddrinfo) answer, as
    /// the go command's own dial would, asked once within the DNS layer's bound; tls and http
    /// reuse it when it has addresses and otherwise resolve the name themselves.
    func probeWithoutDNS(_ evidence: EndpointEvidence, deadline: ProbeDeadline, start: ContinuousClock.Instant) async -> EndpointEvidence {
        var resolution: PlatformResolution?
        if !checks.isDisjoint(with: [.icmp, .sockets, .path, .tcp]) {
            // Within the DNS layer's own bound: a silent resolver must not use up the deadline.
            let budget = Self.seconds(deadline.remaining)
            resolution = await PlatformAddressResolver.resolve(target.host, deadline: deadline.capped(at: .seconds(max(1, budget * 0.3))))
        }
        return await probeAboveDNS(evidence, resolution: resolution, deadline: deadline, start: start)
    }

    /// Every layer above DNS, each only when selected in `checks`: TCP and ICMP at once (the
    /// watcher samples the socket table during the connects), then the trace beside TLS and HTTP.
    /// - Parameter resolution: the name's getaddrinfo answer when one was made (TCP reuses it).
    func probeAboveDNS(_ evidence: EndpointEvidence, resolution: PlatformResolution?, deadline: ProbeDeadline,
                       start: ContinuousClock.Instant) async -> EndpointEvidence {
        var evidence = evidence
        let addresses = resolution?.addresses ?? []
        let left = Self.seconds(deadline.remaining)
        let attemptSeconds = min(5, max(0.5, left * 0.4))
        // A port that answers no SYN is judged against the ICMP round trip as it comes in
        // (`SilentConnectRule`), not waited out.
        let roundTrips = RoundTripReference()
        // Addresses whose connect became suspect; it ends with the TCP layer.
        let (suspects, suspected) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .unbounded)
        let tcpProbe = {
            var probe = TCPConnectProbe(attemptTimeout: .milliseconds(Int64(attemptSeconds * 1000)))
            probe.silence = SilentConnectJudging(roundTrips: roundTrips, board: silentPeers,
                                                 onSuspect: { ip in suspected.yield(ip) })
            return probe
        }()
        let watcher = SynSentWatcher(table: socketTable, interval: .milliseconds(100), minimumSeconds: min(1, attemptSeconds / 2))
        let endpoints = addresses.map { SocketEndpoint(ip: $0.ip, port: target.port) }
        let hostPort = HostPort(host: target.host, port: target.port)
        let ping = ICMPEchoProbe(options: PingOptions(count: pingCount, intervalSeconds: 0.2, timeoutSeconds: min(1, attemptSeconds),
                                                      adaptive: true))
        let first = checks.contains(.icmp) ? addresses.first : nil
        async let icmp = echo(first, with: ping, deadline: deadline, roundTrips: roundTrips)
        // The TCP probe watches each new connection for a reset (up to 0.3 s); an HTTP answer
        // ends that watch (the port does not accept and then reset). A layer above a failed
        // one is not reported (it would be a symptom).
        let checks = checks
        let cutoff = TCPWatchCutoff()
        let tcpLayer: @Sendable () async -> (ProbeResult<TCPConnectEvidence>?, SynSentEvidence?) = {
            if checks.contains(.tcp) && checks.contains(.sockets) && !endpoints.isEmpty {
                let watched = await watcher.watch(endpoints) {
                    await tcpProbe.run(hostPort, resolved: resolution, deadline: deadline, cutoff: cutoff)
                }
                return (watched.result, watched.evidence)
            } else if checks.contains(.tcp) {
                return (await tcpProbe.run(hostPort, resolved: resolution, deadline: deadline, cutoff: cutoff), nil)
            }
            return (nil, nil)
        }
        // TLS and HTTP dial their own connections at once, beside TCP's (their round trips
        // overlap the TCP layer's instead of following it); when TCP fails they are cancelled
        // (a dial in flight gives up at once) and their evidence dropped.
        let upper = Task { await upperLayers(resolution: resolution, deadline: deadline, cutoff: cutoff) }
        // The first address's connect, once the TCP layer suspects it (its first SYN unanswered
        // at the rule's suspicion time), gets its trace at once, beside the extra SYNs: when the
        // port is then judged silent, the path is already known. A port that answers is never
        // suspected, so a healthy endpoint is never traced, however loaded the machine is.
        let early = checks.contains(.path) && checks.contains(.tcp) ? addresses.first : nil
        let earlyTrace = Task { () -> (String, ProbeResult<TraceEvidence>?)? in
            guard let early else { return nil }
            for await ip in suspects where ip == early.ip {
                return (early.ip, await trace(early.ip, deadline: deadline, wait: Self.earlyTraceWait(roundTrips.seconds(ip: early.ip))))
            }
            return nil
        }
        (evidence.tcp, evidence.synSent) = await tcpLayer()
        suspected.finish()
        if !(evidence.tcp?.outcome.isOK ?? true) { upper.cancel() }

        var traceTarget: String?
        if checks.contains(.path) {
            if let tcp = evidence.tcp {
                let fastest = tcp.evidence.attempts.filter { $0.result == .ok }.map(\.connectMilliseconds).min()
                traceTarget = Self.traceTarget(tcp, slow: fastest.map { $0 > slowConnectMilliseconds } ?? true)
            } else {
                traceTarget = addresses.first?.ip
            }
        }
        if traceTarget == nil { earlyTrace.cancel() }
        if let traceTarget, let (traced, result) = await earlyTrace.value, traced == traceTarget {
            evidence.trace = result
        } else {
            evidence.trace = await trace(traceTarget, deadline: deadline)
        }
        if evidence.tcp?.outcome.isOK ?? true { (evidence.tls, evidence.http) = await upper.value }
        // ICMP is side evidence: it runs beside everything above and holds none of it.
        evidence.icmp = await icmp
        evidence.durationSeconds = Self.seconds(ContinuousClock.now - start)
        return evidence
    }

    /// The address to trace: the first whose connect failed on the wire (also when another
    /// family connected: IPv6 broken); when none failed but connecting was slow, the first that
    /// connected; nil when TCP was fine or failed before sending anything.
    static func traceTarget(_ tcp: ProbeResult<TCPConnectEvidence>, slow: Bool) -> String? {
        let attempts = tcp.evidence.attempts
        let sent: Set<TCPConnectAttempt.Result> = [.timeout, .refused, .reset, .unreachable]
        if let failed = attempts.first(where: { sent.contains($0.result) }) { return failed.address.ip }
        if tcp.outcome.isOK && slow { return attempts.first { $0.result == .ok }?.address.ip }
        return nil
    }

    /// Echo requests to `address`, nil when icmp is not selected or there is no address. Each
    /// reply's round trip becomes the reference a silent connect is judged against.
    func echo(_ address: ResolvedAddress?, with probe: ICMPEchoProbe, deadline: ProbeDeadline,
              roundTrips: RoundTripReference) async -> ProbeResult<PingEvidence>? {
        guard let address else { return nil }
        return await probe.run(address.ip, deadline: deadline) { progress in
            if case .settled(let reply) = progress, reply.status == .reply, let milliseconds = reply.rttMilliseconds {
                roundTrips.record(ip: address.ip, seconds: milliseconds / 1000)
            }
        }
    }

    /// How long the early trace waits for each hop: three round trips and a margin, 0.3–1 s
    /// (0.65 s when no round trip was measured yet).
    static func earlyTraceWait(_ roundTrip: Double?) -> Double {
        min(1, max(0.3, 3 * (roundTrip ?? 0.15) + 0.2))
    }

    /// Two rounds of TCP SYNs to the port, all TTLs at once, each waiting at most a second
    /// (or `wait`).
    func trace(_ address: String?, deadline: ProbeDeadline, wait fixedWait: Double? = nil) async -> ProbeResult<TraceEvidence>? {
        guard let address else { return nil }
        let wait = fixedWait ?? min(1, max(0.3, Self.seconds(deadline.remaining) - 0.5))
        let configuration = TraceConfiguration(method: .tcp, port: target.port, maxTTL: traceMaxTTL, cycles: 2,
                                               probeTimeoutSeconds: wait, resolveNames: false)
        return await TraceProbe(configuration: configuration).run(address, deadline: deadline)
    }

    /// TLS (https) and the HTTP request, the request kept only when the handshake and chain
    /// were fine (when TCP fails, the caller cancels this and drops what it found). Both wait for the server's first byte at most ~40 % of the time
    /// left (1–5 s, like a TCP attempt): a server that accepts and never answers is named as
    /// that ("handshake-timeout", "no-response") well before the deadline. An HTTPS_PROXY
    /// endpoint with a `connectTarget` gets a CONNECT instead of a GET (`connectCheck`).
    /// `resolution`: the DNS layer's answer, reused by both dials (no second lookup).
    /// With `cutoff`: an HTTP answer (any status) ends TCP's reset watch.
    func upperLayers(resolution: PlatformResolution?, deadline: ProbeDeadline,
                     cutoff: TCPWatchCutoff) async -> (ProbeResult<TLSEvidence>?, ProbeResult<HTTPEvidence>?) {
        let (tls, http) = await upperLayers(resolution: resolution, deadline: deadline)
        if http?.evidence.finalStatus != nil { cutoff.end() }
        return (tls, http)
    }

    func upperLayers(resolution: PlatformResolution?, deadline: ProbeDeadline) async -> (ProbeResult<TLSEvidence>?, ProbeResult<HTTPEvidence>?) {
        let known = resolution.flatMap { $0.addresses.isEmpty ? nil : $0 }
        // TLS and HTTP run at once (the HTTP client makes and verifies its own handshake and
        // sends nothing over a chain that fails), so the request's round trips overlap the
        // TLS probe's; when the TLS layer fails, the HTTP result is a symptom and is dropped.
        async let http = httpLayer(resolution: known, deadline: deadline)
        if target.scheme == .https && checks.contains(.tls) {
            var probe = TLSProbe(environment: environment)
            probe.resolved = known
            probe.handshakeTimeout = HTTPProbe.firstByteBound(left: deadline.remaining)
            let tls = await probe.run(TLSProbe.Target(host: target.host, port: target.port), deadline: deadline)
            guard tls.outcome.isOK else { return (tls, nil) }
            return (tls, await http)
        }
        return (nil, await http)
    }

    /// The HTTP layer: a GET of the endpoint (a CONNECT for an HTTPS_PROXY endpoint with a
    /// `connectTarget`); nil when http is not selected.
    func httpLayer(resolution known: PlatformResolution?, deadline: ProbeDeadline) async -> ProbeResult<HTTPEvidence>? {
        guard checks.contains(.http) else { return nil }
        if let connectTarget = target.connectTarget {
            return await connectCheck(connectTarget, resolution: known, deadline: deadline)
        }
        guard let url = try? HTTPRequestURL(target.url) else { return nil }
        var options = HTTPClientOptions(method: "GET", followRedirects: false, maxBodyBytes: 64 << 10, environment: environment)
        options.firstByteTimeout = HTTPProbe.firstByteBound(left: deadline.remaining)
        if let known { options.resolved[target.host.lowercased()] = known }
        return await HTTPProbe(options: options).run(url, deadline: deadline)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
