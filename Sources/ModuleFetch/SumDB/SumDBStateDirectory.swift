import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// gomod-doctor's own checksum-database state on disk (never the go command's): the last
/// signed tree head seen per database (`config/<name>/latest`) and authenticated lookups and
/// tiles (`cache/<name>/…`). Keeping the latest head across runs is what lets a later run
/// catch a database that forked or rewrote its history since.
///
/// Location: `GOMOD_DOCTOR_STATE_DIR`, else `$XDG_STATE_HOME/gomod-doctor`, else
/// `~/.local/state/gomod-doctor`, each with `/sumdb` appended.
public struct SumDBStateDirectory: Sendable, Equatable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The default location for `environment` (see the type's documentation); nil when
    /// neither an override, XDG_STATE_HOME nor HOME is set.
    public static func resolve(environment: [String: String]) -> SumDBStateDirectory? {
        if let dir = environment["GOMOD_DOCTOR_STATE_DIR"], !dir.isEmpty { return .init(root: dir + "/sumdb") }
        if let dir = environment["XDG_STATE_HOME"], dir.hasPrefix("/") { return .init(root: dir + "/gomod-doctor/sumdb") }
        if let home = environment["HOME"], !home.isEmpty { return .init(root: home + "/.local/state/gomod-doctor/sumdb") }
        return nil
    }

    /// The stored configuration file, empty when absent.
    public func readConfig(_ file: String) -> Result<[UInt8], ModuleFetchError> {
        guard let path = path("config", file) else { return .failure(Self.badName(file)) }
        guard FileManager.default.fileExists(atPath: path) else { return .success([]) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ModuleFetchError("transport", "reading \(path): permission denied or unreadable"))
        }
        return .success(Array(data))
    }

    /// Compare-and-swap under an exclusive `flock` on `<file>.lock`, so concurrent runs merge.
    public func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) -> Result<Bool, ModuleFetchError> {
        guard let path = path("config", file) else { return .failure(Self.badName(file)) }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            return .failure(ModuleFetchError("transport", "creating state directory: \(error.localizedDescription)"))
        }
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else { return .failure(ModuleFetchError("transport", "locking \(path): errno \(errno)")) }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        let current = FileManager.default.contents(atPath: path).map(Array.init) ?? []
        guard current == old else { return .success(false) }
        return write(new, to: path).map { true }
    }

    /// A cached lookup or tile, nil when absent.
    public func readCache(_ file: String) -> [UInt8]? {
        path("cache", file).flatMap { FileManager.default.contents(atPath: $0) }.map(Array.init)
    }

    /// Stores an authenticated lookup or tile; failures only cost a later refetch.
    public func writeCache(_ file: String, data: [UInt8]) {
        guard let path = path("cache", file) else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        _ = write(data, to: path)
    }

    /// `root/kind/file`, refusing names that could leave the directory.
    func path(_ kind: String, _ file: String) -> String? {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        return root + "/" + kind + "/" + file
    }

    /// Write to a temporary file and rename: readers never see half a file.
    private func write(_ data: [UInt8], to path: String) -> Result<Void, ModuleFetchError> {
        let temporary = path + ".tmp\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(data)),
              rename(temporary, path) == 0 else {
            unlink(temporary)
            return .failure(ModuleFetchError("transport", "writing \(path) failed"))
        }
        return .success(())
    }

    static func badName(_ file: String) -> ModuleFetchError {
        ModuleFetchError("invalid-response", "invalid state file name \(file)")
    }
}
