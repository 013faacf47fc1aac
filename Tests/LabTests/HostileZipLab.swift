import Foundation
import Testing

/// A loopback GOPROXY (lab/goproxy/server.py) serving a small project whose requirements have
/// hostile zips: eight endless ones (flooded as fast as the server can, half without
/// Content-Length, half chunked), one declaring 2 GiB, one trickling a byte a second, and
/// optionally zip bombs within the go command's limits (450 MiB of zeros in 450 KB: slow to
/// hash, small to send). Their .info and .mod are ordinary. Runs the built gomod-doctor under a
/// small python wrapper that reports the child's wall time and peak RSS (RUSAGE_CHILDREN of a
/// process whose only child it is) and restores the default SIGTERM/SIGINT dispositions the
/// test runner's mask would otherwise block.
final class HostileZipLab {
    static let endless = (1...8).map { "example.com/endless\($0)" }
    static let declared = "example.com/declared"
    static let trickle = "example.com/trickle"

    let directory: URL
    let project: URL
    let temporary: URL
    let server: LoopbackScript
    let bombs: [String]

    init(bombs: Int = 0) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-zip-\(UUID().uuidString)")
        project = directory.appendingPathComponent("project")
        temporary = directory.appendingPathComponent("tmp")
        let root = directory.appendingPathComponent("root")
        for folder in [project, temporary, root] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        self.bombs = (0..<bombs).map { "example.com/bomb\($0 + 1)" }
        // In this order: the first eight start at once (the walk's module concurrency).
        let modules = self.bombs + [Self.declared, Self.trickle] + Self.endless
        for module in modules {
            let folder = root.appendingPathComponent(module).appendingPathComponent("@v")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try #"{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}"#.write(to: folder.appendingPathComponent("v1.0.0.info"),
                                                                               atomically: true, encoding: .utf8)
            try "module \(module)\n\ngo 1.19\n".write(to: folder.appendingPathComponent("v1.0.0.mod"), atomically: true, encoding: .utf8)
            try "v1.0.0\n".write(to: folder.appendingPathComponent("list"), atomically: true, encoding: .utf8)
        }
        for bomb in self.bombs {
            try Self.python(["-c", Self.bombScript, root.appendingPathComponent(bomb).appendingPathComponent("@v/v1.0.0.zip").path, bomb])
        }
        var rules: [[String: Any]] = Self.endless.enumerated().map { index, module in
            ["prefix": "/\(module)/@v/v1.0.0.zip", "flood": true, "framing": index % 2 == 0 ? "close" : "chunked"]
        }
        rules.append(["prefix": "/\(Self.declared)/@v/v1.0.0.zip", "flood": true, "framing": "length", "declare": 2 << 30])
        rules.append(["prefix": "/\(Self.trickle)/@v/v1.0.0.zip", "trickle": true])
        let rulesPath = directory.appendingPathComponent("rules.json")
        try JSONSerialization.data(withJSONObject: rules).write(to: rulesPath)
        let script = EnvCommandEndToEndTests.packageRoot.appendingPathComponent("lab/goproxy/server.py").path
        server = try LoopbackScript([script, "--root", root.path, "--listen", "127.0.0.1", "--port", "0", "--rules", rulesPath.path],
                                    name: "goproxy")
        let requires = modules.map { "\t\($0) v1.0.0" }.joined(separator: "\n")
        try "module lab.example/hostile\n\ngo 1.19\n\nrequire (\n\(requires)\n)\n"
            .write(to: project.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// No go command on PATH: the doctor's own client does every request.
    var environment: [String: String] {
        ["PATH": "/nonexistent", "HOME": directory.path, "GOPROXY": "http://127.0.0.1:\(server.port)", "GOSUMDB": "off",
         "GOFLAGS": "", "GOENV": "off", "GOPATH": directory.appendingPathComponent("gopath").path, "LANG": "C",
         "TMPDIR": temporary.path, "GOTOOLCHAIN": "local"]
    }

    /// Files our runs left in TMPDIR.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: temporary.path)
    }

    struct Measured {
        var status: Int32
        /// Negative: killed by that signal.
        var signal: Int32
        var seconds: Double
        var peakRSSBytes: Int
        var stdout: String
        var stderr: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:] }
    }

    /// Runs gomod-doctor in the project; with `signal`, sends it once `when` says so (polled
    /// every 20 ms, from 0.5 s on) or after `latest` seconds.
    func run(_ arguments: [String], signal: Int32? = nil, latest: Double = 0, when: (() -> Bool)? = nil) throws -> Measured {
        let binary = try #require(EnvCommandEndToEndTests.binary, "gomod-doctor is not built")
        let report = directory.appendingPathComponent("measure-\(UUID().uuidString).json")
        let process = Process()
        // Not through env: the doctor's PATH holds no python (nor go).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.measureScript, report.path, binary] + arguments
        process.environment = environment
        process.currentDirectoryURL = project
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let collected = DoctorProcess.PipeCollector(errors.fileHandleForReading)
        let stdout = DoctorProcess.PipeCollector(output.fileHandleForReading)
        if let signal {
            let start = Date()
            var sent = false
            while process.isRunning && !sent {
                let elapsed = Date().timeIntervalSince(start)
                if elapsed >= latest || (elapsed >= 0.5 && when?() == true) {
                    // The wrapper forwards it to the doctor (its pid is the first line of the report file).
                    if let text = try? String(contentsOf: report.appendingPathExtension("pid"), encoding: .utf8),
                       let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                        kill(pid, signal)
                        sent = true
                    }
                }
                if !sent { Thread.sleep(forTimeInterval: 0.02) }
            }
        }
        let out = stdout.finish()
        let err = collected.finish()
        process.waitUntilExit()
        let data = try Data(contentsOf: report)
        let figures = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "no measurement: \(err)")
        let code = figures["returncode"] as? Int ?? 0
        return Measured(status: Int32(code), signal: code < 0 ? Int32(-code) : 0, seconds: figures["seconds"] as? Double ?? -1,
                        peakRSSBytes: (figures["maxrss_kib"] as? Int ?? -1) * 1024, stdout: out, stderr: err)
    }

    static func python(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 \(arguments.prefix(1))")
    }

    /// argv: report path, program, arguments. Writes `<report>.pid`, then the JSON figures.
    static let measureScript = """
    import json, os, resource, signal, subprocess, sys, time
    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    start = time.monotonic()
    child = subprocess.Popen(sys.argv[2:])
    with open(sys.argv[1] + ".pid", "w") as f:
        f.write(str(child.pid))
    child.wait()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(sys.argv[1], "w") as f:
        json.dump({"returncode": child.returncode, "seconds": time.monotonic() - start, "maxrss_kib": usage.ru_maxrss}, f)
    """

    /// argv: zip path, module path. 450 MiB of zeros (within the 500 MiB rule) deflated to ~450 KB.
    static let bombScript = """
    import sys, zipfile
    path, module = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(module + "@v1.0.0/go.mod", "module " + module + "\\n\\ngo 1.19\\n")
        with z.open(module + "@v1.0.0/zeros.bin", "w") as f:
            block = bytes(1 << 20)
            for _ in range(450):
                f.write(block)
    """
}
