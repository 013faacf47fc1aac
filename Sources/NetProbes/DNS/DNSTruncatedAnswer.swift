/// What a UDP answer with TC=1 said, kept when the TCP retry it asked for failed. Evidence
/// only: a truncated answer may be missing records, so nothing is concluded from it.
public struct DNSTruncatedAnswer: Sendable, Codable, Equatable {
    public var rcode: String
    /// dig's flag names ("qr", "tc", "rd", "ra"…).
    public var flags: [String]
    /// The records it held (often none: servers send an empty truncated answer).
    public var answers: [DNSRecordEvidence]
    public var responseBytes: Int

    public init(rcode: String, flags: [String], answers: [DNSRecordEvidence], responseBytes: Int) {
        self.rcode = rcode
        self.flags = flags
        self.answers = answers
        self.responseBytes = responseBytes
    }

    init(_ message: DNSMessage, bytes: Int) {
        self.init(rcode: DNSResponseCode.name(message.responseCode), flags: message.header.flagNames,
                  answers: message.answers.map(DNSRecordEvidence.init), responseBytes: bytes)
    }
}
