/// One record as evidence: presentation form, as dig shows it.
public struct DNSRecordEvidence: Sendable, Codable, Hashable {
    public var name: String
    public var type: String
    public var ttl: UInt32
    /// RDATA in dig's text form ("10 mail.example.", "\"v=lab1\"").
    public var data: String

    public init(name: String, type: String, ttl: UInt32, data: String) {
        self.name = name
        self.type = type
        self.ttl = ttl
        self.data = data
    }

    public init(_ record: DNSResourceRecord) {
        self.init(name: record.name.description, type: record.type.description, ttl: record.ttl,
                  data: DNSPresentation.rdata(record.data))
    }
}

/// One try at one server over one transport.
public struct DNSAttempt: Sendable, Codable, Equatable {
    /// "udp" or "tcp".
    public var transport: String
    /// "response", "truncated" (TC=1 over UDP), "timeout", "unreachable", "malformed", "error".
    public var result: String
    public var detail: String?
    public var durationSeconds: Double
    /// Datagrams that arrived but were not the answer (wrong ID or question: spoofing or stray).
    public var ignored: [String]
}

/// What one DNS query saw: the question, every attempt, and the response that ended it.
public struct DNSQueryEvidence: Sendable, Codable, Equatable {
    public var server: String
    public var name: String
    public var type: String
    public var attempts: [DNSAttempt]
    /// "NOERROR", "NXDOMAIN"… nil when no response was accepted.
    public var rcode: String?
    /// dig's flag names of the accepted response ("qr", "aa", "tc", "rd", "ra"…).
    public var flags: [String]
    public var answers: [DNSRecordEvidence]
    public var authority: [DNSRecordEvidence]
    public var additional: [DNSRecordEvidence]
    /// Transport of the accepted response.
    public var transport: String?
    /// Round trip of the attempt that got the accepted response (dig's "Query time").
    public var queryTimeSeconds: Double?
    public var responseBytes: Int?
    /// True when a UDP answer had TC=1 and the query was repeated over TCP.
    public var retriedOverTCP: Bool
    /// The UDP payload size the server advertised in its OPT record, when it sent one.
    public var serverEDNSPayloadSize: Int?
    /// The UDP answer that had TC=1, kept as evidence when the TCP retry got no answer: it is
    /// only "ask again over TCP", never the answer (rcode stays nil; outcome "truncated-tcp-failed").
    public var truncatedUDPAnswer: DNSTruncatedAnswer?

    public init(server: String, name: String, type: String) {
        self.server = server
        self.name = name
        self.type = type
        attempts = []
        flags = []
        answers = []
        authority = []
        additional = []
        retriedOverTCP = false
    }

    /// Why a truncated UDP answer led to nothing: how the TCP retry ended, naming the server.
    var truncatedRetryDetail: String {
        let prefix = "\(server): the UDP answer was truncated (TC=1) and "
        guard retriedOverTCP, let tcp = attempts.last, tcp.transport == "tcp" else {
            return prefix + "the deadline passed before the TCP retry"
        }
        switch tcp.result {
        case "timeout": return prefix + "the TCP retry timed out (\(tcp.detail ?? "no response"))"
        case "unreachable": return prefix + "the TCP retry failed: \(tcp.detail ?? "unreachable")"
        default: return prefix + "the TCP retry failed (\(tcp.result)): \(tcp.detail ?? "no detail")"
        }
    }

    /// The addresses among the answers (A and AAAA data), in answer order.
    public var addresses: [String] {
        answers.filter { $0.type == "A" || $0.type == "AAAA" }.map(\.data)
    }

    /// The probe outcome this evidence stands for. Codes: "nxdomain", "servfail",
    /// "refused-dns", "dns-rcode" (any other RCODE), "timeout", "unreachable", "malformed",
    /// "error", "truncated-tcp-failed" (TC=1 over UDP and no answer over TCP). NOERROR is ok,
    /// with or without answers (no answers = the name has no such record).
    public var outcome: ProbeOutcome {
        guard let rcode else {
            if truncatedUDPAnswer != nil { return .failed(FailureClass("truncated-tcp-failed", truncatedRetryDetail)) }
            let last = attempts.last
            let detail = "\(server): \(last?.detail ?? "no response")"
            switch last?.result {
            case "unreachable": return .failed(FailureClass("unreachable", detail))
            case "malformed": return .failed(FailureClass("malformed", detail))
            case "error": return .failed(FailureClass("error", detail))
            default:
                return .failed(FailureClass("timeout", "\(server): no response in \(attempts.count) attempt(s)"))
            }
        }
        let detail = "\(server): \(name) \(type): \(rcode)"
        switch rcode {
        case "NOERROR": return .ok
        case "NXDOMAIN": return .failed(FailureClass("nxdomain", detail))
        case "SERVFAIL": return .failed(FailureClass("servfail", detail))
        case "REFUSED": return .failed(FailureClass("refused-dns", detail))
        default: return .failed(FailureClass("dns-rcode", detail))
        }
    }
}
