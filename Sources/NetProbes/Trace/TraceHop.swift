/// One TTL of a trace: who answered there (several addresses when the path balances),
/// the statistics over all rounds, and the marks of unreachable answers.
public struct TraceHop: Sendable, Codable, Equatable {
    public struct Responder: Sendable, Codable, Equatable {
        public var ip: String
        /// Reverse DNS name, when asked for and found.
        public var name: String?
        /// How many probes this address answered.
        public var answers: Int

        public init(ip: String, name: String? = nil, answers: Int) {
            self.ip = ip
            self.name = name
            self.answers = answers
        }
    }

    public var ttl: Int
    /// In order of first answer; empty for a silent hop ("* * *").
    public var responders: [Responder]
    public var statistics: HopStatistics
    /// The kinds of answers seen at this hop ("time-exceeded", "syn-ack", …), distinct, in order seen.
    public var answerKinds: [TraceAnswer.Kind]
    /// traceroute marks seen at this hop ("!H", "!X", …), distinct.
    public var annotations: [String]

    public init(ttl: Int, responders: [Responder], statistics: HopStatistics,
                answerKinds: [TraceAnswer.Kind], annotations: [String]) {
        self.ttl = ttl
        self.responders = responders
        self.statistics = statistics
        self.answerKinds = answerKinds
        self.annotations = annotations
    }

    public var addresses: [String] { responders.map(\.ip) }
}
