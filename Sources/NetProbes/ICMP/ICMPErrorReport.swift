/// An ICMP error about one echo request: its type and code, and who sent it.
public struct ICMPErrorReport: Sendable, Equatable, Codable {
    public var family: AddressFamily
    public var type: UInt8
    public var code: UInt8
    /// The quoted request's identifier and sequence.
    public var identifier: UInt16
    public var sequence: UInt16
    /// The router or host that reported it, when known.
    public var reporter: String?

    public init(family: AddressFamily, type: UInt8, code: UInt8, identifier: UInt16, sequence: UInt16, reporter: String? = nil) {
        self.family = family
        self.type = type
        self.code = code
        self.identifier = identifier
        self.sequence = sequence
        self.reporter = reporter
    }

    /// ping's wording (iputils ping4_common.c `pr_icmph`, ping6_common.c `print_icmp`).
    public var text: String {
        family == .ipv4 ? ipv4Text : ipv6Text
    }

    /// Bounded class for evidence: "unreachable" for destination unreachable,
    /// "time-exceeded", "too-big", "other".
    public var kind: String {
        switch (family, type) {
        case (.ipv4, 3), (.ipv6, 1): "unreachable"
        case (.ipv4, 11), (.ipv6, 3): "time-exceeded"
        case (.ipv6, 2): "too-big"
        default: "other"
        }
    }

    private var ipv4Text: String {
        switch (type, code) {
        case (3, 0): "Destination Net Unreachable"
        case (3, 1): "Destination Host Unreachable"
        case (3, 2): "Destination Protocol Unreachable"
        case (3, 3): "Destination Port Unreachable"
        case (3, 4): "Frag needed and DF set"
        case (3, 5): "Source Route Failed"
        case (3, 6): "Destination Net Unknown"
        case (3, 7): "Destination Host Unknown"
        case (3, 9), (3, 10): "Host Isolated"
        case (3, 13): "Packet filtered"
        case (3, _): "Dest Unreachable, Bad Code: \(code)"
        case (11, 0): "Time to live exceeded"
        case (11, 1): "Frag reassembly time exceeded"
        default: "ICMP type \(type) code \(code)"
        }
    }

    private var ipv6Text: String {
        switch (type, code) {
        case (1, 0): "Destination unreachable: No route"
        case (1, 1): "Destination unreachable: Administratively prohibited"
        case (1, 2): "Destination unreachable: Beyond scope of source address"
        case (1, 3): "Destination unreachable: Address unreachable"
        case (1, 4): "Destination unreachable: Port unreachable"
        case (1, _): "Destination unreachable: Unknown code \(code)"
        case (2, _): "Packet too big"
        case (3, 0): "Time exceeded: Hop limit"
        case (3, 1): "Time exceeded: Defragmentation failure"
        default: "ICMPv6 type \(type) code \(code)"
        }
    }
}
