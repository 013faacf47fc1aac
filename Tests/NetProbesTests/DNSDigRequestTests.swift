@testable import NetProbes
import Testing

/// dig's command-line grammar.
struct DNSDigRequestTests {
    @Test func argumentsInAnyOrder() throws {
        let orders = [
            ["@10.77.2.2", "-p", "5353", "corp.example", "MX", "+short", "+tcp"],
            ["+tcp", "MX", "corp.example", "+short", "-p5353", "@10.77.2.2"],
            ["-t", "mx", "-q", "corp.example", "@10.77.2.2", "+short", "+vc", "-p", "5353"],
        ]
        for arguments in orders {
            let request = try DigRequest.parse(arguments)
            #expect(request.server == "10.77.2.2" && request.port == 5353, "\(arguments)")
            #expect(request.name == "corp.example" && request.queryType == .mx, "\(arguments)")
            #expect(request.short && request.tcp, "\(arguments)")
        }
    }

    @Test func defaultsAreDigs() throws {
        let request = try DigRequest.parse(["proxy.golang.org"])
        #expect(request.queryType == .a && request.server == nil && request.port == 53)
        #expect(request.options.attempts == 3 && request.options.timeoutPerAttempt == .seconds(5) && request.options.ednsPayloadSize == 1232)
        let root = try DigRequest.parse([])
        #expect(root.queryName == "." && root.queryType == .ns)
        #expect(try DigRequest.parse(["IN", "goproxy.cn", "AAAA"]).queryType == .aaaa)
    }

    @Test func plusOptions() throws {
        let request = try DigRequest.parse(["+time=2", "+tries=1", "+noedns", "+norecurse", "x.example"])
        #expect(request.options.timeoutPerAttempt == .seconds(2) && request.options.attempts == 1)
        #expect(request.options.ednsPayloadSize == nil && !request.options.recursionDesired)
        #expect(try DigRequest.parse(["+retry=0", "x.example"]).tries == 1)
        #expect(try DigRequest.parse(["+bufsize=4096", "x.example"]).ednsPayloadSize == 4096)
    }

    @Test func reverseLookups() throws {
        let v4 = try DigRequest.parse(["-x", "10.77.3.2"])
        #expect(v4.name == "2.3.77.10.in-addr.arpa." && v4.queryType == .ptr)
        let v6 = try DigRequest.parse(["-x", "2001:db8::1"])
        #expect(v6.name == "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.")
    }

    @Test(arguments: [["+frobnicate", "x.example"], ["-p"], ["-p", "70000", "x"], ["a.example", "b.example"], ["-z", "x"],
                      ["-x", "not-an-ip"], ["+time=0", "x"], ["-t", "BOGUS", "x"], ["a..b"]])
    func badArgumentsAreErrors(arguments: [String]) {
        #expect(throws: DigRequest.ParseError.self) { try DigRequest.parse(arguments) }
    }

    @Test func serverAddresses() {
        #expect(DNSServerAddress(parsing: "10.0.0.1")?.description == "10.0.0.1#53")
        #expect(DNSServerAddress(parsing: "10.0.0.1#5353")?.port == 5353)
        #expect(DNSServerAddress(parsing: "[fd77::2]:5353") == DNSServerAddress(ip: "fd77::2", port: 5353))
        #expect(DNSServerAddress(parsing: "fd77::2") == DNSServerAddress(ip: "fd77::2", port: 53))
        #expect(DNSServerAddress(parsing: "dns.google") == nil)
        #expect(DNSServerAddress(parsing: "10.0.0.1#0") == nil)
    }
}
