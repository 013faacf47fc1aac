import NetProbes

/// Everything the layered probe of one endpoint saw, kept as each probe's own `ProbeResult`
/// (the same JSON the single-layer commands print). A layer that was not run is nil: a later
/// layer is not probed once an earlier one it depends on has failed, and the trace runs only
/// when TCP failed or was slow.
public struct EndpointEvidence: Sendable, Equatable, Codable {
    public var target: EndpointTarget
    /// The system resolver's view (resolv.conf servers asked directly, and getaddrinfo).
    public var dns: ProbeResult<SystemResolverEvidence>?
    /// resolv.conf's servers and the chosen public resolvers asked the same questions
    /// (A, AAAA); run once per host by `check`, nil when not run.
    public var resolvers: ProbeResult<ResolverComparisonEvidence>? = nil
    /// Echo requests to the first resolved address.
    public var icmp: ProbeResult<PingEvidence>?
    /// One connect per resolved address.
    public var tcp: ProbeResult<TCPConnectEvidence>?
    /// Connections seen in SYN_SENT while the TCP probe ran.
    public var synSent: SynSentEvidence?
    /// TCP-SYN trace to the port, when TCP failed or was slow.
    public var trace: ProbeResult<TraceEvidence>?
    /// https only, when TCP connected.
    public var tls: ProbeResult<TLSEvidence>?
    /// When the layers below worked.
    public var http: ProbeResult<HTTPEvidence>?
    /// Wall time of the whole run, in seconds.
    public var durationSeconds: Double

    public init(target: EndpointTarget, dns: ProbeResult<SystemResolverEvidence>? = nil,
                icmp: ProbeResult<PingEvidence>? = nil, tcp: ProbeResult<TCPConnectEvidence>? = nil,
                synSent: SynSentEvidence? = nil, trace: ProbeResult<TraceEvidence>? = nil,
                tls: ProbeResult<TLSEvidence>? = nil, http: ProbeResult<HTTPEvidence>? = nil,
                durationSeconds: Double = 0) {
        self.target = target
        self.dns = dns
        self.icmp = icmp
        self.tcp = tcp
        self.synSent = synSent
        self.trace = trace
        self.tls = tls
        self.http = http
        self.durationSeconds = durationSeconds
    }
}
