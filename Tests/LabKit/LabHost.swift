import Foundation

/// One machine of the lab: a network namespace named "<lab prefix>-<name>".
public struct LabHost: Sendable, Hashable, CustomStringConvertible {
    /// The short name the test gave ("client", "r1", "server").
    public let name: String
    /// The network namespace (`ip netns exec <namespace> …`).
    public let namespace: String
    /// True when the lab configured it to forward packets.
    public let isRouter: Bool

    public var description: String { name }
}

/// One end of a link: an interface inside a host, with its addresses.
public struct LabInterface: Sendable, Hashable {
    public let host: LabHost
    /// The interface name inside the namespace (unique per lab, at most 15 characters).
    public let name: String
    /// IPv4 address without prefix length ("10.77.3.1").
    public let ipv4: String
    /// IPv6 address without prefix length ("fd77:0:0:3::1").
    public let ipv6: String
}
