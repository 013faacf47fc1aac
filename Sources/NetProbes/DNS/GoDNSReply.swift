/// What one server did with one question, reduced to what Go's resolver looks at: the
/// RCODE, whether a record of the asked type came back, the AA/RA flags and the additional
/// section (lame-referral test), or — with no reply — how the exchange ended.
public struct GoDNSReply: Sendable, Equatable {
    /// The server as Go writes it ("10.0.0.53:53").
    public var server: String
    /// nil when no reply was accepted.
    public var rcode: String?
    /// A/AAAA data of the asked type, in answer order.
    public var addresses: [String]
    /// A record of the asked type is in the answer section (skipToAnswer).
    public var hasAnswerOfType: Bool
    public var answerSectionEmpty: Bool
    public var authoritative: Bool
    public var recursionAvailable: Bool
    /// Any additional record, OPT included (Go 1.27's `hasAdd`).
    public var hasAdditional: Bool
    /// With no reply: "timeout", "unreachable", "malformed", "error" (DNSAttempt.result).
    public var noReply: String?
    public var detail: String?

    public init(server: String, rcode: String?, addresses: [String] = [], hasAnswerOfType: Bool? = nil,
                answerSectionEmpty: Bool? = nil, authoritative: Bool = false, recursionAvailable: Bool = true,
                hasAdditional: Bool = false, noReply: String? = nil, detail: String? = nil) {
        self.server = server
        self.rcode = rcode
        self.addresses = addresses
        self.hasAnswerOfType = hasAnswerOfType ?? !addresses.isEmpty
        self.answerSectionEmpty = answerSectionEmpty ?? addresses.isEmpty
        self.authoritative = authoritative
        self.recursionAvailable = recursionAvailable
        self.hasAdditional = hasAdditional
        self.noReply = rcode == nil ? (noReply ?? "timeout") : nil
        self.detail = detail
    }

    /// From our DNS client's evidence for one question to one server.
    public init(_ query: DNSQueryEvidence) {
        let server = DNSServerAddress(parsing: query.server).map(GoDNSError.goServer) ?? query.server
        let ofType = query.answers.filter { $0.type == query.type }
        self.init(server: server, rcode: query.rcode,
                  addresses: ofType.filter { $0.type == "A" || $0.type == "AAAA" }.map(\.data),
                  hasAnswerOfType: !ofType.isEmpty, answerSectionEmpty: query.answers.isEmpty,
                  authoritative: query.flags.contains("aa"), recursionAvailable: query.flags.contains("ra"),
                  hasAdditional: !query.additional.isEmpty || query.serverEDNSPayloadSize != nil,
                  noReply: query.attempts.last?.result, detail: query.attempts.last?.detail)
    }
}
