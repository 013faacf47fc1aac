import Foundation

/// What a lab DNS server knows, beyond its records.
public struct DNSServerConfig: Sendable {
    public var records: [DNSRecord]
    /// Zones answered authoritatively: NXDOMAIN for any name in them without a record.
    public var nxdomainZones: [String]
    /// Zones whose queries go to a responder answering SERVFAIL (started with the server).
    public var servfailZones: [String]
    /// Zones forwarded elsewhere: (zone, "address#port").
    public var forwardZones: [(zone: String, server: String)]

    /// Names outside every record and zone get REFUSED (dnsmasq has no upstream).
    public init(
        records: [DNSRecord] = [], nxdomainZones: [String] = [], servfailZones: [String] = [],
        forwardZones: [(zone: String, server: String)] = []
    ) {
        self.records = records
        self.nxdomainZones = nxdomainZones
        self.servfailZones = servfailZones
        self.forwardZones = forwardZones
    }
}

/// A running lab DNS server.
public struct LabDNSServer: Sendable {
    public let host: LabHost
    public let address: String
    public let port: Int
    public let process: LabProcess
    /// The SERVFAIL responder behind `servfailZones`, when there are any.
    public let servfailResponder: LabProcess?
}

/// A DNS server that misbehaves on purpose (lab/dns/responder.py).
public enum BrokenDNSMode: String, Sendable {
    /// Answers every query with RCODE 2.
    case servfail
    /// Reads every query and never answers.
    case drop
}
