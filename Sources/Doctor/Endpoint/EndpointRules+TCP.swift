import NetProbes

extension EndpointRules {
    /// TCP failed: DROP (timeout, SYN_SENT, trace silent after hop N), REJECT with tcp-reset
    /// (an RST made before the server), REJECT with icmp-port-unreachable (the trace's last
    /// answer), a closed port, an ICMP unreachable, a local firewall.
    func tcpFinding(_ tcp: EndpointFacts.TCP, _ failure: FailureClass, icmpSilent: Bool) -> Finding {
        var evidence = tcp.attempts.filter { $0.result != .ok }.map { "\($0.endpoint): \($0.detail ?? $0.result.rawValue)" }
        let trace = facts.trace
        if let trace { evidence.append("trace: " + (trace.outcome.failure?.detail ?? "reached the destination")) }
        if let stuck = facts.synSentStuck {
            evidence.append(stuck.isEmpty ? "no connection stayed in SYN_SENT"
                                          : "stuck in SYN_SENT (no answer to the SYN): " + Self.distinct(stuck).joined(separator: ", "))
        }
        if icmpSilent { evidence.append("ICMP echo unanswered as well") }
        if let judged = tcp.attempts.compactMap(\.silentJudgement).first {
            let reference = judged.referenceRoundTripMilliseconds.map { "the ICMP round trip was \(Self.milliseconds($0))" }
                ?? "no round trip was measured (500 ms assumed)"
            evidence.append("no answer to \(judged.syns) SYNs (each resent by the kernel) in \(Self.milliseconds(judged.afterMilliseconds)); "
                            + "\(reference): judged dropped without waiting out the go command's 30 s dial timeout")
        }
        let traceCommand = "gomod-doctor trace \(address) --tcp --port \(port)"
        let socketsCommand = "gomod-doctor sockets --port \(port) --state syn-sent"

        if let middlebox = tcp.attempts.first(where: { $0.result == .reset && ($0.resetHopsBeforeServer ?? 0) > 0 }) {
            var arguments = ["hops": String(middlebox.resetHopsBeforeServer ?? 0)]
            if let trace, trace.lastAnswer?.kind == .tcpReset, let hop = trace.endHop { arguments["hop"] = String(hop) }
            return finding("endpoint.tcp.reset-by-middlebox", .tcp, .failure, arguments: arguments, evidence: evidence,
                           commands: [traceCommand, "curl -v --connect-timeout 5 \(target.url)"])
        }
        if let last = trace?.lastAnswer, last.kind == .portUnreachable {
            return finding("endpoint.tcp.rejected-icmp", .tcp, .failure,
                           arguments: ["hop": trace?.endHop.map(String.init) ?? "?", "address": last.from],
                           evidence: evidence, commands: [traceCommand])
        }
        switch failure.code {
        case "timeout":
            if let trace, let hop = trace.silentAfterHop, hop > 0 {
                return finding("endpoint.tcp.dropped-after-hop", .tcp, .failure,
                               arguments: ["hop": String(hop), "address": trace.lastHopAddress ?? "?"],
                               evidence: evidence, commands: [traceCommand, socketsCommand])
            }
            return finding("endpoint.tcp.timeout", .tcp, .failure, evidence: evidence, commands: [traceCommand, socketsCommand])
        case "refused":
            var arguments: [String: String] = [:]
            if let trace, trace.lastAnswer?.kind == .tcpReset, let hop = trace.endHop { arguments["hop"] = String(hop) }
            return finding("endpoint.tcp.refused", .tcp, .failure, arguments: arguments, evidence: evidence,
                           commands: [traceCommand, "ss -ltn 'sport = :\(port)'   # on the server"])
        case "reset":
            return finding("endpoint.tcp.reset", .tcp, .failure, evidence: evidence,
                           commands: [traceCommand, "curl -v --connect-timeout 5 \(target.url)"])
        case "unreachable":
            let from = trace?.lastAnswer.map { "\($0.from) \($0.annotation ?? "")" } ?? ""
            return finding("endpoint.tcp.unreachable", .tcp, .failure, arguments: ["from": from], evidence: evidence,
                           commands: ["ip route get \(address)", traceCommand])
        case "blocked":
            return finding("endpoint.tcp.blocked-locally", .tcp, .failure, evidence: evidence,
                           commands: ["sudo iptables -S OUTPUT", "sudo nft list ruleset"])
        default:
            return finding("endpoint.tcp.failed", .tcp, .failure, arguments: ["code": failure.code], evidence: evidence,
                           commands: [traceCommand])
        }
    }

    /// Each value once, first occurrence kept (several sockets may sit in SYN_SENT to one peer:
    /// the probe's and the fetch's own connects).
    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
