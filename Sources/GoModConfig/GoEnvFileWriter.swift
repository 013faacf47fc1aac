import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a new GOENV file so that a crash or SIGKILL at any point leaves the old file or the
/// new one, never half of one, and nothing that a later restore could mistake for a backup:
///
/// 1. temporary files of earlier runs that were killed (`.<name>.tmp-<pid>-<n>`, owner gone or
///    older than `staleAge`) and backups those runs left still linked to the live file are removed;
/// 2. the new text goes to a temporary file in the same directory, flushed, with the old
///    file's permission bits;
/// 3. only when the file exists, is not empty and really changes, the backup
///    `<file>.bak-<UTC timestamp>` is made as a hard link to the old file — atomic, never empty
///    or partial, no copy (a copy through a temporary file where links are not supported);
/// 4. the temporary file is renamed over the file and the directory is flushed.
///
/// A symbolic link is followed, so the link stays and its target is replaced.
public struct GoEnvFileWriter: Sendable {
    public var now: @Sendable () -> Date
    /// A temporary file older than this is stale even when its PID is alive again (PID reuse).
    public var staleAge: TimeInterval

    public init(now: @escaping @Sendable () -> Date = { Date() }, staleAge: TimeInterval = 300) {
        self.now = now
        self.staleAge = staleAge
    }

    /// Replaces the file at `path` with `text`. `expected` is the text the change was planned
    /// against: when the file no longer holds it, nothing is written. Returns the backup path
    /// (nil when there was nothing to back up: no file, an empty file, or no change).
    @discardableResult
    public func write(_ text: String, to path: String, expected: String) throws(ConfigInputError) -> String? {
        let target = resolvedPath(path)
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        removeLeftovers(in: directory, name: name, target: target)
        // Decoding never shrinks bytes (an invalid byte becomes a 3-byte U+FFFD), so a file
        // longer than `expected` in bytes cannot decode to it: read no more than that.
        let current: Data?
        switch LocalFileSystem().read(target, limit: expected.utf8.count) {
        case .contents(let data): current = data
        case .absent: current = nil
        case .tooLarge: throw ConfigInputError(input: path, message: "changed since the fix was planned; run gomod-doctor fix again")
        case .unreadable(let reason): throw ConfigInputError(input: path, message: "cannot read: \(reason)")
        }
        if String(decoding: current ?? Data(), as: UTF8.self) != expected {
            throw ConfigInputError(input: path, message: "changed since the fix was planned; run gomod-doctor fix again")
        }
        let updated = Data(text.utf8)
        if let current, current == updated { return nil }
        var mode: mode_t = 0o644
        if current != nil {
            var info = stat()
            if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw ConfigInputError(input: directory, message: "cannot create directory: \(error.localizedDescription)")
            }
        }
        let temporary = temporaryPath(directory: directory, name: name)
        try writeNew(updated, at: temporary, mode: mode)
        var backup: String?
        if let current, !current.isEmpty {
            do {
                backup = try makeBackup(of: target, contents: current, mode: mode, directory: directory, name: name)
            } catch {
                unlink(temporary)
                throw error
            }
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            if let backup { unlink(backup) }
            throw ConfigInputError(input: path, message: "cannot replace file: \(reason)")
        }
        syncDirectory(directory)
        return backup
    }

    /// `<target>.bak-<timestamp>[-n]`, created without ever replacing an existing file.
    func makeBackup(of target: String, contents: Data, mode: mode_t, directory: String, name: String) throws(ConfigInputError) -> String {
        let base = target + ".bak-" + Self.timestamp(now())
        for counter in 0..<1000 {
            let chosen = counter == 0 ? base : base + "-\(counter)"
            if link(target, chosen) == 0 { return chosen }
            if errno == EEXIST { continue }
            // No hard links here (some network and FUSE file systems): a flushed copy renamed
            // into place, so it appears whole or not at all.
            let copy = temporaryPath(directory: directory, name: name)
            try writeNew(contents, at: copy, mode: mode)
            var free = chosen
            var next = counter
            while FileManager.default.fileExists(atPath: free) {
                next += 1
                free = base + "-\(next)"
            }
            if rename(copy, free) == 0 { return free }
            let reason = String(cString: strerror(errno))
            unlink(copy)
            throw ConfigInputError(input: free, message: "cannot create backup: \(reason)")
        }
        throw ConfigInputError(input: base, message: "cannot create backup: 1000 backups with this timestamp exist")
    }

    /// Creates `path` (it must not exist), writes `data`, sets `mode` exactly, flushes.
    func writeNew(_ data: Data, at path: String, mode: mode_t) throws(ConfigInputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw ConfigInputError(input: path, message: "cannot create: \(String(cString: strerror(errno)))") }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Self.systemWrite(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if let failure {
            unlink(path)
            throw ConfigInputError(input: path, message: "cannot write: \(failure)")
        }
    }

    /// Flushes the directory entry changes (rename, link) so they survive a power loss.
    func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    func temporaryPath(directory: String, name: String) -> String {
        directory + "/" + GoEnvFileLeftovers.temporaryPrefix(name) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, bytes, count)
        #else
        return Darwin.write(fd, bytes, count)
        #endif
    }

    func resolvedPath(_ path: String) -> String {
        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return path }
        return destination.hasPrefix("/") ? destination : (path as NSString).deletingLastPathComponent + "/" + destination
    }

    /// `20261126T021500Z`: sorts by time, no characters that need quoting.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
