/// Asks one server one question: UDP with retries, TCP when the answer is truncated (or
/// always, with `tcpOnly`), a fresh random ID per attempt, and only a response carrying that
/// ID and the same question accepted — anything else is logged as ignored, never believed.
/// Never runs past the deadline; never throws: every failure is evidence.
public struct DNSClient: Sendable {
    public init() {}

    public func query(_ question: DNSQuestion, server: DNSServerAddress, options: DNSQueryOptions = DNSQueryOptions(),
                      deadline: ProbeDeadline) async -> ProbeResult<DNSQueryEvidence> {
        let start = ContinuousClock.now
        var evidence = DNSQueryEvidence(server: server.description, name: question.name.description, type: question.type.description)
        var accepted: (message: DNSMessage, bytes: Int)?
        if options.tcpOnly {
            accepted = await attempt(question, server: server, options: options, tcp: true, deadline: deadline, evidence: &evidence)
        } else {
            for _ in 0..<options.attempts {
                guard !deadline.hasPassed, !Task.isCancelled else { break }
                accepted = await attempt(question, server: server, options: options, tcp: false, deadline: deadline, evidence: &evidence)
                if accepted != nil || evidence.attempts.last?.result == "unreachable" { break }
            }
            if let udp = accepted, udp.message.header.truncated {
                // TC=1 only says "ask again over TCP": the answer is TCP's or there is none
                // (net/dnsclient_unix.go exchange returns the TCP dial or read error). The
                // truncated answer stays as evidence, never as the answer.
                evidence.attempts[evidence.attempts.count - 1].result = "truncated"
                evidence.truncatedUDPAnswer = DNSTruncatedAnswer(udp.message, bytes: udp.bytes)
                accepted = nil
                if !deadline.hasPassed, !Task.isCancelled {
                    evidence.retriedOverTCP = true
                    accepted = await attempt(question, server: server, options: options, tcp: true, deadline: deadline, evidence: &evidence)
                }
            }
        }
        if let (message, size) = accepted {
            evidence.rcode = DNSResponseCode.name(message.responseCode)
            evidence.flags = message.header.flagNames
            evidence.answers = message.answers.map(DNSRecordEvidence.init)
            evidence.authority = message.authorities.map(DNSRecordEvidence.init)
            evidence.additional = message.additionals.filter { $0.type != .opt }.map(DNSRecordEvidence.init)
            evidence.responseBytes = size
            evidence.transport = evidence.attempts.last?.transport
            evidence.queryTimeSeconds = evidence.attempts.last?.durationSeconds
            evidence.serverEDNSPayloadSize = message.edns.map { Int($0.udpPayloadSize) }
        }
        return ProbeResult(target: "\(question.name) \(question.type) @\(server)", outcome: evidence.outcome,
                           evidence: evidence, durationSeconds: Self.seconds(since: start))
    }

    /// One exchange; appends its attempt record and returns the accepted response.
    private func attempt(_ question: DNSQuestion, server: DNSServerAddress, options: DNSQueryOptions, tcp: Bool,
                         deadline: ProbeDeadline, evidence: inout DNSQueryEvidence) async -> (message: DNSMessage, bytes: Int)? {
        let id = UInt16.random(in: 0...UInt16.max)
        // Over TCP there is no fragment limit: the OPT record is still sent (RFC 6891 is transport-neutral).
        let query = DNSMessage.query(id: id, name: question.name, type: question.type,
                                     recursionDesired: options.recursionDesired, ednsPayloadSize: options.ednsPayloadSize).encode()
        let until = deadline.capped(at: options.timeoutPerAttempt).instant
        let accept: @Sendable ([UInt8]) -> String? = { Self.rejection(of: $0, id: id, question: question) }
        let started = ContinuousClock.now
        let result = await DNSSocketExchange.onThread { cancel in
            tcp ? DNSSocketExchange.tcp(query, to: server, until: until, cancel: cancel, accept: accept)
                : DNSSocketExchange.udp(query, to: server, until: until, cancel: cancel, accept: accept)
        }
        var record = DNSAttempt(transport: tcp ? "tcp" : "udp", result: "timeout", detail: nil,
                                durationSeconds: Self.seconds(since: started), ignored: [])
        defer { evidence.attempts.append(record) }
        switch result {
        case .response(let bytes, let rejected):
            record.ignored = rejected
            guard let message = try? DNSMessage.decode(bytes) else { return nil }
            record.result = "response"
            return (message, bytes.count)
        case .timeout(let rejected):
            record.ignored = rejected
            let malformed = rejected.last { $0.hasPrefix("malformed") }
            if let malformed {
                record.result = "malformed"
                record.detail = malformed
            } else {
                record.detail = "no response in \(Self.milliseconds(options.timeoutPerAttempt)) ms"
            }
        case .unreachable(let detail):
            record.result = "unreachable"
            record.detail = detail
        case .failed(let detail):
            record.result = "error"
            record.detail = detail
        case .closed(let detail, let rejected):
            // What the server sent before it closed is the finding: a malformed answer is named.
            record.ignored = rejected
            if let last = rejected.last {
                record.result = "malformed"
                record.detail = "the answer over TCP was not taken (\(last)), then the server closed the connection"
            } else {
                record.result = "error"
                record.detail = detail
            }
        case .cancelled:
            record.result = "timeout"
            record.detail = "cancelled"
        }
        return nil
    }

    /// Why a received message is not the answer to our query, or nil when it is.
    static func rejection(of bytes: [UInt8], id: UInt16, question: DNSQuestion) -> String? {
        let message: DNSMessage
        do {
            message = try DNSMessage.decode(bytes)
        } catch {
            return "\(error)"
        }
        guard message.header.isResponse else { return "not a response (QR=0), ID \(message.header.id)" }
        guard message.header.id == id else { return "ID \(message.header.id) instead of \(id)" }
        // FORMERR/NOTIMP replies may omit the question; anything else must echo ours.
        if message.questions.isEmpty, [1, 4].contains(message.header.rcode) { return nil }
        guard message.questions.count == 1, let echoed = message.questions.first, echoed.matches(question) else {
            let asked = message.questions.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
            return "other question (\(asked)) with ID \(id)"
        }
        return nil
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
