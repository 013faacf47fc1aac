import Foundation
import NetProbes
import Testing

extension LabSuite {
    // In the serialized lab suite: its tests block a thread while the tool runs, and the
    // cooperative pool (two threads here) must stay free for the loopback probes running beside.
    /// Issue 13 item 8 end to end, on 127.0.0.1 inside the test's own namespace: lab/dns/responder.py
    /// answers every UDP query with TC=1, and its TCP port refuses (`truncate`) or accepts and never
    /// answers (`truncate-stall`). `gomod-doctor dig` must not print the empty UDP answer as the
    /// server's answer over TCP: it exits 9 like dig itself, and `--compare` counts the resolver as failed.
    @Suite(.serialized)
    struct DigTruncatedTCPLoopbackTests {
        /// One responder on a free loopback port in `mode`; stopped by `stop()`.
        static func responder(mode: String) throws -> LoopbackScript {
            let script = EnvCommandEndToEndTests.packageRoot.appendingPathComponent("lab/dns/responder.py").path
            return try LoopbackScript([script, "--mode", mode, "--listen", "127.0.0.1", "--port", "0"], name: "responder")
        }

        static let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C"]
        static let directory = FileManager.default.temporaryDirectory

        @Test(arguments: ["truncate", "truncate-stall"])
        func digFailsWhenTheTCPRetryFails(mode: String) throws {
            let responder = try Self.responder(mode: mode)
            defer { responder.stop() }
            let query = ["dig", "@127.0.0.1", "-p", "\(responder.port)", "proxy.golang.org", "+time=1", "+tries=1"]
            let text = try DoctorProcess.run(query, environment: Self.environment, in: Self.directory)
            #expect(text.status == 9, "\(mode): \(text.stdout)")
            #expect(!text.stdout.contains(";; SERVER:") && !text.stdout.contains("NOERROR"), "\(mode): \(text.stdout)")
            #expect(text.stdout.contains("the UDP answer was truncated (TC=1)"), "\(mode): \(text.stdout)")
            #expect(text.stdout.contains(mode == "truncate" ? "connection refused" : "timed out"), "\(mode): \(text.stdout)")

            let json = try DoctorProcess.run(query + ["--json"], environment: Self.environment, in: Self.directory)
            let result = try JSONDecoder().decode(ProbeResult<DNSQueryEvidence>.self, from: Data(json.stdout.utf8))
            #expect(result.outcome.failure?.code == "truncated-tcp-failed", "\(mode): \(json.stdout)")
            #expect(result.evidence.rcode == nil && result.evidence.transport == nil)
            #expect(result.evidence.truncatedUDPAnswer?.flags.contains("tc") == true, "kept as evidence")

            // dig itself (dnsutils) agrees: no servers could be reached, status 9.
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/dig") {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/dig")
                process.arguments = Array(query.dropFirst())
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                #expect(process.terminationStatus == text.status, "\(mode): dig exits \(process.terminationStatus)")
            }
        }

        @Test func compareCountsTheResolverAsFailed() throws {
            let refused = try Self.responder(mode: "truncate")
            defer { refused.stop() }
            let stalled = try Self.responder(mode: "truncate-stall")
            defer { stalled.stop() }
            let output = try DoctorProcess.run(["dig", "--compare", "--resolv-conf", "/nonexistent/resolv.conf",
                                                "--resolver", "127.0.0.1#\(refused.port)", "--resolver", "127.0.0.1#\(stalled.port)",
                                                "proxy.golang.org", "A", "+time=1", "--json"],
                                               environment: Self.environment, in: Self.directory)
            let result = try JSONDecoder().decode(ProbeResult<ResolverComparisonEvidence>.self, from: Data(output.stdout.utf8))
            #expect(output.status == 9, "no resolver answered: \(output.stdout)")
            #expect(result.evidence.answers.count == 2)
            for answer in result.evidence.answers {
                #expect(answer.rcode == nil, "\(answer)")
                #expect(answer.outcome.failure?.code == "truncated-tcp-failed", "\(answer)")
            }
            #expect(result.outcome.failure?.code == "unreachable")
        }
    }
}
