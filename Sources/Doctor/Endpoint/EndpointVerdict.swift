import NetProbes

/// The layered verdict on one endpoint: DNS → TCP (with ICMP and the path beside it) → TLS →
/// HTTP. The first broken layer is the root cause and gets the failure finding; failures of
/// later layers are its symptoms and get none. Pure over `EndpointFacts`.
public struct EndpointVerdict: Sendable, Equatable, Codable {
    public var target: EndpointTarget
    /// dns, icmp, tcp, path, tls, http — in that order.
    public var layers: [EndpointLayerCheck]
    /// The first broken layer; nil when the endpoint works.
    public var rootLayer: Layer?
    /// Root cause first (or `endpoint.healthy`), then informational findings.
    public var findings: [Finding]
    /// What each resolver of the comparison answered for the host; nil when none was run.
    public var resolvers: [EndpointFacts.Resolver]?

    public init(target: EndpointTarget, layers: [EndpointLayerCheck], rootLayer: Layer?, findings: [Finding],
                resolvers: [EndpointFacts.Resolver]? = nil) {
        self.target = target
        self.layers = layers
        self.rootLayer = rootLayer
        self.findings = findings
        self.resolvers = resolvers
    }

    /// A connect slower than this is a warning (`endpoint.tcp.slow`), and the probe traces it.
    public static let slowConnectMilliseconds: Double = 1000

    /// ICMP outcomes that mean "could not ask", not "no answer".
    static let unprobedICMPCodes: Set<String> = ["not-permitted", "no-address"]

    public static func judge(_ evidence: EndpointEvidence) -> EndpointVerdict {
        judge(EndpointFacts(evidence))
    }

    public static func judge(_ facts: EndpointFacts) -> EndpointVerdict {
        var chain = Chain()
        let rules = EndpointRules(facts: facts)

        // A system answer unlike what agreeing public resolvers give is the cause only when a
        // later layer fails against it (then those failures are its symptoms).
        let downstreamFailed = facts.tcp?.outcome.isOK == false || facts.tls?.outcome.isOK == false
            || facts.http.map { rules.httpFinding($0) != nil } == true
        if let dns = facts.dns {
            if let failure = dns.outcome.failure {
                chain.fail(.dns, failure.detail, rules.dnsFinding(dns, failure))
            } else if downstreamFailed, let poisoned = rules.poisonedFinding(dns) {
                let said = poisoned.arguments
                chain.fail(.dns, "\(said["systemAnswer"] ?? "") vs \(said["answer"] ?? "") from \(said["resolvers"] ?? "")", poisoned)
            } else {
                chain.add(.dns, .ok, BoundedList.join(dns.addresses.map(\.ip)))
                if let note = rules.publicDisagreementFinding(dns) { chain.extras.append(note) }
            }
        } else {
            chain.add(.dns, .skipped)
        }

        // No echo socket (ping_group_range, no CAP_NET_RAW) says nothing about the network.
        let icmpUnprobed = facts.icmp.map { !$0.outcome.isOK && Self.unprobedICMPCodes.contains($0.outcome.failure?.code ?? "") } ?? true
        let icmpSilent = !icmpUnprobed && facts.icmp?.received == 0
        let tcpOK = facts.tcp?.outcome.isOK == true
        if let icmp = facts.icmp {
            if case .skipped(let reason) = icmp.outcome {
                chain.add(.icmp, .skipped, reason)
            } else if icmpUnprobed {
                chain.add(.icmp, .skipped, icmp.outcome.failure?.detail ?? "")
            } else if icmp.received > 0 {
                chain.add(.icmp, .ok, "\(icmp.received)/\(icmp.sent) echo replies from \(icmp.address ?? facts.target.host)")
            } else {
                chain.add(.icmp, .warning, icmp.outcome.failure?.detail ?? "no echo reply")
            }
        } else {
            chain.add(.icmp, .skipped)
        }

        if let tcp = facts.tcp {
            if let failure = tcp.outcome.failure {
                chain.fail(.tcp, failure.detail, rules.tcpFinding(tcp, failure, icmpSilent: icmpSilent))
            } else if tcp.dualStack == .ipv6Broken, let finding = rules.ipv6BrokenFinding(tcp) {
                chain.add(.tcp, .warning, finding.evidence.joined(separator: "; "))
                chain.extras.append(finding)
            } else if let finding = rules.slowConnectFinding(tcp) {
                chain.add(.tcp, .warning, finding.evidence.first ?? "")
                chain.extras.append(finding)
            } else {
                let fastest = tcp.attempts.filter { $0.result == .ok }.map(\.milliseconds).min()
                chain.add(.tcp, .ok, fastest.map { "connected in \(EndpointRules.milliseconds($0))" } ?? "connected")
            }
        } else {
            chain.add(.tcp, .skipped)
        }
        if icmpSilent && tcpOK {
            chain.extras.append(rules.icmpFilteredFinding())
        }

        if let trace = facts.trace {
            let status: EndpointLayerCheck.Status = trace.outcome.isOK ? .ok : (chain.root == .tcp ? .failed : .warning)
            chain.add(.path, status, trace.outcome.failure?.detail ?? "reached \(trace.address ?? facts.target.host) at hop \(trace.endHop.map(String.init) ?? "?")")
        } else {
            chain.add(.path, .skipped)
        }

        if let tls = facts.tls {
            if let failure = tls.outcome.failure {
                chain.fail(.tls, failure.detail, rules.tlsFinding(tls, failure))
            } else {
                chain.add(.tls, .ok, "handshake completed, chain trusted")
            }
        } else {
            chain.add(.tls, .skipped, facts.target.scheme == .http ? "plain http" : "")
        }

        if let http = facts.http {
            if case .skipped(let reason) = http.outcome {
                chain.add(.http, .skipped, reason)
            } else if let finding = rules.httpFinding(http) {
                chain.fail(.http, http.outcome.failure?.detail ?? http.statusLine ?? "", finding)
            } else {
                let tunnel = facts.target.connectTarget.flatMap { connect in
                    http.connectStatusLine.map { "CONNECT \(connect) → \(EndpointRules.statusWithoutVersion($0))" }
                }
                let answer = http.statusLine.map { [http.httpVersion, $0].compactMap { $0 }.joined(separator: " ") }
                chain.add(.http, .ok, tunnel ?? answer ?? "answered")
            }
        } else {
            chain.add(.http, .skipped)
        }

        var findings = chain.findings
        if chain.root == nil {
            findings.insert(rules.healthyFinding(), at: 0)
        }
        findings += chain.extras
        return EndpointVerdict(target: facts.target, layers: chain.layers, rootLayer: chain.root, findings: findings,
                               resolvers: facts.resolvers.isEmpty ? nil : facts.resolvers)
    }

    /// Accumulates the chain: the first failure becomes the root, later ones symptoms.
    private struct Chain {
        var layers: [EndpointLayerCheck] = []
        var root: Layer?
        var findings: [Finding] = []
        var extras: [Finding] = []

        mutating func add(_ layer: Layer, _ status: EndpointLayerCheck.Status, _ detail: String = "") {
            layers.append(EndpointLayerCheck(layer: layer, status: status, detail: detail))
        }

        mutating func fail(_ layer: Layer, _ detail: String, _ finding: @autoclosure () -> Finding) {
            if root == nil {
                root = layer
                findings.append(finding())
                add(layer, .failed, detail)
            } else {
                add(layer, .symptom, detail)
            }
        }
    }
}
