import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Lab {
    /// Runs `argv` inside `host` (nil: in the test process's own namespace) and waits for it,
    /// killing its whole process group at `timeout`. The environment is exactly: a system
    /// PATH, LANG=C.UTF-8, HOME=<scratch>/home, then `environment` (nothing is inherited
    /// from the test process, so GOPROXY or proxy variables of the machine never leak in).
    /// `stdin` is written to a file and fed to the command. Output is kept up to `outputLimit` bytes per stream.
    public func run(
        in host: LabHost?, _ argv: [String], environment: [String: String] = [:], stdin: String? = nil,
        workingDirectory: String? = nil, timeout: Duration = .seconds(30), outputLimit: Int = 1 << 20
    ) async throws(LabError) -> CommandResult {
        var stdinPath: String?
        if let stdin {
            let path = scratchPath("stdin")
            do { try stdin.write(toFile: path, atomically: false, encoding: .utf8) } catch {
                throw LabError("write stdin for \(argv)", "\(error)")
            }
            stdinPath = path
        }
        return try await CommandRunner.run(
            wrapped(argv, in: host), shownArgv: argv, environment: commandEnvironment(environment),
            stdinPath: stdinPath, workingDirectory: workingDirectory, outputDirectory: directory + "/out",
            timeout: timeout, outputLimit: outputLimit)
    }

    /// Starts a background process in `host` (its own process group, stopped at teardown)
    /// and waits until it is `ready`. Throws, with its output, if it exits or is not ready
    /// within `readyTimeout`.
    @discardableResult
    public func spawn(
        _ name: String, in host: LabHost?, _ argv: [String], environment: [String: String] = [:],
        workingDirectory: String? = nil, ready: Readiness = .immediately, readyTimeout: Duration = .seconds(10)
    ) async throws -> LabProcess {
        guard !tornDown else { throw LabError("spawn \(name)", "the lab has been torn down") }
        let stem = scratchPath(name)
        let streams = ProcessLauncher.Streams(stdout: stem + ".out", stderr: stem + ".err")
        var full = wrapped(argv, in: host)
        full[0] = CommandRunner.resolve(full[0])
        let pid = try ProcessLauncher.launch(
            full, environment: commandEnvironment(environment), streams: streams, workingDirectory: workingDirectory)
        let process = LabProcess(
            name: name, pid: pid, startTime: ProcessLauncher.startTime(of: pid), namespace: host?.namespace,
            stdoutPath: streams.stdout, stderrPath: streams.stderr)
        processes.append(process)
        try await waitUntilReady(process, in: host, ready, deadline: .now + readyTimeout)
        return process
    }

    /// Stops one background process (SIGTERM, then SIGKILL after `grace`).
    public func stop(_ process: LabProcess, grace: Duration = .milliseconds(1500)) async {
        await LabProcess.stopAll([process], grace: grace)
    }

    /// True when something listens on `port` (TCP, or UDP when `udp`) inside `host`.
    public func isListening(in host: LabHost, port: Int, udp: Bool = false) async throws -> Bool {
        let result = try await run(in: host, ["ss", udp ? "-Hlun" : "-Hltn", "sport = :\(port)"]).check()
        return !result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    private func waitUntilReady(
        _ process: LabProcess, in host: LabHost?, _ ready: Readiness, deadline: ContinuousClock.Instant
    ) async throws {
        while true {
            if let ended = ProcessLauncher.reapIfExited(process.pid) {
                let output = process.output(limit: 4096)
                throw LabError("start \(process.name)", "exited (\(ended)) before it was ready: \(output.stderr)\(output.stdout)")
            }
            if try await isReady(process, in: host, ready) { return }
            guard ContinuousClock.now < deadline else {
                let output = process.output(limit: 4096)
                throw LabError("start \(process.name)", "not ready (\(ready)) in time: \(output.stderr)\(output.stdout)")
            }
            await ProcessLauncher.pause(milliseconds: 20)
        }
    }

    private func isReady(_ process: LabProcess, in host: LabHost?, _ ready: Readiness) async throws -> Bool {
        switch ready {
        case .immediately:
            return true
        case .tcpPort(let port), .udpPort(let port):
            guard let host else { throw LabError("readiness of \(process.name)", "port checks need a host") }
            if case .udpPort = ready { return try await isListening(in: host, port: port, udp: true) }
            return try await isListening(in: host, port: port)
        case .outputContains(let text):
            let output = process.output()
            return output.stdout.contains(text) || output.stderr.contains(text)
        }
    }

    private func wrapped(_ argv: [String], in host: LabHost?) -> [String] {
        guard let host else { return argv }
        return ["ip", "netns", "exec", host.namespace, CommandRunner.resolve(argv.first ?? "")] + argv.dropFirst()
    }

    private func commandEnvironment(_ extra: [String: String]) -> [String: String] {
        ["PATH": CommandRunner.path, "LANG": "C.UTF-8", "HOME": directory + "/home"].merging(extra) { $1 }
    }
}
