import Foundation

/// The narrow view of the file system that configuration resolution needs. Handing it in
/// (rather than calling FileManager directly) keeps the resolver pure and lets tests describe
/// a whole machine — GOENV file, GOROOT, go.mod — as values.
public protocol FileSystemReading: Sendable {
    /// The file's bytes, or nil when it does not exist or cannot be read.
    func contents(of path: String) -> Data?
    func fileExists(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    /// The path with every symbolic link resolved (as filepath.EvalSymlinks), or the path itself.
    func resolvingSymlinks(_ path: String) -> String
}

/// The real file system.
public struct LocalFileSystem: FileSystemReading {
    /// Files larger than this are treated as unreadable: configuration files are tiny, and a
    /// hostile or accidental multi-gigabyte file must not be loaded into memory.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = 64 << 20) {
        self.maximumFileSize = maximumFileSize
    }

    public func contents(of path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maximumFileSize + 1) else { return nil }
        return data.count > maximumFileSize ? nil : data
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

    public func contents(of path: String) -> Data? { files[path] }
    public func fileExists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }
    public func isDirectory(_ path: String) -> Bool {
        if directories.contains(path) { return true }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } || directories.contains { $0.hasPrefix(prefix) }
    }
    public func resolvingSymlinks(_ path: String) -> String { symlinks[path] ?? path }
}
