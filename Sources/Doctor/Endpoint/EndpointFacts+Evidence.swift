import NetProbes

extension EndpointFacts {
    /// Distils the facts the rules read from the probes' evidence.
    public init(_ evidence: EndpointEvidence) {
        self.init(target: evidence.target)
        if let dns = evidence.dns {
            self.dns = DNS(outcome: dns.outcome, errorClass: dns.evidence.platform.errorClass,
                           addresses: dns.evidence.platform.addresses)
        }
        // The system servers' answers are the ones the system resolver view already got (each
        // fact asked once); the comparison, when it ran, adds the public resolvers. Without
        // it the system servers alone still tell "every nameserver is silent" apart.
        let systemAnswers = Self.systemAnswers(evidence.dns?.evidence, host: evidence.target.host)
        if let comparison = evidence.resolvers {
            let publicAnswers = comparison.evidence.answers.filter { $0.role != "system" }
            resolvers = Resolver.distil((systemAnswers.isEmpty ? comparison.evidence.answers.filter { $0.role == "system" } : systemAnswers)
                                        + publicAnswers)
        } else {
            resolvers = Resolver.distil(systemAnswers)
        }
        if let icmp = evidence.icmp {
            self.icmp = ICMP(outcome: icmp.outcome, address: icmp.evidence.address?.ip,
                             sent: icmp.evidence.transmitted, received: icmp.evidence.received)
        }
        if let tcp = evidence.tcp {
            let attempts = tcp.evidence.attempts.map { attempt in
                Connect(endpoint: attempt.endpoint, family: attempt.address.family, result: attempt.result,
                        milliseconds: attempt.connectMilliseconds,
                        resetHopsBeforeServer: attempt.resetOrigin?.hopsBeforeServer, detail: attempt.detail,
                        silentJudgement: attempt.silentJudgement)
            }
            self.tcp = TCP(outcome: tcp.outcome, attempts: attempts, dualStack: tcp.evidence.verdict)
        }
        if let synSent = evidence.synSent, synSent.available {
            synSentStuck = synSent.stuck.map(\.remote.description)
        }
        if let trace = evidence.trace {
            let silent = trace.evidence.silentAfterHop
            let lastHop = silent.flatMap { hop in trace.evidence.hops.last { $0.ttl == hop }?.addresses.first }
            self.trace = Trace(outcome: trace.outcome, address: trace.evidence.address, silentAfterHop: silent,
                               lastHopAddress: lastHop, endHop: trace.evidence.endHop, lastAnswer: trace.evidence.lastAnswer,
                               reachedDestination: trace.evidence.reachedDestination)
        }
        if let tls = evidence.tls {
            self.tls = TLS(outcome: tls.outcome, handshakeCompleted: tls.evidence.handshake?.completed ?? false,
                           untrustedIssuer: tls.evidence.verdict?.untrustedIssuer,
                           issuerIsPublicRoot: tls.evidence.verdict?.issuerIsPublicRoot,
                           goError: tls.evidence.verdict?.goError, localTime: tls.evidence.localTime)
        }
        if let http = evidence.http {
            let last = http.evidence.hops.last
            let retryAfter = last?.headers.first { $0.name.lowercased() == "retry-after" }?.value
            self.http = HTTP(outcome: http.outcome, status: http.evidence.finalStatus, statusLine: last?.statusLine,
                             retryAfter: retryAfter, proxy: http.evidence.proxy, connectStatus: http.evidence.proxyConnectStatusCode,
                             connectStatusLine: http.evidence.proxyConnectStatusLine, proxyAuthenticate: last?.proxy?.proxyAuthenticate,
                             connectBody: last?.proxy?.connectBody, firstByteTimeoutSeconds: http.evidence.firstByteTimeoutSeconds)
            self.http?.http11Answered = http.evidence.http11Answered
            self.http?.httpVersion = last?.httpVersion
        }
    }

    /// What each resolv.conf server said for the host itself (the name the public resolvers
    /// were asked), from the system resolver view's queries; empty when the view did not ask it.
    static func systemAnswers(_ view: SystemResolverEvidence?, host: String) -> [ResolverAnswer] {
        let name = host.lowercased().hasSuffix(".") ? String(host.lowercased().dropLast()) : host.lowercased()
        return (view?.queries ?? []).filter { query in
            let asked = query.name.lowercased()
            return (asked.hasSuffix(".") ? String(asked.dropLast()) : asked) == name
        }.map { query in
            ResolverAnswer(resolver: query.server, role: "system", type: query.type, outcome: query.outcome, rcode: query.rcode,
                           addresses: query.answers.filter { $0.type == query.type }.map(\.data), answers: query.answers,
                           queryTimeSeconds: query.queryTimeSeconds)
        }
    }
}
