/// The fixed 12-byte header without its counts (a `DNSMessage` derives those from its sections).
public struct DNSHeader: Sendable, Hashable {
    public var id: UInt16
    public var isResponse: Bool
    public var opcode: UInt8
    public var authoritative: Bool
    public var truncated: Bool
    public var recursionDesired: Bool
    public var recursionAvailable: Bool
    public var authenticData: Bool
    public var checkingDisabled: Bool
    /// The low four bits of the RCODE; `DNSMessage.responseCode` adds EDNS's upper bits.
    public var rcode: UInt8

    public init(id: UInt16, isResponse: Bool = false, opcode: UInt8 = 0, authoritative: Bool = false,
                truncated: Bool = false, recursionDesired: Bool = true, recursionAvailable: Bool = false,
                authenticData: Bool = false, checkingDisabled: Bool = false, rcode: UInt8 = 0) {
        self.id = id
        self.isResponse = isResponse
        self.opcode = opcode
        self.authoritative = authoritative
        self.truncated = truncated
        self.recursionDesired = recursionDesired
        self.recursionAvailable = recursionAvailable
        self.authenticData = authenticData
        self.checkingDisabled = checkingDisabled
        self.rcode = rcode
    }

    init(id: UInt16, flags: UInt16) {
        self.init(id: id, isResponse: flags & 0x8000 != 0, opcode: UInt8((flags >> 11) & 0x0F),
                  authoritative: flags & 0x0400 != 0, truncated: flags & 0x0200 != 0,
                  recursionDesired: flags & 0x0100 != 0, recursionAvailable: flags & 0x0080 != 0,
                  authenticData: flags & 0x0020 != 0, checkingDisabled: flags & 0x0010 != 0,
                  rcode: UInt8(flags & 0x000F))
    }

    var flags: UInt16 {
        var value = UInt16(opcode & 0x0F) << 11 | UInt16(rcode & 0x0F)
        if isResponse { value |= 0x8000 }
        if authoritative { value |= 0x0400 }
        if truncated { value |= 0x0200 }
        if recursionDesired { value |= 0x0100 }
        if recursionAvailable { value |= 0x0080 }
        if authenticData { value |= 0x0020 }
        if checkingDisabled { value |= 0x0010 }
        return value
    }

    /// dig's flag list: "qr aa tc rd ra ad cd", only those set.
    public var flagNames: [String] {
        [(isResponse, "qr"), (authoritative, "aa"), (truncated, "tc"), (recursionDesired, "rd"),
         (recursionAvailable, "ra"), (authenticData, "ad"), (checkingDisabled, "cd")].filter(\.0).map(\.1)
    }
}

/// RCODE names (RFC 1035 4.1.1, RFC 6895), as dig prints them in "status:".
public enum DNSResponseCode {
    public static let noError: UInt16 = 0
    public static let formatError: UInt16 = 1
    public static let serverFailure: UInt16 = 2
    public static let nameError: UInt16 = 3
    public static let notImplemented: UInt16 = 4
    public static let refused: UInt16 = 5
    public static let badVersion: UInt16 = 16

    public static func name(_ code: UInt16) -> String {
        switch code {
        case 0: "NOERROR"
        case 1: "FORMERR"
        case 2: "SERVFAIL"
        case 3: "NXDOMAIN"
        case 4: "NOTIMP"
        case 5: "REFUSED"
        case 6: "YXDOMAIN"
        case 7: "YXRRSET"
        case 8: "NXRRSET"
        case 9: "NOTAUTH"
        case 10: "NOTZONE"
        case 16: "BADVERS"
        default: "RESERVED\(code)"
        }
    }
}
