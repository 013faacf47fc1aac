import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a new GOENV file atomically: the old file is first copied to
/// `<file>.bak-<UTC timestamp>` beside it (same permissions), then the new text goes to a
/// temporary file in the same directory, is flushed, given the old file's permission bits,
/// and renamed over the file — a crash leaves either the old or the new file, never half of
/// one. A symbolic link is followed, so the link stays and its target is replaced.
public struct GoEnvFileWriter: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Replaces the file at `path` with `text`. `expected` is the text the change was planned
    /// against: when the file no longer holds it, nothing is written. Returns the backup path
    /// (nil when there was no file to back up).
    @discardableResult
    public func write(_ text: String, to path: String, expected: String) throws(ConfigInputError) -> String? {
        let target = resolvedPath(path)
        let current = FileManager.default.contents(atPath: target)
        if String(decoding: current ?? Data(), as: UTF8.self) != expected {
            throw ConfigInputError(input: path, message: "changed since the fix was planned; run gomod-doctor fix again")
        }
        let directory = (target as NSString).deletingLastPathComponent
        var mode: mode_t = 0o644
        var backup: String?
        if let current {
            var info = stat()
            if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }
            let candidate = target + ".bak-" + Self.timestamp(now())
            var chosen = candidate
            var counter = 1
            while FileManager.default.fileExists(atPath: chosen) {
                chosen = candidate + "-\(counter)"
                counter += 1
            }
            try writeNew(current, at: chosen, mode: mode)
            backup = chosen
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw ConfigInputError(input: directory, message: "cannot create directory: \(error.localizedDescription)")
            }
        }
        let temporary = directory + "/." + (target as NSString).lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try writeNew(Data(text.utf8), at: temporary, mode: mode)
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ConfigInputError(input: path, message: "cannot replace file: \(reason)")
        }
        return backup
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
