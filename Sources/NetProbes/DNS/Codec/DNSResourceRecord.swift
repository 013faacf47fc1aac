/// One resource record. For OPT (EDNS0) `recordClass` is the sender's UDP payload size and
/// `ttl` carries the extended RCODE, version and flags (RFC 6891 6.1.3); see `DNSMessage.edns`.
public struct DNSResourceRecord: Sendable, Hashable {
    public var name: DNSName
    public var type: DNSRecordType
    public var recordClass: UInt16
    public var ttl: UInt32
    public var data: DNSRecordData

    public init(name: DNSName, type: DNSRecordType, recordClass: UInt16 = DNSClass.internet, ttl: UInt32, data: DNSRecordData) {
        self.name = name
        self.type = type
        self.recordClass = recordClass
        self.ttl = ttl
        self.data = data
    }

    static func decode(from reader: inout DNSWireReader) throws(DNSDecodeError) -> DNSResourceRecord {
        let name = try reader.readName()
        let type = DNSRecordType(rawValue: try reader.readUInt16())
        let recordClass = try reader.readUInt16()
        let ttl = try reader.readUInt32()
        let length = Int(try reader.readUInt16())
        let data = try DNSRecordData.decode(type: type, length: length, from: &reader)
        return DNSResourceRecord(name: name, type: type, recordClass: recordClass, ttl: ttl, data: data)
    }

    func encode(into writer: inout DNSWireWriter) {
        writer.writeName(name)
        writer.writeUInt16(type.rawValue)
        writer.writeUInt16(recordClass)
        writer.writeUInt32(ttl)
        let lengthOffset = writer.bytes.count
        writer.writeUInt16(0)
        data.encode(into: &writer)
        writer.patchUInt16(UInt16(min(writer.bytes.count - lengthOffset - 2, 0xFFFF)), at: lengthOffset)
    }
}

/// One entry of the question section.
public struct DNSQuestion: Sendable, Hashable {
    public var name: DNSName
    public var type: DNSRecordType
    public var questionClass: UInt16

    public init(name: DNSName, type: DNSRecordType, questionClass: UInt16 = DNSClass.internet) {
        self.name = name
        self.type = type
        self.questionClass = questionClass
    }

    /// Same type and class, and the same name ignoring ASCII case (RFC 1035 7.3, RFC 4343).
    public func matches(_ other: DNSQuestion) -> Bool {
        type == other.type && questionClass == other.questionClass && name.matches(other.name)
    }
}
