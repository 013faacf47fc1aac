import Testing
@testable import NetProbes

struct SocketSynSentTrackerTests {
    func synSent(_ remote: String, _ port: Int, local: Int, inode: Int, retransmits: Int = 0) -> SocketTableEntry {
        SocketTableEntry(family: remote.contains(":") ? .ipv6 : .ipv4, localAddress: remote.contains(":") ? "::ffff:10.0.0.1" : "10.0.0.1",
                         localPort: local, remoteAddress: remote, remotePort: port, state: .synSent,
                         retransmits: retransmits, inode: inode)
    }

    @Test func keepsOnlyConnectionsToTheEndpointsThatStayInSynSent() {
        let endpoint = SocketEndpoint(ip: "10.77.4.2", port: 443)
        var tracker = SynSentTracker(endpoints: [endpoint])
        let stuck = synSent("10.77.4.2", 443, local: 40000, inode: 7)
        let brief = synSent("10.77.4.2", 443, local: 40001, inode: 8)
        let other = synSent("10.77.4.2", 80, local: 40002, inode: 9)
        var established = stuck
        established.state = .established
        established.localPort = 40003
        tracker.observe([stuck, brief, other, established], at: 0)
        tracker.observe([stuck, other], at: 0.6)
        tracker.observe([synSent("10.77.4.2", 443, local: 40000, inode: 7, retransmits: 1)], at: 1.2)
        #expect(tracker.samples == 3)
        #expect(tracker.observed.map(\.local) == ["10.0.0.1:40000", "10.0.0.1:40001"])
        let result = tracker.stuck(minimumSeconds: 1)
        #expect(result.count == 1)
        #expect(result.first?.observations == 3)
        #expect(result.first?.retransmits == 1)
        #expect(result.first?.stayedSeconds == 1.2)
        #expect(tracker.stuck(minimumSeconds: 2).isEmpty)
    }

    @Test func ipv4MappedAddressesMatchIPv4Endpoints() {
        var tracker = SynSentTracker(endpoints: [SocketEndpoint(ip: "::FFFF:10.77.4.2", port: 443)])
        tracker.observe([synSent("::ffff:10.77.4.2", 443, local: 1, inode: 1)], at: 0)
        tracker.observe([synSent("10.77.4.2", 443, local: 2, inode: 2)], at: 0)
        #expect(tracker.observed.count == 2)
        #expect(tracker.observed.allSatisfy { $0.remote == SocketEndpoint(ip: "10.77.4.2", port: 443) })
    }
}
