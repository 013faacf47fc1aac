import Foundation

/// What a firewall fault does to matching packets.
public enum FirewallAction: Sendable {
    /// Silently discard (the sender times out).
    case drop
    /// Answer a TCP SYN with RST ("connection refused").
    case rejectWithTCPReset
    /// Answer with ICMP port unreachable.
    case rejectWithPortUnreachable

    var iptablesArguments: [String] {
        switch self {
        case .drop: ["-j", "DROP"]
        case .rejectWithTCPReset: ["-j", "REJECT", "--reject-with", "tcp-reset"]
        case .rejectWithPortUnreachable: ["-j", "REJECT", "--reject-with", "icmp-port-unreachable"]
        }
    }
}

/// Which packets a firewall fault applies to (every field optional; all given ones must match).
public struct PacketMatch: Sendable {
    public var chain: String
    public var proto: String?
    public var destinationPort: Int?
    public var destination: String?
    public var source: String?
    public var inputInterface: String?

    /// `chain` is the iptables chain: "FORWARD" on a router, "INPUT" on a server, "OUTPUT" on a client.
    public init(
        chain: String = "FORWARD", proto: String? = "tcp", destinationPort: Int? = nil, destination: String? = nil,
        source: String? = nil, inputInterface: String? = nil
    ) {
        self.chain = chain
        self.proto = proto
        self.destinationPort = destinationPort
        self.destination = destination
        self.source = source
        self.inputInterface = inputInterface
    }

    var iptablesArguments: [String] {
        var arguments: [String] = []
        if let inputInterface { arguments += ["-i", inputInterface] }
        if let source { arguments += ["-s", source] }
        if let destination { arguments += ["-d", destination] }
        if let proto { arguments += ["-p", proto] }
        if let destinationPort { arguments += ["--dport", "\(destinationPort)"] }
        return arguments
    }
}
