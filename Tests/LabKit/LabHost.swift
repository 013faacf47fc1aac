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

/// A point-to-point link (a veth pair) between two hosts, on subnet number `subnet`:
/// 10.77.<subnet>.0/24 and fd77:0:0:<subnet>::/64; side `a` has .1 / ::1, side `b` .2 / ::2.
public struct LabLink: Sendable, Hashable {
    public let subnet: Int
    public let a: LabInterface
    public let b: LabInterface

    public var ipv4Prefix: String { "10.77.\(subnet).0/24" }
    public var ipv6Prefix: String { "fd77:0:0:\(subnet)::/64" }

    /// The end of this link that sits in `host`, if any.
    public func end(in host: LabHost) -> LabInterface? {
        a.host == host ? a : b.host == host ? b : nil
    }

    /// The end of this link that is not in `host`, if `host` is on it.
    public func peer(of host: LabHost) -> LabInterface? {
        a.host == host ? b : b.host == host ? a : nil
    }
}

/// A linear chain client — r1 — … — rN — server, routed end to end (see `Lab.chain`).
public struct LabChain: Sendable {
    public let client: LabHost
    public let routers: [LabHost]
    public let server: LabHost
    /// links[i] joins node i and node i+1, counting client as node 0.
    public let links: [LabLink]

    /// The server's interface on its only link (its addresses are the ones to dial).
    public var serverInterface: LabInterface { links[links.count - 1].b }
    /// The client's interface on its only link.
    public var clientInterface: LabInterface { links[0].a }
}
