import Foundation
import Testing

extension LabSuite {
    /// Issue #13, "a hostile-peer lab suite": what a broken or malicious mirror, interception box
    /// or resolver may send (lab/hostile/peer.py) — slowloris, endless headers, status lines and
    /// bodies, redirect loops, a gzip bomb, a non-HTTP answer, TLS garbage, stalls and endless
    /// records, DNS floods and CNAME loops, terminal escapes. For each, the built binary runs
    /// as a user would, measured by lab/measure.py: it ends within the deadline + 1 s, its peak
    /// resident set stays under 100 MiB, it names the right failure, and its text output holds
    /// no raw escape byte and no line longer than a person can read.
    /// (Zip bombs, lying and endless zips: HostileZipLabTests.)
    @Suite
    struct HostilePeerLabTests {
        static let timeout = 4.0
        static let maximumSeconds = timeout + 1
        static let maximumRSSMiB = 100.0
        /// Longest line a text report may print (a flood of 4,000 addresses must be summarised).
        static let maximumLineLength = 2_000

        static func peer(_ kind: String) throws -> LoopbackScript {
            let script = EnvCommandEndToEndTests.packageRoot.appendingPathComponent("lab/hostile/peer.py").path
            return try LoopbackScript([script, "--kind", kind], name: "hostile \(kind) peer")
        }

        static func expectBounded(_ run: MeasuredRun, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(!run.killed, "\(what): still running after \(run.seconds) s", sourceLocation: sourceLocation)
            #expect(run.seconds <= maximumSeconds, "\(what): \(run.seconds) s with --timeout \(timeout)", sourceLocation: sourceLocation)
            #expect(run.peakRSSMiB <= maximumRSSMiB, "\(what): peak RSS \(run.peakRSSMiB) MiB", sourceLocation: sourceLocation)
        }

        static func expectReadableText(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(!text.utf8.contains(0x1B) && !text.utf8.contains(0x07), "\(what): a raw escape byte reached the terminal",
                    sourceLocation: sourceLocation)
            let longest = text.split(separator: "\n").map(\.utf8.count).max() ?? 0
            #expect(longest <= maximumLineLength, "\(what): a line of \(longest) bytes", sourceLocation: sourceLocation)
        }

        /// `http --json`'s outcome code, nil when it passed.
        static func outcomeCode(_ run: MeasuredRun) throws -> String? {
            let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            let outcome = try #require(document?["outcome"] as? [String: Any], "no outcome in \(run.stdout.prefix(300))")
            return outcome["code"] as? String
        }

        static func outcomeDetail(_ run: MeasuredRun) -> String {
            let document = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (document?["outcome"] as? [String: Any])?["detail"] as? String ?? ""
        }

        /// Path on the hostile HTTP peer, extra `http` arguments, and the failure codes that name it right.
        static let httpCases: [(path: String, arguments: [String], codes: Set<String>)] = [
            ("/slowloris", [], ["timeout"]),
            ("/endless-headers", [], ["too-large"]),
            ("/huge-status", [], ["too-large"]),
            ("/endless-body", [], ["too-large"]),
            ("/endless-chunked", [], ["too-large"]),
            ("/redirect-loop", ["-L"], ["redirect-loop"]),
            ("/redirect-chain/0", ["-L"], ["too-many-redirects"]),
            ("/not-http", [], ["not-http"]),
        ]

        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"))
        func hostileHTTPServersAreNamedWithinTheDeadline() throws {
            let server = try Self.peer("http")
            defer { server.stop() }
            for (path, arguments, codes) in Self.httpCases {
                let url = "http://127.0.0.1:\(server.port)\(path)"
                let run = try MeasuredRun.doctor(["http", url, "--timeout", String(Self.timeout), "--json"] + arguments)
                Self.expectBounded(run, path)
                let code = try Self.outcomeCode(run)
                #expect(code.map(codes.contains) == true, "\(path): \(code ?? "passed") — \(Self.outcomeDetail(run).prefix(300))")
                let text = try MeasuredRun.doctor(["http", url, "--timeout", String(Self.timeout)] + arguments)
                Self.expectBounded(text, "\(path) (text)")
                Self.expectReadableText(text.stdout + text.stderr, "\(path) (text)")
            }
        }

        /// A gzip body the client never asked for stays what it is on the wire: nothing inflates it.
        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"))
        func aGzipBombIsNotInflated() throws {
            let server = try Self.peer("http")
            defer { server.stop() }
            let run = try MeasuredRun.doctor(["http", "http://127.0.0.1:\(server.port)/gzip-bomb", "--timeout", String(Self.timeout), "--json"])
            Self.expectBounded(run, "gzip bomb")
            #expect(try Self.outcomeCode(run) == nil, "a complete 200 is a 200: \(Self.outcomeDetail(run))")
            #expect(!run.stdout.contains("\"bodyBytes\" : 67108864"), "the body was inflated")
        }

        /// Escapes in a status line, a header and a body (clear screen, OSC 52 clipboard, title):
        /// shown escaped on the terminal, in every command that shows what the peer said.
        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"))
        func terminalEscapesFromAPeerAreShownEscaped() throws {
            let server = try Self.peer("http")
            defer { server.stop() }
            let project = try Self.project()
            defer { try? FileManager.default.removeItem(at: project) }
            let url = "http://127.0.0.1:\(server.port)/escape"
            let runs = [
                try MeasuredRun.doctor(["http", url, "--timeout", String(Self.timeout), "-v"]),
                try MeasuredRun.doctor(["fetch", "--timeout", String(Self.timeout)], environment: ["GOPROXY": url, "GOSUMDB": "off"],
                                       in: project),
                try MeasuredRun.doctor(["check", "--timeout", String(Self.timeout), "--resolver", "none", "--only", "modules"],
                                       environment: ["GOPROXY": url, "GOSUMDB": "off"], in: project),
            ]
            for run in runs {
                Self.expectBounded(run, "escape")
                Self.expectReadableText(run.stdout + run.stderr, "escape")
            }
        }

        /// The same hostile servers as a GOPROXY: `fetch` and `check` fail the module within the
        /// deadline, bounded, instead of waiting or reading without end.
        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"),
              arguments: ["/slowloris", "/endless-headers", "/huge-status", "/endless-body", "/endless-chunked", "/gzip-bomb", "/not-http"])
        func hostileProxiesFailTheModuleWithinTheDeadline(path: String) throws {
            let server = try Self.peer("http")
            defer { server.stop() }
            let project = try Self.project()
            defer { try? FileManager.default.removeItem(at: project) }
            let environment = ["GOPROXY": "http://127.0.0.1:\(server.port)\(path)", "GOSUMDB": "off"]
            let fetch = try MeasuredRun.doctor(["fetch", "--timeout", String(Self.timeout), "--json"], environment: environment, in: project)
            Self.expectBounded(fetch, "fetch via \(path)")
            #expect(fetch.status != 0, "fetch via \(path) passed: \(fetch.stdout.prefix(400))")
            #expect(fetch.stdout.contains("\"status\" : \"fails\""), "fetch via \(path): \(fetch.stdout.prefix(400))")
            let check = try MeasuredRun.doctor(["check", "--timeout", String(Self.timeout), "--resolver", "none"],
                                               environment: environment, in: project)
            Self.expectBounded(check, "check via \(path)")
            #expect(check.status == 2, "check via \(path) exit \(check.status)")
            Self.expectReadableText(check.stdout + check.stderr, "check via \(path)")
        }

        /// TLS peers: garbage after the ClientHello, silence, and an endless record.
        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"),
              arguments: [("tls-garbage", "not-tls"), ("tls-stall", "handshake-timeout"), ("tls-endless", "handshake")])
        func hostileTLSServersAreNamedWithinTheDeadline(kind: String, code: String) throws {
            let server = try Self.peer(kind)
            defer { server.stop() }
            let url = "https://127.0.0.1:\(server.port)/"
            let run = try MeasuredRun.doctor(["http", url, "--timeout", String(Self.timeout), "--json"])
            Self.expectBounded(run, kind)
            #expect(try Self.outcomeCode(run) == code, "\(kind): \(Self.outcomeDetail(run))")
            let detail = Self.outcomeDetail(run)
            #expect(!detail.contains(".build/") && !detail.contains("/Sources/"), "\(kind): a build path in \(detail)")
            let tls = try MeasuredRun.doctor(["tls", "127.0.0.1:\(server.port)", "--timeout", String(Self.timeout)])
            Self.expectBounded(tls, "tls \(kind)")
            #expect(tls.status != 0)
            Self.expectReadableText(tls.stdout + tls.stderr, "tls \(kind)")
        }

        /// A resolver answering 4,000 addresses (over TCP after TC=1), and one whose CNAMEs loop.
        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"),
              arguments: ["dns-flood", "dns-cname-loop"])
        func hostileResolversStayBoundedAndReadable(kind: String) throws {
            let server = try Self.peer(kind)
            defer { server.stop() }
            let resolver = "127.0.0.1:\(server.port)"
            let project = try Self.project(module: "proxy.example.test/m")
            defer { try? FileManager.default.removeItem(at: project) }
            let runs: [(String, MeasuredRun)] = [
                ("dig", try MeasuredRun.doctor(["dig", "@127.0.0.1", "-p", String(server.port), "proxy.example.test"])),
                ("dig --compare", try MeasuredRun.doctor(["dig", "--compare", "proxy.example.test", "--resolver", resolver])),
                ("probe", try MeasuredRun.doctor(["probe", "proxy.example.test", "--timeout", String(Self.timeout), "--resolver", resolver])),
                ("check", try MeasuredRun.doctor(["check", "--timeout", String(Self.timeout), "--resolver", resolver],
                                                 environment: ["GOPROXY": "https://proxy.example.test", "GOSUMDB": "off"], in: project)),
            ]
            for (name, run) in runs {
                Self.expectBounded(run, "\(name) with \(kind)")
                // dig prints every record, as dig does; the reports summarise.
                if name != "dig" { Self.expectReadableText(run.stdout + run.stderr, "\(name) with \(kind)") }
            }
        }

        /// A project requiring one module (removed by the caller).
        static func project(module: String = "example.test/m") throws -> URL {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gd-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try "module example.test/app\n\ngo 1.19\n\nrequire \(module) v1.0.0\n"
                .write(to: directory.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
            return directory
        }
    }
}
