/// Why bytes are not a DNS message. A response from the network is untrusted input: every
/// malformation is one of these (with the byte offset where it was found), never a crash,
/// a hang or an unbounded allocation.
public struct DNSDecodeError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// The message ends inside a header, name, question or record.
        case truncated
        /// A compression pointer leads back into a name already being followed.
        case pointerLoop
        /// A compression pointer points at or after itself.
        case forwardPointer
        /// A compression pointer points past the end of the message.
        case pointerOutOfRange
        /// A label length byte with the reserved 0x40/0x80 prefixes (a "label" over 63).
        case badLabelType
        /// A label over 63 bytes (when encoding or parsing text).
        case labelTooLong
        /// A name over 255 bytes in wire form.
        case nameTooLong
        /// Section counts that cannot fit in the bytes that are left.
        case countTooLarge
        /// RDATA whose length does not match its type (A not 4 bytes, a name overrunning RDLENGTH…).
        case badRecordData
        /// A name in text form that is not a valid domain name.
        case badName
    }

    public var kind: Kind
    /// Byte offset in the message (or character offset in a text name) where it was noticed.
    public var offset: Int
    /// What was being read ("answer 2", "question 1").
    public var context: String

    public init(_ kind: Kind, at offset: Int, _ context: String = "") {
        self.kind = kind
        self.offset = offset
        self.context = context
    }

    public var description: String {
        let place = context.isEmpty ? "offset \(offset)" : "\(context), offset \(offset)"
        return "malformed DNS message: \(kind.rawValue) (\(place))"
    }
}
