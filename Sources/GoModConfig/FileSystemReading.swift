import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The narrow view of the file system that configuration resolution needs. Handing it in
/// (rather than calling FileManager directly) keeps the resolver pure and lets tests describe
/// a whole machine — GOENV file, GOROOT, go.mod — as values.
public protocol FileSystemReading: Sendable {
    /// The file's bytes if it holds at most `limit` bytes; otherwise why not. Never reads more
    /// than `limit + 1` bytes, whatever the file's size.
    func read(_ path: String, limit: Int) -> FileReadOutcome
    func fileExists(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    /// The path with every symbolic link resolved (as filepath.EvalSymlinks), or the path itself.
    func resolvingSymlinks(_ path: String) -> String
}

extension FileSystemReading {
    /// The file's bytes when it could be read within `limit`; nil for absent, too large and
    /// unreadable alike — only for files whose absence and failure mean the same (GOROOT/VERSION).
    public func contents(of path: String, limit: Int = ConfigFileLimits.other) -> Data? {
        if case .contents(let data) = read(path, limit: limit) { return data }
        return nil
    }
}

/// The real file system.
public struct LocalFileSystem: FileSystemReading {
    public init() {}

    /// Checks the size first (fstat) and then reads at most `limit + 1` bytes, so a 10 GB
    /// file or /dev/zero costs no more than the limit. O_NONBLOCK keeps a FIFO from hanging.
    public func read(_ path: String, limit: Int) -> FileReadOutcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .absent : .unreadable(reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable(reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .absent }
        let declared = Int64(info.st_size)
        if declared > Int64(limit) { return .tooLarge(size: declared, limit: limit) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while data.count <= limit {
            let wanted = min(buffer.count, limit + 1 - data.count)
            let count = buffer.withUnsafeMutableBytes { raw in Self.systemRead(fd, raw.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { break }
                return .unreadable(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        if data.count > limit { return .tooLarge(size: max(declared, Int64(data.count)), limit: limit) }
        return .contents(data)
    }

    static func systemRead(_ fd: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, bytes, count)
        #else
        return Darwin.read(fd, bytes, count)
        #endif
    }

    public func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func resolvingSymlinks(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}

/// An in-memory file system: a machine described as values, for tests and for replaying a
/// snapshot taken elsewhere.
public struct InMemoryFileSystem: FileSystemReading {
    public var files: [String: Data]
    public var directories: Set<String>
    public var symlinks: [String: String]

    public init(files: [String: String] = [:], directories: Set<String> = [], symlinks: [String: String] = [:]) {
        self.files = files.mapValues { Data($0.utf8) }
        self.directories = directories
        self.symlinks = symlinks
    }

    public func read(_ path: String, limit: Int) -> FileReadOutcome {
        guard let data = files[path] else { return .absent }
        return data.count > limit ? .tooLarge(size: Int64(data.count), limit: limit) : .contents(data)
    }
    public func fileExists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }
    public func isDirectory(_ path: String) -> Bool {
        if directories.contains(path) { return true }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } || directories.contains { $0.hasPrefix(prefix) }
    }
    public func resolvingSymlinks(_ path: String) -> String { symlinks[path] ?? path }
}
