import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a `GoEnvFileWriter` run killed midway can leave beside the GOENV file, and how to
/// recognise it without touching anything a person made.
enum GoEnvFileLeftovers {
    /// `.env.tmp-` for `env`: the writer's temporaries are `.env.tmp-<pid>-<random>`.
    static func temporaryPrefix(_ name: String) -> String { "." + name + ".tmp-" }

    /// The owning PID of a temporary file name, nil when the name is not the writer's.
    static func owner(of fileName: String, name: String) -> pid_t? {
        let prefix = temporaryPrefix(name)
        guard fileName.hasPrefix(prefix) else { return nil }
        let parts = fileName.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }

    /// Whether process `pid` still runs (EPERM: it runs under another user).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

extension GoEnvFileWriter {
    /// Removes (1) this writer's temporary files whose process is gone, or that are older than
    /// `staleAge`, and (2) backups that are still the live file itself (same inode): a run
    /// killed between making the backup link and the rename left a "backup" of a file that
    /// never changed. A backup of a completed run is the old inode, never the live one.
    func removeLeftovers(in directory: String, name: String, target: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let me = getpid()
        let cutoff = now().timeIntervalSince1970 - staleAge
        var live = stat()
        let hasLive = lstat(target, &live) == 0
        for fileName in names {
            let path = directory + "/" + fileName
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if let pid = GoEnvFileLeftovers.owner(of: fileName, name: name) {
                #if canImport(Glibc)
                let old = Double(info.st_mtim.tv_sec) < cutoff
                #else
                let old = Double(info.st_mtimespec.tv_sec) < cutoff
                #endif
                if pid != me && (old || !GoEnvFileLeftovers.isRunning(pid)) { unlink(path) }
            } else if hasLive, fileName.hasPrefix(name + ".bak-"),
                      info.st_dev == live.st_dev, info.st_ino == live.st_ino {
                unlink(path)
            }
        }
    }
}
