import Testing
@testable import Doctor

/// Silent resolv.conf servers are one cause for the whole machine, however many endpoints
/// they keep from resolving: kept once, with every blocked module and the other endpoints as
/// symptoms; other causes are untouched.
struct CheckMachineWideCauseTests {
    func cause(_ id: String, _ endpoint: String?, _ modules: [String]) -> CheckRootCause {
        CheckRootCause(finding: Finding(id: id, layer: .dns, severity: .failure, target: endpoint ?? "config"),
                       endpoint: endpoint, blockedModules: modules, totalModules: 4)
    }

    @Test func silentNameserversAreOneCause() {
        let causes = CheckDiagnosis.ordered([
            cause("endpoint.dns.server-unreachable", "https://proxy.golang.org:443", ["a@v1", "b@v1"]),
            cause("endpoint.tcp.timeout", "https://goproxy.cn:443", ["c@v1"]),
            cause("endpoint.dns.server-unreachable", "https://github.com:443", ["d@v1"]),
            cause("endpoint.dns.server-unreachable", "https://sum.golang.org:443", ["a@v1"]),
        ])
        let merged = CheckRootCause.mergingMachineWide(causes)
        #expect(merged.map(\.finding.id) == ["endpoint.dns.server-unreachable", "endpoint.tcp.timeout"])
        #expect(merged[0].endpoint == "https://proxy.golang.org:443")
        #expect(merged[0].blockedModules == ["a@v1", "b@v1", "d@v1"])
        #expect(merged[0].symptoms == ["https://github.com:443 dns: the same nameservers do not answer",
                                       "https://sum.golang.org:443 dns: the same nameservers do not answer"])
        #expect(merged[1].blockedModules == ["c@v1"])
    }

    @Test func perNameCausesStaySeparate() {
        let causes = [cause("endpoint.dns.nxdomain", "https://a.example:443", ["a@v1"]),
                      cause("endpoint.dns.nxdomain", "https://b.example:443", ["b@v1"])]
        #expect(CheckRootCause.mergingMachineWide(causes) == causes)
    }
}
