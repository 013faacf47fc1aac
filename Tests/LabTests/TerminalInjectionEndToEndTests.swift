import Foundation
import Testing

extension LabSuite {
    // In the serialized lab suite: its tests block a thread while the tool runs, and the
    // cooperative pool (two threads here) must stay free for the loopback probes running beside.
    /// Issue 13, item 3, end to end: a loopback GOPROXY (python3's http.server on 127.0.0.1, port
    /// chosen by the kernel) whose `.info` Version carries OSC/CSI/C1 sequences, and a GOENV file
    /// with an ESC in a value. The built gomod-doctor's text output must hold no raw ESC, BEL or C1
    /// control — the hostile text shown escaped — and its JSON the exact value, JSON-escaped.
    @Suite
    struct TerminalInjectionEndToEndTests {
        /// The Version a hostile proxy sends, as JSON escapes on the wire (valid JSON).
        static let wireVersion = #"v1.0.0\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;aGVsbG8=\u0007\u009b2J\u202e"#
        static let version = "v1.0.0\u{1b}]0;pwned\u{07}\u{1b}[2J\u{1b}]52;c;aGVsbG8=\u{07}\u{9B}2J\u{202E}"

        /// Raw controls a terminal would act on (newline and tab allowed).
        static func rawControls(_ text: String) -> [UInt32] {
            text.unicodeScalars.map(\.value).filter {
                ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || (0x80...0x9F).contains($0)
                    || (0x202A...0x202E).contains($0) || (0x2066...0x2069).contains($0)
            }
        }

        /// A directory in GOPROXY layout served on 127.0.0.1 until `stop`.
        final class LoopbackProxy {
            let server: LoopbackScript
            var url: String { "http://127.0.0.1:\(server.port)" }

            init(root: URL) throws {
                let script = """
                    import functools, http.server, sys
                    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
                    handler.func.log_message = lambda *a: None
                    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
                    print(server.server_address[1], flush=True)
                    server.serve_forever()
                    """
                server = try LoopbackScript(["-c", script, root.path], name: "proxy")
            }

            func stop() { server.stop() }
        }

        func makeTree(_ root: URL) throws {
            let versions = root.appendingPathComponent("proxy/example.com/evil/@v")
            try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
            let info = #"{"Version":"\#(Self.wireVersion)","Time":"2024-01-01T00:00:00Z"}"#
            try info.write(to: versions.appendingPathComponent("v1.0.0.info"), atomically: true, encoding: .utf8)
            try info.write(to: root.appendingPathComponent("proxy/example.com/evil/@latest"), atomically: true, encoding: .utf8)
            try "v1.0.0\n".write(to: versions.appendingPathComponent("list"), atomically: true, encoding: .utf8)
            try "module example.com/evil\n".write(to: versions.appendingPathComponent("v1.0.0.mod"), atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("project"), withIntermediateDirectories: true)
            try "module example.com/app\n\ngo 1.19\n\nrequire example.com/evil v1.0.0\n"
                .write(to: root.appendingPathComponent("project/go.mod"), atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("home/.config/go"), withIntermediateDirectories: true)
        }

        func environment(_ root: URL, proxy: String) -> [String: String] {
            ["HOME": root.appendingPathComponent("home").path, "PATH": "/usr/bin:/bin", "LANG": "C", "GOPROXY": proxy,
             "GOSUMDB": "off", "GOFLAGS": "", "TERM": "xterm-256color"]
        }

        @Test func aHostileVersionFromTheProxyIsPrintedEscaped() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("gd-osc-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try makeTree(root)
            let proxy = try LoopbackProxy(root: root.appendingPathComponent("proxy"))
            defer { proxy.stop() }
            let environment = environment(root, proxy: proxy.url)
            let project = root.appendingPathComponent("project")

            for arguments in [["fetch", "example.com/evil@latest"], ["fetch"], ["check", "--timeout", "5"]] {
                let run = try DoctorProcess.run(arguments, environment: environment, in: project)
                #expect(run.stdout.contains("pwned"), "\(arguments): the hostile version must reach the output")
                #expect(Self.rawControls(run.stdout).isEmpty, "\(arguments) stdout: \(run.stdout)")
                #expect(Self.rawControls(run.stderr).isEmpty, "\(arguments) stderr: \(run.stderr)")
            }
            let text = try DoctorProcess.run(["fetch", "example.com/evil@latest"], environment: environment, in: project)
            #expect(text.stdout.contains(#"v1.0.0\x1b]0;pwned\x07\x1b[2J\x1b]52;c;aGVsbG8=\x07\u{9b}2J\u{202e}"#))

            let json = try DoctorProcess.run(["fetch", "--json", "example.com/evil@latest"], environment: environment, in: project)
            #expect(Self.rawControls(json.stdout).isEmpty)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let modules = ((document["report"] as? [String: Any])?["modules"] as? [[String: Any]]) ?? []
            #expect(modules.first?["version"] as? String == Self.version, "JSON keeps the exact value")
        }

        @Test func anEscapeInAGoEnvValueIsPrintedEscaped() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("gd-goenv-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try makeTree(root)
            let goenv = "GOPROXY=https://p.example/\u{1b}]0;pwned\u{07}\u{1b}[2J,direct\nGOPRIVATE=corp\u{9B}2J.example\n"
            try goenv.write(to: root.appendingPathComponent("home/.config/go/env"), atomically: true, encoding: .utf8)
            var environment = environment(root, proxy: "")
            environment["GOPROXY"] = nil
            let project = root.appendingPathComponent("project")

            let text = try DoctorProcess.run(["env", "--no-go-env"], environment: environment, in: project)
            #expect(text.stdout.contains(#"https://p.example/\x1b]0;pwned\x07\x1b[2J,direct"#), "\(text.stdout)")
            #expect(text.stdout.contains(#"corp\u{9b}2J.example"#))
            #expect(Self.rawControls(text.stdout).isEmpty, "\(text.stdout)")
            #expect(Self.rawControls(text.stderr).isEmpty)

            let json = try DoctorProcess.run(["env", "--json", "--no-go-env"], environment: environment, in: project)
            #expect(Self.rawControls(json.stdout).isEmpty)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let variables = (document["variables"] as? [[String: Any]]) ?? []
            #expect(variables.first { $0["name"] as? String == "GOPROXY" }?["value"] as? String == "https://p.example/\u{1b}]0;pwned\u{07}\u{1b}[2J,direct")
            #expect(variables.first { $0["name"] as? String == "GOPRIVATE" }?["value"] as? String == "corp\u{9B}2J.example")
        }
    }
}
