/// A bounds-checked cursor over a DNS message. Every read either succeeds or throws
/// `.truncated`; names follow compression pointers under the rules in `readName`.
struct DNSWireReader {
    let bytes: [UInt8]
    var offset: Int
    /// Reads stop here (the end of the message, or of one record's RDATA). Compression
    /// pointers may still lead to any earlier byte of the message.
    var limit: Int
    /// The section being read, for error context.
    var context = ""

    /// A cap on pointer hops for one name, on top of the strictly-decreasing rule (belt and braces).
    static let maximumPointerHops = 128

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
        limit = bytes.count
    }

    var remaining: Int { limit - offset }

    mutating func readUInt8() throws(DNSDecodeError) -> UInt8 {
        guard offset < limit else { throw DNSDecodeError(.truncated, at: offset, context) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt16() throws(DNSDecodeError) -> UInt16 {
        guard remaining >= 2 else { throw DNSDecodeError(.truncated, at: offset, context) }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func readUInt32() throws(DNSDecodeError) -> UInt32 {
        guard remaining >= 4 else { throw DNSDecodeError(.truncated, at: offset, context) }
        var value: UInt32 = 0
        for index in 0..<4 { value = value << 8 | UInt32(bytes[offset + index]) }
        offset += 4
        return value
    }

    mutating func readBytes(_ count: Int) throws(DNSDecodeError) -> [UInt8] {
        guard count >= 0, remaining >= count else { throw DNSDecodeError(.truncated, at: offset, context) }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    /// Reads a possibly compressed name (RFC 1035 4.1.4). Each pointer must point strictly
    /// before the start of the run of labels it ends, so every hop moves backwards and a
    /// loop is impossible by construction; pointers at or after themselves, past the end of
    /// the message, reserved label types and names over 255 bytes are errors.
    mutating func readName() throws(DNSDecodeError) -> DNSName {
        var labels: [[UInt8]] = []
        var wireLength = 1
        var cursor = offset
        var segmentStart = offset
        var resumeAt: Int?
        var hops = 0
        while true {
            guard cursor < limit else { throw DNSDecodeError(.truncated, at: cursor, context) }
            let length = bytes[cursor]
            switch length & 0xC0 {
            case 0x00:
                if length == 0 {
                    offset = resumeAt ?? cursor + 1
                    return DNSName(validatedLabels: labels)
                }
                let count = Int(length)
                guard cursor + 1 + count <= limit else { throw DNSDecodeError(.truncated, at: cursor, context) }
                wireLength += count + 1
                guard wireLength <= DNSName.maximumWireLength else { throw DNSDecodeError(.nameTooLong, at: cursor, context) }
                labels.append(Array(bytes[(cursor + 1)...(cursor + count)]))
                cursor += 1 + count
            case 0xC0:
                guard cursor + 1 < limit else { throw DNSDecodeError(.truncated, at: cursor, context) }
                let target = Int(length & 0x3F) << 8 | Int(bytes[cursor + 1])
                guard target < bytes.count else { throw DNSDecodeError(.pointerOutOfRange, at: cursor, context) }
                guard target < cursor else { throw DNSDecodeError(.forwardPointer, at: cursor, context) }
                guard target < segmentStart else { throw DNSDecodeError(.pointerLoop, at: cursor, context) }
                hops += 1
                guard hops <= Self.maximumPointerHops else { throw DNSDecodeError(.pointerLoop, at: cursor, context) }
                if resumeAt == nil { resumeAt = cursor + 2 }
                cursor = target
                segmentStart = target
            default:
                throw DNSDecodeError(.badLabelType, at: cursor, context)
            }
        }
    }
}
