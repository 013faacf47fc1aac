/// A DNS RR TYPE code with its mnemonic. Unknown codes stay representable as "TYPEnnn" (RFC 3597).
public struct DNSRecordType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let a = DNSRecordType(rawValue: 1)
    public static let ns = DNSRecordType(rawValue: 2)
    public static let cname = DNSRecordType(rawValue: 5)
    public static let soa = DNSRecordType(rawValue: 6)
    public static let ptr = DNSRecordType(rawValue: 12)
    public static let mx = DNSRecordType(rawValue: 15)
    public static let txt = DNSRecordType(rawValue: 16)
    public static let aaaa = DNSRecordType(rawValue: 28)
    public static let srv = DNSRecordType(rawValue: 33)
    public static let opt = DNSRecordType(rawValue: 41)
    public static let any = DNSRecordType(rawValue: 255)

    static let mnemonics: [(String, UInt16)] = [
        ("A", 1), ("NS", 2), ("CNAME", 5), ("SOA", 6), ("PTR", 12), ("MX", 15), ("TXT", 16),
        ("AAAA", 28), ("SRV", 33), ("OPT", 41), ("ANY", 255),
    ]

    /// "A", "aaaa", "TYPE65"; nil for anything else.
    public init?(mnemonic: String) {
        let upper = mnemonic.uppercased()
        if let known = Self.mnemonics.first(where: { $0.0 == upper }) {
            rawValue = known.1
        } else if upper.hasPrefix("TYPE"), let number = UInt16(upper.dropFirst(4)) {
            rawValue = number
        } else {
            return nil
        }
    }

    public var description: String {
        Self.mnemonics.first { $0.1 == rawValue }?.0 ?? "TYPE\(rawValue)"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let type = DNSRecordType(mnemonic: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown type \(text)"))
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// DNS CLASS codes; "IN" is the only one the probes send.
public enum DNSClass {
    public static let internet: UInt16 = 1

    public static func mnemonic(_ value: UInt16) -> String {
        switch value {
        case 1: "IN"
        case 3: "CH"
        case 4: "HS"
        case 254: "NONE"
        case 255: "ANY"
        default: "CLASS\(value)"
        }
    }
}
