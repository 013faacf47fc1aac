import Foundation
import Testing

extension LabSuite {
    // In the serialized lab suite: its tests block a thread while the tool runs, and the
    // cooperative pool (two threads here) must stay free for the loopback probes running beside.
    /// Issue #13 item 2: one distinctive secret in every credential position (GOPROXY userinfo and
    /// `?token=`, GOSUMDB URL userinfo, HTTPS_PROXY userinfo, a .netrc password, the GOAUTH value,
    /// and pasted errors carrying `Authorization: Basic`, `GITHUB_TOKEN=` and `user:pw@`) must
    /// never appear in any command's output, in any format, on stdout or stderr.
    ///
    /// The built binary runs as a user would. Requests go to names under `.test` that cannot
    /// resolve; the test runs only in a network namespace holding nothing but loopback (as
    /// `scripts/test` provides), so every request fails at once and nothing leaves the machine.
    @Suite
    struct SecretCanaryTests {
        static let secret = "CanaryS3cretQ7x"

        /// A project, a HOME with a .netrc, and a pasted error file; removed by the caller.
        struct Fixture {
            var root: URL
            var project: URL { root.appendingPathComponent("project") }
            var home: URL { root.appendingPathComponent("home") }
            var pastedError: URL { root.appendingPathComponent("error.txt") }
            var pastedText: String

            init() throws {
                root = FileManager.default.temporaryDirectory.appendingPathComponent("gd-canary-\(UUID().uuidString)")
                let secret = SecretCanaryTests.secret
                pastedText = """
                    go: example.test/dep@v1.0.0: reading https://bob:\(secret)@proxy.example.test/example.test/dep/@v/v1.0.0.info: 401 Unauthorized
                    \tserver response: request carried Authorization: Basic \(secret)
                    \tset GITHUB_TOKEN=\(secret) and retry; mirror said bob:\(secret)@git.example.test refused
                    """
                let files = FileManager.default
                try files.createDirectory(at: root.appendingPathComponent("project"), withIntermediateDirectories: true)
                try files.createDirectory(at: root.appendingPathComponent("home/.config/go"), withIntermediateDirectories: true)
                try "module example.test/canary\n\ngo 1.19\n\nrequire example.test/dep v1.0.0\n"
                    .write(to: project.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
                // Only the go.mod hash: the zip's hash must come from the checksum database, so
                // fetch and check route to it (and show its URL) as well as verify.
                let hash = "h1:" + String(repeating: "A", count: 43) + "="
                try "example.test/dep v1.0.0/go.mod \(hash)\n"
                    .write(to: project.appendingPathComponent("go.sum"), atomically: true, encoding: .utf8)
                try "machine proxy.example.test login bob password \(secret)\n"
                    .write(to: home.appendingPathComponent(".netrc"), atomically: true, encoding: .utf8)
                try pastedText.write(to: pastedError, atomically: true, encoding: .utf8)
            }

            var environment: [String: String] {
                let secret = SecretCanaryTests.secret
                return ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C", "NO_COLOR": "1", "GOTOOLCHAIN": "local",
                        "GOPROXY": "https://bob:\(secret)@proxy.example.test/p?token=\(secret)&access_token=\(secret),direct",
                        "GOSUMDB": "sum.golang.org https://bob:\(secret)@sum.example.test",
                        "HTTPS_PROXY": "http://agent:\(secret)@proxy.corp.example.test:3128",
                        "GOAUTH": "/usr/local/bin/creds --token=\(secret) \(secret);netrc"]
            }
        }

        /// Every command that shows configuration, evidence or echoed input, in every format.
        static func commands(_ fixture: Fixture) -> [[String]] {
            let url = "https://bob:\(secret)@proxy.example.test/p?token=\(secret)"
            let check = ["check", "--timeout", "3", "--resolver", "none"]
            return [
                ["env"], ["env", "--json"], ["env", "--no-go-env", "--json"],
                check, check + ["--json"], check + ["--markdown"], check + ["--mermaid"],
                check + ["--from-error", fixture.pastedError.path], check + ["--json", "--from-error", fixture.pastedError.path],
                check + ["--markdown", "--from-error", fixture.pastedError.path],
                ["fetch", "--timeout", "3"], ["fetch", "--timeout", "3", "--json"],
                ["verify"], ["verify", "--json"],
                ["explain", fixture.pastedText], ["explain", "--json", fixture.pastedText],
                ["probe", "proxy.example.test", "--path", "/p?token=\(secret)", "--timeout", "2", "--resolver", "none"],
                ["probe", "proxy.example.test", "--path", "/p?token=\(secret)", "--timeout", "2", "--resolver", "none", "--json"],
                ["http", url, "--timeout", "2"], ["http", url, "--timeout", "2", "-v"], ["http", url, "--timeout", "2", "--json"],
            ]
        }

        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"))
        func noCommandPrintsTheSecretInAnyFormat() throws {
            let fixture = try Fixture()
            defer { try? FileManager.default.removeItem(at: fixture.root) }
            for arguments in Self.commands(fixture) {
                let output = try DoctorProcess.run(arguments, environment: fixture.environment, in: fixture.project)
                let shown = arguments.map { $0.replacingOccurrences(of: Self.secret, with: "<secret>") }.joined(separator: " ")
                // A command that printed nothing proves nothing: each must have said something.
                #expect(!(output.stdout + output.stderr).isEmpty, "\(shown) printed nothing")
                // The .netrc password travels as `Authorization: Basic base64(login:password)`.
                let basic = Data("bob:\(Self.secret)".utf8).base64EncodedString()
                for (stream, text) in [("stdout", output.stdout), ("stderr", output.stderr)] {
                    let leaks = text.split(separator: "\n").filter { $0.contains(Self.secret) || $0.contains(basic) }
                    #expect(leaks.isEmpty, "\(shown) leaked the secret on \(stream):\n\(leaks.prefix(6).map { String($0.prefix(240)) }.joined(separator: "\n"))")
                }
            }
        }
    }
}

/// Whether this process sees no network interface but `lo` (/proc/net/dev is per namespace).
enum LoopbackOnly {
    static var isolated: Bool {
        guard let table = try? String(contentsOfFile: "/proc/net/dev", encoding: .utf8) else { return false }
        let names = table.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) }
        return names == ["lo"]
    }
}
