@testable import NetProbes
import Testing

/// Which replies the client believes, and how evidence maps to outcomes.
struct DNSClientMatchingTests {
    let question = DNSQuestion(name: (try? DNSName(parsing: "proxy.golang.org")) ?? .root, type: .a)

    func reply(id: UInt16, name: String = "proxy.golang.org", type: DNSRecordType = .a, isResponse: Bool = true, rcode: UInt8 = 0) throws -> [UInt8] {
        var message = DNSMessage(header: DNSHeader(id: id, isResponse: isResponse, rcode: rcode),
                                 questions: [DNSQuestion(name: try DNSName(parsing: name), type: type)])
        message.answers = [DNSResourceRecord(name: try DNSName(parsing: name), type: .a, ttl: 1, data: .a([1, 2, 3, 4]))]
        return message.encode()
    }

    @Test func onlyTheMatchingReplyIsAccepted() throws {
        #expect(DNSClient.rejection(of: try reply(id: 42), id: 42, question: question) == nil)
        #expect(DNSClient.rejection(of: try reply(id: 42, name: "PROXY.golang.ORG"), id: 42, question: question) == nil)
        #expect(DNSClient.rejection(of: try reply(id: 43), id: 42, question: question) == "ID 43 instead of 42")
        #expect(DNSClient.rejection(of: try reply(id: 42, name: "evil.example"), id: 42, question: question)?.hasPrefix("other question") == true)
        #expect(DNSClient.rejection(of: try reply(id: 42, type: .aaaa), id: 42, question: question)?.hasPrefix("other question") == true)
        #expect(DNSClient.rejection(of: try reply(id: 42, isResponse: false), id: 42, question: question)?.hasPrefix("not a response") == true)
        #expect(DNSClient.rejection(of: [0, 42, 0x81], id: 42, question: question)?.hasPrefix("malformed DNS message: truncated") == true)
        let formerr = DNSMessage(header: DNSHeader(id: 42, isResponse: true, rcode: 1)).encode()
        #expect(DNSClient.rejection(of: formerr, id: 42, question: question) == nil)
    }

    @Test(arguments: [("NOERROR", nil), ("NXDOMAIN", "nxdomain"), ("SERVFAIL", "servfail"), ("REFUSED", "refused-dns"), ("NOTIMP", "dns-rcode")])
    func rcodeOutcomes(rcode: String, code: String?) {
        var evidence = DNSQueryEvidence(server: "10.0.0.1#53", name: "x.", type: "A")
        evidence.rcode = rcode
        #expect(evidence.outcome.failure?.code == code)
    }

    @Test func noResponseOutcomes() {
        var evidence = DNSQueryEvidence(server: "10.0.0.1#53", name: "x.", type: "A")
        evidence.attempts = [DNSAttempt(transport: "udp", result: "timeout", detail: nil, durationSeconds: 1, ignored: []),
                             DNSAttempt(transport: "udp", result: "timeout", detail: nil, durationSeconds: 1, ignored: [])]
        #expect(evidence.outcome == .failed(FailureClass("timeout", "10.0.0.1#53: no response in 2 attempt(s)")))
        evidence.attempts.append(DNSAttempt(transport: "udp", result: "unreachable", detail: "recv: connection refused", durationSeconds: 0, ignored: []))
        #expect(evidence.outcome == .failed(FailureClass("unreachable", "10.0.0.1#53: recv: connection refused")))
    }
}
