import Foundation
import Testing

/// `check --list/--only/--markdown/--mermaid/--from-error` and the live progress line, run as
/// a user would. No network beyond loopback: GOPROXY points at 127.0.0.1:1 (refused) or the
/// run selects only `config`.
struct CheckOptionsCommandTests {

    /// A project with two requirements and a HOME holding a .netrc whose password must never show.
    func project() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gd-check-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "module lab.example/app\n\ngo 1.19\n\nrequire (\n\tgithub.com/lab/a v1.0.0\n\tgithub.com/lab/b v1.0.0\n)\n"
            .write(to: directory.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try "machine 127.0.0.1 login netrcuser password n3trcpw\n".write(to: directory.appendingPathComponent(".netrc"), atomically: true, encoding: .utf8)
        return directory
    }

    func environment(_ home: URL, _ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C", "GOENV": "off", "GOTOOLCHAIN": "local",
         "GOPROXY": "https://127.0.0.1:1", "GOSUMDB": "off", "NO_COLOR": "1"].merging(extra) { _, new in new }
    }

    func run(_ arguments: [String], environment: [String: String], in directory: URL, stdin: String? = nil) throws -> DoctorProcess.Output {
        try DoctorProcess.run(arguments, environment: environment, in: directory, stdin: stdin)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text.prefix(500))")
    }

    static let names = ["config", "dns", "icmp", "tcp", "path", "sockets", "tls", "http", "modules", "toolchain"]

    @Test func listPrintsEveryCheckAsTextAndJSON() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try run(["check", "--list"], environment: environment(directory), in: directory)
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(lines == Self.names)
        let zh = try run(["check", "--list", "--lang", "zh"], environment: environment(directory), in: directory)
        #expect(zh.stdout.contains("检查项") && zh.stdout.contains("校验和数据库"))
        let document = try json(try run(["check", "--list", "--json"], environment: environment(directory), in: directory).stdout)
        let checks = try #require(document["checks"] as? [[String: String]])
        #expect(checks.compactMap { $0["name"] } == Self.names)
        #expect(checks.allSatisfy { ($0["description"] ?? "").count > 10 })
    }

    @Test(arguments: [
        (["--only", "dns,bogus"], "valid names: config, dns, icmp, tcp, path, sockets, tls, http, modules, toolchain"),
        (["--only", "ping"], "unknown check \"ping\""),
        (["--json", "--markdown"], "cannot be used together"),
        (["--markdown", "--mermaid"], "cannot be used together"),
        (["--json", "--mermaid"], "cannot be used together"),
        (["--from-error", "/nonexistent/go-error.txt"], "/nonexistent/go-error.txt"),
    ])
    func usageErrorsExitThreeAndSayWhy(_ arguments: [String], _ message: String) throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try run(["check", "--only", "config"] + arguments, environment: environment(directory), in: directory)
        #expect(result.status == 3, "\(arguments)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func fromErrorRejectsEmptyAndOversizedFilesByName() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.txt")
        try " \n".write(to: empty, atomically: true, encoding: .utf8)
        let big = directory.appendingPathComponent("big.txt")
        try Data(repeating: UInt8(ascii: "x"), count: (1 << 20) + 1).write(to: big)
        let emptyRun = try run(["check", "--from-error", empty.path], environment: environment(directory), in: directory)
        #expect(emptyRun.status == 3 && emptyRun.stderr.contains(empty.path) && emptyRun.stderr.contains("empty"))
        let bigRun = try run(["check", "--from-error", big.path], environment: environment(directory), in: directory)
        #expect(bigRun.status == 3 && bigRun.stderr.contains(big.path) && bigRun.stderr.contains("1 MiB"))
        let stdinRun = try run(["check", "--from-error", "-"], environment: environment(directory), in: directory, stdin: "")
        #expect(stdinRun.status == 3 && stdinRun.stderr.contains("standard input"))
    }

    @Test func markdownHasTheSectionsAndNoSecret() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = environment(directory, ["GOPROXY": "https://user:tok3n@127.0.0.1:1", "GOPRIVATE": "corp.example",
                                                  "GONOSUMDB": "corp.example", "GOFLAGS": "-mod=mod",
                                                  "HTTPS_PROXY": "http://proxyuser:pr0xypw@127.0.0.1:9"])
        let result = try run(["check", "--markdown", "--only", "config"], environment: environment, in: directory)
        #expect([0, 1, 2].contains(result.status))
        for section in ["## gomod-doctor check:", "### Root causes", "### Checks", "| Result | Kind | Subject | Verdict |",
                        "### Environment", "`go version`", "Kernel", "gomod-doctor: `", "GOPRIVATE=corp.example",
                        "GOPROXY=https://REDACTED@127.0.0.1:1", "Not run (--only): dns, icmp, tcp"] {
            #expect(result.stdout.contains(section), "missing \(section) in \(result.stdout)")
        }
        for secret in ["tok3n", "user:", "pr0xypw", "proxyuser", "n3trcpw", "netrcuser"] {
            #expect(!result.stdout.contains(secret), "\(secret) leaked")
        }
    }

    @Test func mermaidMarksWhereTheChainBroke() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try run(["check", "--mermaid", "--only", "dns,tcp", "--timeout", "3", "--resolver", "none"], environment: environment(directory), in: directory)
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart LR")
        #expect(lines.contains { $0.hasPrefix("    classDef failed ") })
        #expect(lines.contains { $0.contains("e1_tcp[\"tcp<br/>") && $0.hasSuffix(":::failed") }, "\(result.stdout)")
        #expect(lines.contains { $0.contains("e1_tls[") && $0.contains("not selected") && $0.hasSuffix(":::skipped") })
        #expect(lines.contains { $0.hasPrefix("    subgraph e1[\"https://127.0.0.1:1 (proxy)\"]") })
    }

    static let pastedError = """
    go: downloading github.com/lab/a v1.0.0
    go: github.com/lab/a@v1.0.0: Get "https://127.0.0.1:1/github.com/lab/a/@v/v1.0.0.info": dial tcp 127.0.0.1:1: connect: connection refused
    """

    @Test func fromErrorFocusesOnTheNamedModuleAndHost() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("error.txt")
        try Self.pastedError.write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["check", "--json", "--from-error", file.path, "--only", "dns,tcp,modules", "--timeout", "3", "--resolver", "none"],
                             environment: environment(directory), in: directory)
        #expect(result.status == 2)
        let document = try json(result.stdout)
        let fromError = try #require(document["fromError"] as? [String: Any])
        #expect(fromError["hosts"] as? [String] == ["127.0.0.1"])
        #expect(fromError["modules"] as? [String] == ["github.com/lab/a@v1.0.0"])
        let errors = try #require(fromError["errors"] as? [[String: Any]])
        #expect(errors.first?["layer"] as? String == "tcp" && errors.first?["class"] as? String == "refused")
        let modules = ((document["fetch"] as? [String: Any])?["modules"] as? [[String: Any]]) ?? []
        #expect(modules.compactMap { $0["path"] as? String } == ["github.com/lab/a"])
        let endpoints = (document["endpoints"] as? [[String: Any]]) ?? []
        #expect(endpoints.compactMap { (($0["endpoint"] as? [String: Any])?["target"] as? [String: Any])?["host"] as? String } == ["127.0.0.1"])
        let selection = try #require(document["selection"] as? [String: [String]])
        #expect(selection["checks"] == ["config", "dns", "tcp", "modules"])
        #expect(selection["skipped"] == ["icmp", "path", "sockets", "tls", "http", "toolchain"])
    }

    @Test func fromErrorNamingNoRouteHostProbesAndFetchesNothing() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "go: downloading example.com/x v1.0.0\ndial tcp: lookup other-proxy.lab.example on 127.0.0.53:53: no such host\n"
        let result = try run(["check", "--json", "--from-error", "-", "--timeout", "3", "--resolver", "none"], environment: environment(directory), in: directory, stdin: text)
        let document = try json(result.stdout)
        #expect((document["endpoints"] as? [Any])?.isEmpty == true)
        #expect((((document["fetch"] as? [String: Any])?["modules"]) as? [Any])?.isEmpty == true)
        #expect(((document["fromError"] as? [String: Any])?["hosts"] as? [String])?.contains("other-proxy.lab.example") == true)
    }

    /// Under a pseudo-terminal (`script` from util-linux/bsdutils) the progress line shows and is
    /// erased; with stderr piped there is none.
    @Test func progressOnlyOnATerminal() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = try #require(EnvCommandEndToEndTests.binary)
        let command = "'\(binary)' check --only dns,tcp,modules --timeout 3 '\(directory.path)'"
        let tty = try runScript(command, environment: environment(directory), in: directory)
        #expect(tty.contains("checking 1 endpoints, 2 modules… 0/3 done"), "\(tty)")
        #expect(tty.contains("3/3 done"))
        #expect(tty.contains("tcp 127.0.0.1 ✗"))
        #expect(tty.contains("\r\u{1B}[2K"))

        let piped = try run(["check", "--only", "dns,tcp,modules", "--timeout", "3", "--resolver", "none"], environment: environment(directory), in: directory)
        #expect(piped.status == 2)
        #expect(!piped.stderr.contains("checking") && !piped.stderr.contains("\u{1B}[2K"), "\(piped.stderr)")
    }

    /// Everything the terminal got (stdout and stderr of the command) under `script -qec`.
    func runScript(_ command: String, environment: [String: String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = environment.merging(["TERM": "xterm"]) { _, new in new }
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
