/// When a resolv.conf nameserver that answers nothing is judged silent instead of waited out.
/// A resolver can be slow to answer a name (its upstream is slow or far), so the name's own
/// query proves little; what proves a server alive is any answer at all. Beside the real
/// queries, small non-recursive questions (". NS" with RD=0, which a recursive resolver
/// answers from its cache or refuses at once, without asking anyone) go to each server every
/// 75 ms from 50 ms on; a server that answers none of them, nor the real queries, by 0.8 s is
/// judged silent — a tenth of the go command's 10 s (resolv.conf's 5 s timeout, two tries).
/// A server 300 ms away answers the first question by 0.35 s; of its questions, the seven
/// sent by 0.5 s and the real A and AAAA queries can be answered before the judgement, and at
/// 20 % loss each way all nine go unanswered with probability (1 − 0.8²)⁹ ≈ 10⁻⁴.
public enum NameserverSilence {
    public static let questions = 10
    public static let interval: Duration = .milliseconds(75)
    public static let firstQuestionAfter: Duration = .milliseconds(50)
    public static let judgeAfter: Duration = .milliseconds(800)

    /// Whether `server` answered anything (any RCODE, or an ICMP unreachable: not silence)
    /// by the judgement time; returns as soon as it did.
    public static func answers(_ server: DNSServerAddress, deadline: ProbeDeadline) async -> Bool {
        let judged = deadline.capped(at: judgeAfter)
        let options = DNSQueryOptions(timeoutPerAttempt: judgeAfter, attempts: 1, tcpOnly: false, ednsPayloadSize: nil,
                                      recursionDesired: false)
        return await withTaskGroup(of: Bool.self) { group in
            for index in 0..<questions {
                group.addTask {
                    // The first after 100 ms: a server that answers the real query at once is never asked.
                    try? await Task.sleep(for: firstQuestionAfter + interval * index)
                    guard !Task.isCancelled, !judged.hasPassed else { return false }
                    let result = await DNSClient().query(DNSQuestion(name: .root, type: .ns), server: server, options: options,
                                                         deadline: judged)
                    return result.evidence.rcode != nil || result.evidence.attempts.contains { $0.result == "unreachable" }
                }
            }
            for await answered in group where answered {
                group.cancelAll()
                return true
            }
            return false
        }
    }

    /// The `SilentPeerBoard` key of a nameserver judged silent.
    public static func boardKey(_ server: DNSServerAddress) -> String {
        "dns " + server.description
    }

    /// Whether every one of `servers` is silent (false when there is none to ask).
    public static func allSilent(_ servers: [DNSServerAddress], deadline: ProbeDeadline) async -> Bool {
        guard !servers.isEmpty else { return false }
        return await withTaskGroup(of: Bool.self) { group in
            for server in servers { group.addTask { await answers(server, deadline: deadline) } }
            for await answered in group where answered {
                group.cancelAll()
                return false
            }
            return true
        }
    }
}
