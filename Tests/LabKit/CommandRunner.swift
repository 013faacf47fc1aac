import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one command to completion with a hard timeout, capturing bounded output through
/// files (no pipes: nothing can dead-lock on a full pipe, nothing leaks into other children).
struct CommandRunner: Sendable {
    /// The PATH every lab command gets: system directories only, so a namespace sees the
    /// Debian tools and not per-user shims.
    static let path = LabTool.systemDirectories.joined(separator: ":")

    /// Resolves a bare program name against the system directories, then `$PATH`.
    static func resolve(_ program: String) -> String {
        if program.hasPrefix("/") { return program }
        let pathDirectories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in LabTool.systemDirectories + pathDirectories {
            let candidate = directory + "/" + program
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return program
    }

    /// Runs `argv` (argv[0] resolved with `resolve`). `shownArgv` is what the result reports.
    /// Output files go to `outputDirectory`; each stream is read back up to `outputLimit` bytes.
    static func run(
        _ argv: [String], shownArgv: [String]? = nil, environment: [String: String],
        stdinPath: String? = nil, workingDirectory: String? = nil, outputDirectory: String,
        timeout: Duration, outputLimit: Int = 1 << 20
    ) async throws(LabError) -> CommandResult {
        guard let program = argv.first else { throw LabError("run", "empty argv") }
        let full = [resolve(program)] + argv.dropFirst()
        let stem = outputDirectory + "/" + UUID().uuidString.prefix(8) + "-" + (program as NSString).lastPathComponent
        let streams = ProcessLauncher.Streams(
            stdin: stdinPath ?? "/dev/null", stdout: stem + ".out", stderr: stem + ".err")
        let pid = try ProcessLauncher.launch(
            full, environment: environment, streams: streams, workingDirectory: workingDirectory)
        var timedOut = false
        var termination = await ProcessLauncher.wait(for: pid, until: .now + timeout)
        if termination == nil {
            timedOut = true
            ProcessLauncher.signalGroup(pid, SIGKILL)
            termination = await ProcessLauncher.wait(for: pid, until: .now + .seconds(5))
        }
        defer {
            unlink(streams.stdout)
            unlink(streams.stderr)
        }
        return CommandResult(
            argv: shownArgv ?? argv, termination: termination ?? .signaled(SIGKILL), timedOut: timedOut,
            stdout: ProcessLauncher.readBounded(streams.stdout, limit: outputLimit),
            stderr: ProcessLauncher.readBounded(streams.stderr, limit: outputLimit, tail: true))
    }
}
