import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts processes in their own process group (so the lab can kill a server together with
/// everything it forked) with stdin/stdout/stderr on files, and waits for them without
/// blocking a thread of the cooperative pool (it polls `waitpid(WNOHANG)`).
struct ProcessLauncher: Sendable {
    /// Where a launched process reads and writes.
    struct Streams: Sendable {
        var stdin: String = "/dev/null"
        var stdout: String
        var stderr: String
    }

    /// Starts `argv` (argv[0] must be an absolute path) with exactly `environment`.
    static func launch(
        _ argv: [String], environment: [String: String], streams: Streams, workingDirectory: String?
    ) throws(LabError) -> pid_t {
        guard let first = argv.first, first.hasPrefix("/") else {
            throw LabError("spawn \(argv)", "argv[0] must be an absolute path")
        }
        // glibc's posix_spawn_file_actions_addchdir_np is not visible to Swift: let env(1) change directory.
        let argv = workingDirectory.map { [CommandRunner.resolve("env"), "-C", $0] + argv } ?? argv
        let executable = argv[0]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, streams.stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, streams.stdout, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, streams.stderr, O_WRONLY | O_CREAT | O_APPEND, 0o644)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)  // undo an inherited SIG_IGN (SIGPIPE)
        posix_spawnattr_setpgroup(&attributes, 0)  // own group: pgid == pid
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, cArgv, cEnv)
        guard status == 0 else {
            throw LabError("spawn \(executable)", String(cString: strerror(status)))
        }
        return pid
    }

    /// Reaps `pid` if it has ended; nil while it runs.
    static func reapIfExited(_ pid: pid_t) -> CommandResult.Termination? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { return termination(fromWaitStatus: status) }
        if result == -1 && errno == ECHILD { return .exited(-1) }  // already reaped elsewhere
        return nil
    }

    /// Waits until `pid` ends or `deadline` passes (then returns nil; the process still runs).
    static func wait(for pid: pid_t, until deadline: ContinuousClock.Instant) async -> CommandResult.Termination? {
        var interval = 1
        while true {
            if let termination = reapIfExited(pid) { return termination }
            if ContinuousClock.now >= deadline { return nil }
            await pause(milliseconds: interval)
            interval = min(interval * 2, 20)
        }
    }

    /// Sends `signal` to the whole process group led by `pid`.
    static func signalGroup(_ pid: pid_t, _ signal: Int32) {
        if kill(-pid, signal) != 0 { kill(pid, signal) }
    }

    /// Sleeps without throwing; in a cancelled task (where Task.sleep returns at once) it
    /// sleeps the thread briefly, so teardown loops still wait instead of spinning.
    static func pause(milliseconds: Int) async {
        if Task.isCancelled {
            usleep(useconds_t(milliseconds * 1000))
        } else {
            try? await Task.sleep(for: .milliseconds(milliseconds))
        }
    }

    /// The process start time (clock ticks since boot, /proc/PID/stat field 22): with the pid
    /// it identifies one process, so a reused pid is not mistaken for a lab process.
    static func startTime(of pid: pid_t) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is the state (field 3), so field 22 is fields[19].
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// Reads at most `limit` bytes of a file: the end of it when `tail`, else the start.
    static func readBounded(_ path: String, limit: Int, tail: Bool = false) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = tail && size > UInt64(limit) ? size - UInt64(limit) : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.read(upToCount: limit)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func termination(fromWaitStatus status: Int32) -> CommandResult.Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }
}
