import Testing
@testable import NetProbes

struct AddressingTests {
    @Test func hostPortForms() throws {
        #expect(try HostPort.parse("proxy.golang.org:443") == HostPort(host: "proxy.golang.org", port: 443))
        #expect(try HostPort.parse("[2001:db8::1]:8443") == HostPort(host: "2001:db8::1", port: 8443))
        #expect(try HostPort.parse("2001:db8::1") == HostPort(host: "2001:db8::1", port: nil))
        #expect(try HostPort.parse("goproxy.cn") == HostPort(host: "goproxy.cn", port: nil))
        #expect(throws: HostPort.ParseError.self) { try HostPort.parse("a:99999") }
        #expect(throws: HostPort.ParseError.self) { try HostPort.parse("[::1") }
        #expect(HostPort(host: "::1", port: 53).description == "[::1]:53")
    }

    @Test func literals() {
        #expect(ResolvedAddress(literal: "10.77.0.1")?.family == .ipv4)
        #expect(ResolvedAddress(literal: "[fd77::1]")?.family == .ipv6)
        #expect(ResolvedAddress(literal: "fd77::1")?.withPort(443) == "[fd77::1]:443")
        #expect(ResolvedAddress(literal: "proxy.golang.org") == nil)
    }

    /// Loopback names only: the test runs in an isolated namespace.
    @Test func platformResolverAnswersLocalhost() async {
        // A generous deadline: other suites run in parallel and may occupy the cooperative pool.
        let answer = await PlatformAddressResolver.resolve("localhost", deadline: .after(seconds: 60))
        #expect(answer.error == nil)
        #expect(answer.addresses.contains { $0.ip == "127.0.0.1" || $0.ip == "::1" })
        let literal = await PlatformAddressResolver.resolve("127.0.0.1", deadline: .after(seconds: 1))
        #expect(literal.addresses == [ResolvedAddress(ip: "127.0.0.1", family: .ipv4)])
    }
}
