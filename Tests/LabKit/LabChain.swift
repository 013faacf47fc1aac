import Foundation

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
