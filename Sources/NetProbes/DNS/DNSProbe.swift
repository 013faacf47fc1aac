/// The DNS layer in DESIGN.md's probe shape: one question to one server, under a deadline.
/// Outcome codes are those of `DNSQueryEvidence.outcome`.
public struct DNSProbe: Sendable {
    public var server: DNSServerAddress
    public var options: DNSQueryOptions

    public init(server: DNSServerAddress, options: DNSQueryOptions = DNSQueryOptions()) {
        self.server = server
        self.options = options
    }

    public func run(_ target: DNSQuestion, deadline: ProbeDeadline) async -> ProbeResult<DNSQueryEvidence> {
        await DNSClient().query(target, server: server, options: options, deadline: deadline)
    }
}
