import Foundation
import LabKit
import NetProbes
import Testing

extension LabSuite {
    // In the serialized lab suite: its tests block a thread while the tool runs, and the
    // cooperative pool (two threads here) must stay free for the loopback probes running beside.
    /// Issue 13 item 5 end to end, on 127.0.0.1 inside the test's own namespace: the lab GOPROXY
    /// (lab/goproxy/server.py) answers 200 and then trickles a body that never ends, or cuts it
    /// short. `gomod-doctor http` must not print 200 OK for it, and `fetch` must report a transport
    /// failure for the module, not "invalid JSON" for a body it never saw whole.
    @Suite(.serialized)
    struct HTTPBodyCutLoopbackTests {
        /// The lab GOPROXY on a free loopback port, with `rules`; stopped by `stop()`.
        final class LoopbackProxy {
            let server: LoopbackScript
            let directory: URL
            var port: Int { server.port }

            init(rules: [ProxyRule]) throws {
                directory = FileManager.default.temporaryDirectory.appendingPathComponent("body-cut-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: directory.appendingPathComponent("root"), withIntermediateDirectories: true)
                let rulesPath = directory.appendingPathComponent("rules.json")
                try JSONEncoder().encode(rules).write(to: rulesPath)
                let script = EnvCommandEndToEndTests.packageRoot.appendingPathComponent("lab/goproxy/server.py").path
                server = try LoopbackScript([script, "--root", directory.appendingPathComponent("root").path,
                                             "--listen", "127.0.0.1", "--port", "0", "--rules", rulesPath.path], name: "goproxy")
            }

            func stop() {
                server.stop()
                try? FileManager.default.removeItem(at: directory)
            }
        }

        static let rules: [ProxyRule] = [
            ProxyRule(prefix: "/slow/close/", trickle: true),
            ProxyRule(prefix: "/slow/chunked/", trickle: true, framing: "chunked"),
            ProxyRule(prefix: "/slow/length/", trickle: true, framing: "length"),
            ProxyRule(prefix: "/cut/chunked/", cutAfter: 3, framing: "chunked"),
            ProxyRule(prefix: "/cut/length/", cutAfter: 3, framing: "length"),
            ProxyRule(prefix: "/example.com/slow/", trickle: true),
        ]

        static func environment(_ directory: URL, proxy: String) -> [String: String] {
            ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory.path,
             "GOPROXY": proxy, "GOSUMDB": "off", "GOFLAGS": "", "GOPATH": directory.appendingPathComponent("gopath").path,
             "LANG": "C"]
        }

        static func http(_ url: String, in directory: URL) throws -> (DoctorProcess.Output, ProbeResult<HTTPEvidence>?) {
            let output = try DoctorProcess.run(["http", url, "--timeout", "3", "--json"], environment: environment(directory, proxy: "off"),
                                               in: directory)
            return (output, try? JSONDecoder().decode(ProbeResult<HTTPEvidence>.self, from: Data(output.stdout.utf8)))
        }

        /// A body still arriving at the deadline, in each framing, is a timeout that says how many
        /// bytes came and that the body was cut; the command exits non-zero.
        @Test func bodyStillArrivingAtTheDeadlineIsATimeout() throws {
            let proxy = try LoopbackProxy(rules: Self.rules)
            defer { proxy.stop() }
            for framing in ["close", "chunked", "length"] {
                let (output, result) = try Self.http("http://127.0.0.1:\(proxy.port)/slow/\(framing)/x", in: proxy.directory)
                #expect(output.status != 0, "\(framing): \(output.stdout)")
                let failure = result?.outcome.failure
                #expect(failure?.code == "timeout", "\(framing): \(output.stdout) \(output.stderr)")
                #expect(failure?.detail.contains("body cut by the deadline after") == true, "\(framing): \(failure?.detail ?? "")")
                #expect(result?.evidence.hops.last?.status == 200, "the head is kept as evidence: \(framing)")
                #expect((result?.evidence.hops.last?.bodyBytes ?? 0) >= 1, "\(framing)")
                let text = try DoctorProcess.run(["http", "http://127.0.0.1:\(proxy.port)/slow/\(framing)/x", "--timeout", "2"],
                                                 environment: Self.environment(proxy.directory, proxy: "off"), in: proxy.directory)
                #expect(text.status != 0)
                #expect(!text.stdout.contains("✓"), "\(framing): \(text.stdout)")
                #expect(text.stdout.contains("✗") && text.stdout.contains("body cut by the deadline"), "\(framing): \(text.stdout)")
            }
        }

        /// The server closing before the body's end (short of Content-Length, no last chunk) is
        /// net/http's "unexpected EOF", code "eof", at once — not a 200 and not a wait for the deadline.
        @Test func bodyCutByThePeerIsUnexpectedEOF() throws {
            let proxy = try LoopbackProxy(rules: Self.rules)
            defer { proxy.stop() }
            for framing in ["chunked", "length"] {
                let (output, result) = try Self.http("http://127.0.0.1:\(proxy.port)/cut/\(framing)/x", in: proxy.directory)
                #expect(output.status != 0, "\(framing): \(output.stdout)")
                let failure = result?.outcome.failure
                #expect(failure?.code == "eof", "\(framing): \(output.stdout) \(output.stderr)")
                #expect(failure?.detail.hasPrefix("unexpected EOF") == true, "\(framing): \(failure?.detail ?? "")")
                #expect(failure?.detail.contains("after 3 body bytes") == true, "\(framing): \(failure?.detail ?? "")")
                #expect((result?.durationSeconds ?? 99) < 2, "the close ends it, not the deadline")
            }
        }

        /// `fetch` of a module whose .info never ends: a timeout class for the module, not "invalid JSON".
        @Test func fetchReportsATimeoutNotInvalidJSON() throws {
            let proxy = try LoopbackProxy(rules: Self.rules)
            defer { proxy.stop() }
            let environment = Self.environment(proxy.directory, proxy: "http://127.0.0.1:\(proxy.port)")
            let output = try DoctorProcess.run(["fetch", "example.com/slow@v1.0.0", "--timeout", "3", "--json"], environment: environment,
                                               in: proxy.directory)
            #expect(output.status != 0, "\(output.stdout)")
            let document = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
            let report = document?["report"] as? [String: Any]
            let module = (report?["modules"] as? [[String: Any]])?.first
            let failure = module?["failure"] as? [String: Any]
            #expect(module?["status"] as? String == "fails", "\(output.stdout)")
            #expect(failure?["class"] as? String == "timeout", "\(output.stdout)")
            #expect((failure?["message"] as? String)?.contains("invalid JSON") == false, "\(output.stdout)")
            #expect((failure?["message"] as? String)?.contains("body cut by the deadline") == true, "\(output.stdout)")
        }
    }
}
