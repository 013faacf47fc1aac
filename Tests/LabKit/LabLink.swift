import Foundation

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
