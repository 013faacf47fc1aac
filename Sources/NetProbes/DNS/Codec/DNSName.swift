/// A domain name as a list of labels (raw bytes: DNS labels are not necessarily text).
/// Equality is byte-exact; `matches(_:)` compares the way DNS does (ASCII case-insensitive).
public struct DNSName: Sendable, Hashable, CustomStringConvertible {
    public static let maximumLabelLength = 63
    /// Wire length including every length byte and the root's zero byte.
    public static let maximumWireLength = 255
    public static let root = DNSName(validatedLabels: [])

    public private(set) var labels: [[UInt8]]

    init(validatedLabels: [[UInt8]]) {
        labels = validatedLabels
    }

    /// Checks label and name lengths.
    public init(labels: [[UInt8]]) throws(DNSDecodeError) {
        var wireLength = 1
        for (index, label) in labels.enumerated() {
            guard !label.isEmpty else { throw DNSDecodeError(.badName, at: index, "empty label") }
            guard label.count <= Self.maximumLabelLength else { throw DNSDecodeError(.labelTooLong, at: index, "label \(index + 1)") }
            wireLength += label.count + 1
        }
        guard wireLength <= Self.maximumWireLength else { throw DNSDecodeError(.nameTooLong, at: 0, "name") }
        self.labels = labels
    }

    /// Parses presentation form: "example.com", "example.com." or "." (the root); `\.`,
    /// `\\` and `\DDD` escapes as in zone files and dig. Every name is taken as absolute.
    public init(parsing text: String) throws(DNSDecodeError) {
        if text == "." { self = .root; return }
        var labels: [[UInt8]] = []
        var current: [UInt8] = []
        let scalars = Array(text.utf8)
        var index = 0
        while index < scalars.count {
            let byte = scalars[index]
            if byte == UInt8(ascii: ".") {
                guard !current.isEmpty else { throw DNSDecodeError(.badName, at: index, "empty label") }
                labels.append(current)
                current = []
                index += 1
            } else if byte == UInt8(ascii: "\\") {
                guard index + 1 < scalars.count else { throw DNSDecodeError(.badName, at: index, "dangling escape") }
                let next = scalars[index + 1]
                if Self.isDigit(next) {
                    guard index + 3 < scalars.count, Self.isDigit(scalars[index + 2]), Self.isDigit(scalars[index + 3]) else {
                        throw DNSDecodeError(.badName, at: index, "\\DDD escape")
                    }
                    let value = Int(next - 48) * 100 + Int(scalars[index + 2] - 48) * 10 + Int(scalars[index + 3] - 48)
                    guard value <= 255 else { throw DNSDecodeError(.badName, at: index, "\\DDD escape over 255") }
                    current.append(UInt8(value))
                    index += 4
                } else {
                    current.append(next)
                    index += 2
                }
            } else {
                current.append(byte)
                index += 1
            }
        }
        if !current.isEmpty { labels.append(current) }
        try self.init(labels: labels)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    static func lowercased(_ label: [UInt8]) -> [UInt8] {
        label.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    /// The name with ASCII letters lower-cased (DNS names compare case-insensitively).
    public var lowercased: DNSName { DNSName(validatedLabels: labels.map(Self.lowercased)) }

    public func matches(_ other: DNSName) -> Bool { lowercased == other.lowercased }

    public var isRoot: Bool { labels.isEmpty }

    /// True when `self` is `suffix` or a name below it.
    public func isSubdomain(of suffix: DNSName) -> Bool {
        guard suffix.labels.count <= labels.count else { return false }
        return Array(labels.suffix(suffix.labels.count)).map(Self.lowercased) == suffix.labels.map(Self.lowercased)
    }

    /// Presentation form with a trailing dot, escaped the way dig prints names.
    public var description: String {
        if labels.isEmpty { return "." }
        var text = ""
        for label in labels {
            for byte in label { text += Self.escapedNameByte(byte) }
            text += "."
        }
        return text
    }

    static func escapedNameByte(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "@"), UInt8(ascii: "$"), UInt8(ascii: "\""):
            return "\\" + String(UnicodeScalar(byte))
        case 0x21...0x7E:
            return String(UnicodeScalar(byte))
        default:
            return DNSName.decimalEscape(byte)
        }
    }

    /// `\DDD` with three digits.
    static func decimalEscape(_ byte: UInt8) -> String {
        let digits = String(byte)
        return "\\" + String(repeating: "0", count: 3 - digits.count) + digits
    }
}

extension DNSName: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
