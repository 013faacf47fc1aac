import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A background process the lab started (a server, a delayer), leader of its own process group.
public struct LabProcess: Sendable, Hashable, CustomStringConvertible {
    /// A short label ("dnsmasq", "goproxy").
    public let name: String
    public let pid: pid_t
    /// The kernel's start time of `pid`: tells the process apart from a later one with the same pid.
    public let startTime: UInt64?
    /// The namespace it runs in (nil: the test process's own).
    public let namespace: String?
    public let stdoutPath: String
    public let stderrPath: String

    public var description: String { "\(name)[\(pid)]" }

    /// True while this very process (same pid, same start time) exists and has not exited.
    public var isAlive: Bool {
        guard let now = ProcessLauncher.startTime(of: pid) else { return false }
        guard startTime == nil || startTime == now else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[close...].hasPrefix(") Z")  // a zombie has ended
    }

    /// The last `limit` bytes of its stdout and stderr.
    public func output(limit: Int = 64 * 1024) -> (stdout: String, stderr: String) {
        (
            ProcessLauncher.readBounded(stdoutPath, limit: limit, tail: true),
            ProcessLauncher.readBounded(stderrPath, limit: limit, tail: true)
        )
    }

    /// SIGTERM to each process group, up to `grace` for them to end, then SIGKILL; reaps all.
    static func stopAll(_ processes: [LabProcess], grace: Duration = .milliseconds(1500)) async {
        var running = processes.filter { ProcessLauncher.reapIfExited($0.pid) == nil }
        running.forEach { ProcessLauncher.signalGroup($0.pid, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        while !running.isEmpty && ContinuousClock.now < deadline {
            await ProcessLauncher.pause(milliseconds: 10)
            running = running.filter { ProcessLauncher.reapIfExited($0.pid) == nil }
        }
        for process in running {
            ProcessLauncher.signalGroup(process.pid, SIGKILL)
            _ = await ProcessLauncher.wait(for: process.pid, until: .now + .seconds(5))
        }
    }
}
