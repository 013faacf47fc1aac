import NetProbes
import Testing
@testable import Doctor
@testable import Report

/// Issue 13 item 10: a line never carries an unbounded list. 4,092 addresses from one lookup
/// are shown as the first 16 and "… and 4076 more"; JSON evidence keeps them all.
struct BoundedLinesTests {
    static let many = (0..<4092).map { "10.\($0 / 65536).\(($0 / 256) % 256).\($0 % 256)" }

    @Test func aLongListIsCutWithTheCountLeftOut() {
        let line = BoundedList.join(Self.many)
        #expect(line.hasSuffix(" … and 4076 more"))
        #expect(line.count < 400)
        #expect(BoundedList.join(Array(Self.many.prefix(16))) == Self.many.prefix(16).joined(separator: " "), "nothing cut at the limit")
        let lines = BoundedList.lines(Self.many, more: { "more: \($0)" })
        #expect(lines.count == BoundedList.recordLimit + 1)
        #expect(lines.last == "more: 3992")
        let zh = MessageCatalog(language: .zh).text("ui.list.more", ["count": "3"])
        #expect(zh.contains("3") && zh != "ui.list.more")
    }

    @Test func theDNSLayerLineOfAFloodIsBounded() {
        let addresses = Self.many.map { ResolvedAddress(ip: $0, family: .ipv4) }
        let facts = EndpointFacts(target: EndpointTarget(host: "proxy.lab.test"), dns: EndpointFacts.DNS(outcome: .ok, addresses: addresses),
                                  tcp: EndpointFacts.TCP(outcome: .ok, attempts: [EndpointFacts.Connect(endpoint: "10.0.0.0:443", family: .ipv4,
                                                                                                         result: .ok, milliseconds: 1)],
                                                         dualStack: .allReachable),
                                  tls: EndpointFacts.TLS(outcome: .ok, handshakeCompleted: true),
                                  http: EndpointFacts.HTTP(outcome: .ok, status: 200, statusLine: "200 OK"))
        let verdict = EndpointVerdict.judge(facts)
        let dns = verdict.layers.first { $0.layer == .dns }
        #expect(dns?.detail.hasSuffix("… and 4076 more") == true, "\(dns?.detail.suffix(80) ?? "")")
        #expect((dns?.detail.count ?? .max) < 400)
        #expect(facts.dns?.addresses.count == 4092, "the evidence keeps every address")
    }
}
