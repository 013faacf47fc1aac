import NetProbes

/// The facts of one endpoint's probes that the verdict rules read: a small value with public
/// initialisers, so the rules are unit-tested from hand-built facts, and `init(_:)` distils
/// them from the probes' evidence.
public struct EndpointFacts: Sendable, Equatable {
    public struct DNS: Sendable, Equatable {
        public var outcome: ProbeOutcome
        /// getaddrinfo's bounded class ("nxdomain", "no-data", "temporary", "failure", "timeout").
        public var errorClass: String?
        public var addresses: [ResolvedAddress]
        public init(outcome: ProbeOutcome, errorClass: String? = nil, addresses: [ResolvedAddress] = []) {
            self.outcome = outcome
            self.errorClass = errorClass
            self.addresses = addresses
        }
    }

    public struct ICMP: Sendable, Equatable {
        public var outcome: ProbeOutcome
        public var address: String?
        public var sent: Int
        public var received: Int
        public init(outcome: ProbeOutcome, address: String?, sent: Int, received: Int) {
            self.outcome = outcome
            self.address = address
            self.sent = sent
            self.received = received
        }
    }

    public struct Connect: Sendable, Equatable {
        public var endpoint: String
        public var family: AddressFamily
        public var result: TCPConnectAttempt.Result
        public var milliseconds: Double
        /// How many hops before the server a refusing RST was made (privileged runs).
        public var resetHopsBeforeServer: Int?
        public var detail: String?
        /// Set when the port was judged silent early (`SilentConnectRule`).
        public var silentJudgement: TCPConnectAttempt.SilentJudgement?
        public init(endpoint: String, family: AddressFamily, result: TCPConnectAttempt.Result, milliseconds: Double,
                    resetHopsBeforeServer: Int? = nil, detail: String? = nil, silentJudgement: TCPConnectAttempt.SilentJudgement? = nil) {
            self.endpoint = endpoint
            self.family = family
            self.result = result
            self.milliseconds = milliseconds
            self.resetHopsBeforeServer = resetHopsBeforeServer
            self.detail = detail
            self.silentJudgement = silentJudgement
        }
    }

    public struct TCP: Sendable, Equatable {
        public var outcome: ProbeOutcome
        public var attempts: [Connect]
        public var dualStack: DualStackVerdict
        public init(outcome: ProbeOutcome, attempts: [Connect], dualStack: DualStackVerdict) {
            self.outcome = outcome
            self.attempts = attempts
            self.dualStack = dualStack
        }
    }

    public struct Trace: Sendable, Equatable {
        public var outcome: ProbeOutcome
        public var address: String?
        /// The last TTL that answered when the path went silent (0: none did).
        public var silentAfterHop: Int?
        /// The address of the hop at `silentAfterHop`.
        public var lastHopAddress: String?
        public var endHop: Int?
        public var lastAnswer: TraceAnswer?
        public var reachedDestination: Bool
        public init(outcome: ProbeOutcome, address: String? = nil, silentAfterHop: Int? = nil, lastHopAddress: String? = nil,
                    endHop: Int? = nil, lastAnswer: TraceAnswer? = nil, reachedDestination: Bool = false) {
            self.outcome = outcome
            self.address = address
            self.silentAfterHop = silentAfterHop
            self.lastHopAddress = lastHopAddress
            self.endHop = endHop
            self.lastAnswer = lastAnswer
            self.reachedDestination = reachedDestination
        }
    }

    public struct TLS: Sendable, Equatable {
        public var outcome: ProbeOutcome
        public var handshakeCompleted: Bool
        public var untrustedIssuer: String?
        public var issuerIsPublicRoot: Bool?
        public var goError: String?
        public var localTime: String?
        public init(outcome: ProbeOutcome, handshakeCompleted: Bool, untrustedIssuer: String? = nil,
                    issuerIsPublicRoot: Bool? = nil, goError: String? = nil, localTime: String? = nil) {
            self.outcome = outcome
            self.handshakeCompleted = handshakeCompleted
            self.untrustedIssuer = untrustedIssuer
            self.issuerIsPublicRoot = issuerIsPublicRoot
            self.goError = goError
            self.localTime = localTime
        }
    }

    public struct HTTP: Sendable, Equatable {
        public var outcome: ProbeOutcome
        public var status: Int?
        public var statusLine: String?
        public var retryAfter: String?
        /// The proxy the request went through (redacted); nil when direct.
        public var proxy: String?
        /// The proxy's answer to CONNECT: its code and raw status line; nil when none was sent
        /// or the proxy never answered.
        public var connectStatus: Int?
        public var connectStatusLine: String?
        /// A 407's challenge, and the first line of a text/plain refusal body.
        public var proxyAuthenticate: String?
        public var connectBody: String?
        /// The first-byte bound the request had, in seconds.
        public var firstByteTimeoutSeconds: Double?
        /// After an HTTP/2 failure: whether the same request over HTTP/1.1 was answered.
        public var http11Answered: Bool?
        /// "HTTP/2.0" or "HTTP/1.1": what the request spoke (ALPN decides, as for the go command).
        public var httpVersion: String?
        public init(outcome: ProbeOutcome, status: Int? = nil, statusLine: String? = nil, retryAfter: String? = nil,
                    proxy: String? = nil, connectStatus: Int? = nil, connectStatusLine: String? = nil,
                    proxyAuthenticate: String? = nil, connectBody: String? = nil, firstByteTimeoutSeconds: Double? = nil) {
            self.outcome = outcome
            self.status = status
            self.statusLine = statusLine
            self.retryAfter = retryAfter
            self.proxy = proxy
            self.connectStatus = connectStatus
            self.connectStatusLine = connectStatusLine
            self.proxyAuthenticate = proxyAuthenticate
            self.connectBody = connectBody
            self.firstByteTimeoutSeconds = firstByteTimeoutSeconds
        }
    }

    public var target: EndpointTarget
    public var dns: DNS?
    /// The resolver comparison for the host (resolv.conf's servers and the chosen public
    /// resolvers, asked directly); empty when it was not run.
    public var resolvers: [Resolver] = []
    public var icmp: ICMP?
    public var tcp: TCP?
    /// Endpoints seen stuck in SYN_SENT during the TCP probe; nil when the table was unavailable.
    public var synSentStuck: [String]?
    public var trace: Trace?
    public var tls: TLS?
    public var http: HTTP?

    public init(target: EndpointTarget, dns: DNS? = nil, icmp: ICMP? = nil, tcp: TCP? = nil, synSentStuck: [String]? = nil,
                trace: Trace? = nil, tls: TLS? = nil, http: HTTP? = nil, resolvers: [Resolver] = []) {
        self.target = target
        self.dns = dns
        self.resolvers = resolvers
        self.icmp = icmp
        self.tcp = tcp
        self.synSentStuck = synSentStuck
        self.trace = trace
        self.tls = tls
        self.http = http
    }
}
