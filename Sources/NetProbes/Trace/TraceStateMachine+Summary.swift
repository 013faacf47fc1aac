extension TraceStateMachine {
    /// Hops from the first TTL up to where the path ended, or up to the last TTL that
    /// answered (later TTLs were all silent; `silentAfterHop` says so).
    public func hops() -> [TraceHop] {
        let answeredTTLs = probes.values.filter { $0.answer != nil }.map(\.ttl)
        let last = endTTL ?? answeredTTLs.max() ?? (configuration.firstTTL - 1)
        guard last >= configuration.firstTTL else { return [] }
        return (configuration.firstTTL...last).map { ttl in
            let round = probes.values.filter { $0.ttl == ttl }.sorted { ($0.cycle, $0.sentAt) < ($1.cycle, $1.sentAt) }
            var responders: [TraceHop.Responder] = []
            var kinds: [TraceAnswer.Kind] = []
            var annotations: [String] = []
            for probe in round {
                guard let answer = probe.answer else { continue }
                if let index = responders.firstIndex(where: { $0.ip == answer.from }) {
                    responders[index].answers += 1
                } else {
                    responders.append(TraceHop.Responder(ip: answer.from, answers: 1))
                }
                if !kinds.contains(answer.kind) { kinds.append(answer.kind) }
                if let mark = answer.annotation, !annotations.contains(mark) { annotations.append(mark) }
            }
            let rtts = round.compactMap { $0.answer == nil ? nil : $0.rttMs }
            return TraceHop(ttl: ttl, responders: responders, statistics: HopStatistics(sent: round.count, rttsMs: rtts),
                            answerKinds: kinds, annotations: annotations)
        }
    }

    /// The answer that ended the path (first in send order at `endTTL`), or the last answer
    /// of the highest TTL that answered when nothing ended it.
    public var lastAnswer: TraceAnswer? {
        let answered = probes.values.filter { $0.answer != nil }.sorted { ($0.cycle, $0.ttl) < ($1.cycle, $1.ttl) }
        if let endTTL {
            return answered.first { $0.ttl == endTTL && $0.answer?.endsPath == true }?.answer
        }
        guard let top = answered.map(\.ttl).max() else { return nil }
        return answered.last { $0.ttl == top }?.answer
    }

    /// True when the traced address itself answered at the end of the path.
    public var reachedDestination: Bool {
        guard let endTTL else { return false }
        return probes.values.contains { probe in
            guard probe.ttl == endTTL, let answer = probe.answer, answer.from == destination else { return false }
            return [.echoReply, .portUnreachable, .synAck, .tcpReset].contains(answer.kind)
        }
    }

    /// When the path did not end: the last TTL that answered (0 when none did).
    public var silentAfterHop: Int? {
        guard endTTL == nil else { return nil }
        return probes.values.filter { $0.answer != nil }.map(\.ttl).max() ?? 0
    }
}
