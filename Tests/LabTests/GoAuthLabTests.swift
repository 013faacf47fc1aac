import Foundation
import Testing

extension LabSuite {
    /// Issue #13 (and #12's GOAUTH point): gomod-doctor sends exactly the credentials the go
    /// command sends — none under GOAUTH=off on Go 1.24+, the .netrc entry under `netrc` (the
    /// default), none when the .netrc names the host without the URL's port, and on go commands
    /// before 1.24 the .netrc whatever GOAUTH says. A loopback HTTPS proxy records the
    /// Authorization header of every request; the real go command of each installed release
    /// and gomod-doctor (finding that release on PATH) run against it in turn.
    @Suite
    struct GoAuthLabTests {
        static let password = "GoAuthPw9"

        struct Case: Sendable, CustomStringConvertible {
            var goauth: String?
            /// The .netrc's machine names the URL's port (else only the bare address).
            var machineWithPort: Bool
            var description: String { "GOAUTH=\(goauth ?? "unset")\(machineWithPort ? "" : ", machine without port")" }
        }

        static let cases: [Case] = [
            Case(goauth: nil, machineWithPort: true), Case(goauth: "netrc", machineWithPort: true),
            Case(goauth: "off", machineWithPort: true), Case(goauth: "netrc", machineWithPort: false),
            Case(goauth: "/bin/false secret-arg", machineWithPort: true),
        ]

        /// A self-signed certificate for 127.0.0.1, a HOME with a .netrc, a project and caches.
        struct Fixture {
            let root: URL
            var cert: String { root.appendingPathComponent("cert.pem").path }
            var key: String { root.appendingPathComponent("key.pem").path }
            var log: URL { root.appendingPathComponent("requests.log") }
            var project: URL { root.appendingPathComponent("project") }

            init() throws {
                root = FileManager.default.temporaryDirectory.appendingPathComponent("gd-goauth-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: root.appendingPathComponent("project"), withIntermediateDirectories: true)
                try FileManager.default.createDirectory(at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
                try "module example.test/app\n\ngo 1.19\n\nrequire example.test/dep v1.0.0\n"
                    .write(to: project.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
                let openssl = Process()
                openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
                openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                     "-keyout", root.appendingPathComponent("key.pem").path,
                                     "-out", root.appendingPathComponent("cert.pem").path, "-days", "2",
                                     "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
                openssl.standardOutput = FileHandle.nullDevice
                openssl.standardError = FileHandle.nullDevice
                try openssl.run()
                openssl.waitUntilExit()
                try #require(openssl.terminationStatus == 0, "openssl could not make the lab certificate")
            }

            func writeNetrc(port: Int, withPort: Bool) throws {
                let machine = withPort ? "127.0.0.1:\(port)" : "127.0.0.1"
                try "machine \(machine) login gopher password \(GoAuthLabTests.password)\n"
                    .write(to: root.appendingPathComponent("home/.netrc"), atomically: true, encoding: .utf8)
            }

            func environment(port: Int, goauth: String?, go: GoToolchain) -> [String: String] {
                var environment = [
                    "HOME": root.appendingPathComponent("home").path, "PATH": "\(go.binDirectory):/usr/bin:/bin",
                    "GOROOT": go.root, "GOPATH": root.appendingPathComponent("gopath").path,
                    "GOPROXY": "https://127.0.0.1:\(port)", "GOSUMDB": "off", "GOTOOLCHAIN": "local", "GOFLAGS": "-mod=mod",
                    "SSL_CERT_FILE": cert, "LANG": "C", "NO_COLOR": "1", "GOENV": "off",
                ]
                environment["GOAUTH"] = goauth
                return environment
            }

            /// The Authorization values the proxy saw since the last call ("-" for none), then clears the log.
            func takeAuthorizations() throws -> Set<String> {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                try? FileManager.default.removeItem(at: log)
                return Set(text.split(separator: "\n").compactMap { $0.split(separator: "\t").last.map(String.init) })
            }
        }

        static func runGo(_ go: GoToolchain, _ arguments: [String], environment: [String: String], in directory: URL) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: go.executable)
            process.arguments = arguments
            process.environment = environment
            process.currentDirectoryURL = directory
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"))
        func installedGoCommandsAreThere() {
            // CI installs them (scripts/install-go-toolchains); elsewhere the comparisons below skip what is missing.
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                #expect(GoToolchain.installed.count >= 4, "CI installs Go 1.19, 1.21, 1.24 and 1.27: \(GoToolchain.installed)")
            }
        }

        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"),
              arguments: GoToolchain.installed.map(\.version))
        func sentCredentialsMatchTheGoCommand(version: String) throws {
            let go = try #require(GoToolchain.installed.first { $0.version == version })
            let fixture = try Fixture()
            defer { try? FileManager.default.removeItem(at: fixture.root) }
            let proxy = try LoopbackScript([EnvCommandEndToEndTests.packageRoot.appendingPathComponent("lab/goproxy/auth_recorder.py").path, "--cert", fixture.cert, "--key", fixture.key,
                                            "--log", fixture.log.path], name: "auth recorder")
            defer { proxy.stop() }
            for scenario in Self.cases {
                try fixture.writeNetrc(port: proxy.port, withPort: scenario.machineWithPort)
                let environment = fixture.environment(port: proxy.port, goauth: scenario.goauth, go: go)
                _ = try Self.runGo(go, ["mod", "download", "-json", "example.test/dep@v1.0.0"], environment: environment, in: fixture.project)
                let goSent = try fixture.takeAuthorizations()
                let ours = try DoctorProcess.run(["fetch", "example.test/dep@v1.0.0", "--timeout", "5"], environment: environment,
                                                 in: fixture.project)
                let weSent = try fixture.takeAuthorizations()
                #expect(!goSent.isEmpty && !weSent.isEmpty, "\(go), \(scenario): both reached the proxy")
                #expect(weSent == goSent, "\(go), \(scenario): go sent \(goSent), gomod-doctor sent \(weSent)")
                #expect(!(ours.stdout + ours.stderr).contains(Self.password) && !(ours.stdout + ours.stderr).contains("secret-arg"),
                        "\(go), \(scenario): a credential in the output")
            }
        }

        /// A GOAUTH the go command refuses (Go 1.24+): neither it nor gomod-doctor sends a request,
        /// and gomod-doctor fails with the go command's own text.
        @Test(.enabled(if: LoopbackOnly.isolated, "needs a network namespace with only loopback (run through scripts/test)"),
              arguments: GoToolchain.withGoAuth.map(\.version))
        func malformedGoauthStopsLikeTheGoCommand(version: String) throws {
            let go = try #require(GoToolchain.installed.first { $0.version == version })
            let fixture = try Fixture()
            defer { try? FileManager.default.removeItem(at: fixture.root) }
            let proxy = try LoopbackScript([EnvCommandEndToEndTests.packageRoot.appendingPathComponent("lab/goproxy/auth_recorder.py").path, "--cert", fixture.cert, "--key", fixture.key,
                                            "--log", fixture.log.path], name: "auth recorder")
            defer { proxy.stop() }
            try fixture.writeNetrc(port: proxy.port, withPort: true)
            let environment = fixture.environment(port: proxy.port, goauth: "off;netrc", go: go)
            let (status, goError) = try Self.runGo(go, ["mod", "download", "-json", "example.test/dep@v1.0.0"],
                                                   environment: environment, in: fixture.project)
            #expect(status != 0)
            #expect(try fixture.takeAuthorizations().isEmpty, "\(go) sent a request despite the malformed GOAUTH")
            let expected = "go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)"
            #expect(goError.contains(expected), "\(go) said: \(goError)")
            let ours = try DoctorProcess.run(["fetch", "example.test/dep@v1.0.0", "--timeout", "5"], environment: environment,
                                             in: fixture.project)
            #expect(ours.status != 0)
            #expect(try fixture.takeAuthorizations().isEmpty, "gomod-doctor sent a request despite the malformed GOAUTH")
            #expect(ours.stdout.contains(expected), "gomod-doctor said: \(ours.stdout) \(ours.stderr)")
        }
    }
}
