/// A whole DNS message: decode from and encode to wire bytes (RFC 1035 4.1, RFC 6891 for OPT).
public struct DNSMessage: Sendable, Hashable {
    public var header: DNSHeader
    public var questions: [DNSQuestion]
    public var answers: [DNSResourceRecord]
    public var authorities: [DNSResourceRecord]
    /// Includes the OPT pseudo-record when present.
    public var additionals: [DNSResourceRecord]

    public static let headerLength = 12
    /// The smallest possible question (root name, type, class) and record (root name, fixed part):
    /// counts that need more bytes than are left are rejected before any loop runs.
    static let minimumQuestionLength = 5
    static let minimumRecordLength = 11

    public init(header: DNSHeader, questions: [DNSQuestion] = [], answers: [DNSResourceRecord] = [],
                authorities: [DNSResourceRecord] = [], additionals: [DNSResourceRecord] = []) {
        self.header = header
        self.questions = questions
        self.answers = answers
        self.authorities = authorities
        self.additionals = additionals
    }

    /// A standard query for one question; `ednsPayloadSize` adds an OPT record advertising it.
    public static func query(id: UInt16, name: DNSName, type: DNSRecordType, recursionDesired: Bool = true,
                             ednsPayloadSize: UInt16? = nil) -> DNSMessage {
        var message = DNSMessage(header: DNSHeader(id: id, recursionDesired: recursionDesired),
                                 questions: [DNSQuestion(name: name, type: type)])
        if let size = ednsPayloadSize {
            message.additionals.append(DNSResourceRecord(name: .root, type: .opt, recordClass: max(size, 512), ttl: 0, data: .opt([])))
        }
        return message
    }

    public static func decode(_ bytes: [UInt8]) throws(DNSDecodeError) -> DNSMessage {
        var reader = DNSWireReader(bytes)
        reader.context = "header"
        let id = try reader.readUInt16()
        let flags = try reader.readUInt16()
        let counts = [try reader.readUInt16(), try reader.readUInt16(), try reader.readUInt16(), try reader.readUInt16()].map(Int.init)
        let needed = counts[0] * minimumQuestionLength + (counts[1] + counts[2] + counts[3]) * minimumRecordLength
        guard needed <= reader.remaining else { throw DNSDecodeError(.countTooLarge, at: 4, "header") }
        var message = DNSMessage(header: DNSHeader(id: id, flags: flags))
        for index in 0..<counts[0] {
            reader.context = "question \(index + 1)"
            let name = try reader.readName()
            let type = DNSRecordType(rawValue: try reader.readUInt16())
            message.questions.append(DNSQuestion(name: name, type: type, questionClass: try reader.readUInt16()))
        }
        message.answers = try records(counts[1], "answer", &reader)
        message.authorities = try records(counts[2], "authority", &reader)
        message.additionals = try records(counts[3], "additional", &reader)
        return message
    }

    private static func records(_ count: Int, _ section: String, _ reader: inout DNSWireReader) throws(DNSDecodeError) -> [DNSResourceRecord] {
        var records: [DNSResourceRecord] = []
        for index in 0..<count {
            reader.context = "\(section) \(index + 1)"
            records.append(try DNSResourceRecord.decode(from: &reader))
        }
        return records
    }

    /// Wire bytes, names compressed. Sections beyond 65535 entries are cut (never produced here).
    public func encode() -> [UInt8] {
        var writer = DNSWireWriter()
        writer.writeUInt16(header.id)
        writer.writeUInt16(header.flags)
        for count in [questions.count, answers.count, authorities.count, additionals.count] {
            writer.writeUInt16(UInt16(min(count, 0xFFFF)))
        }
        for question in questions.prefix(0xFFFF) {
            writer.writeName(question.name)
            writer.writeUInt16(question.type.rawValue)
            writer.writeUInt16(question.questionClass)
        }
        for record in (answers.prefix(0xFFFF) + authorities.prefix(0xFFFF) + additionals.prefix(0xFFFF)) {
            record.encode(into: &writer)
        }
        return writer.bytes
    }

    /// The EDNS0 view of the OPT record, when the message has one.
    public var edns: DNSEDNSInfo? {
        guard let opt = additionals.first(where: { $0.type == .opt }) else { return nil }
        var options: [DNSOption] = []
        if case .opt(let list) = opt.data { options = list }
        return DNSEDNSInfo(udpPayloadSize: opt.recordClass, extendedRcode: UInt8(opt.ttl >> 24),
                           version: UInt8((opt.ttl >> 16) & 0xFF), dnssecOK: opt.ttl & 0x8000 != 0, options: options)
    }

    /// The full RCODE: the header's four bits plus the OPT record's upper eight.
    public var responseCode: UInt16 {
        UInt16(edns?.extendedRcode ?? 0) << 4 | UInt16(header.rcode)
    }
}

/// What an OPT pseudo-record says (RFC 6891 6.1.3).
public struct DNSEDNSInfo: Sendable, Hashable {
    public var udpPayloadSize: UInt16
    public var extendedRcode: UInt8
    public var version: UInt8
    public var dnssecOK: Bool
    public var options: [DNSOption]
}
