import Foundation

/// The main module as found on disk: go.mod, go.sum and whether vendor/ exists. Parse errors
/// are kept (with file, line and what was expected) rather than thrown, so a broken go.mod is
/// reported alongside everything else.
public struct ProjectSnapshot: Sendable, Equatable, Codable {
    public var directory: String
    public var goModPath: String?
    public var goMod: GoModFile?
    public var goModError: ConfigInputError?
    public var goSum: GoSumFile?
    public var goSumError: ConfigInputError?
    public var hasVendorDirectory: Bool

    public init(directory: String, goModPath: String? = nil, goMod: GoModFile? = nil, goModError: ConfigInputError? = nil,
                goSum: GoSumFile? = nil, goSumError: ConfigInputError? = nil, hasVendorDirectory: Bool = false) {
        self.directory = directory
        self.goModPath = goModPath
        self.goMod = goMod
        self.goModError = goModError
        self.goSum = goSum
        self.goSumError = goSumError
        self.hasVendorDirectory = hasVendorDirectory
    }

    /// Finds go.mod in `directory` or its parents (as the go command does), then reads go.sum
    /// and vendor/ beside it. A directory without go.mod gives a snapshot with no go.mod.
    public static func load(directory: String, fileSystem: any FileSystemReading) -> ProjectSnapshot {
        var dir = GoPathClean.clean(directory)
        while true {
            let candidate = dir == "/" ? "/go.mod" : dir + "/go.mod"
            if let data = fileSystem.contents(of: candidate) {
                return load(moduleRoot: dir, goModPath: candidate, goModData: data, fileSystem: fileSystem)
            }
            let parent = GoInstallation.parentDirectory(dir)
            if parent == dir || parent == "." { break }
            dir = parent
        }
        return ProjectSnapshot(directory: GoPathClean.clean(directory))
    }

    static func load(moduleRoot: String, goModPath: String, goModData: Data, fileSystem: any FileSystemReading) -> ProjectSnapshot {
        var snapshot = ProjectSnapshot(directory: moduleRoot, goModPath: goModPath)
        do {
            snapshot.goMod = try GoModFile.parse(String(decoding: goModData, as: UTF8.self), fileName: goModPath)
        } catch {
            snapshot.goModError = error
        }
        let sumPath = String(goModPath.dropLast("go.mod".count)) + "go.sum"
        if let data = fileSystem.contents(of: sumPath) {
            do {
                snapshot.goSum = try GoSumFile.parse(String(decoding: data, as: UTF8.self), fileName: sumPath)
            } catch {
                snapshot.goSumError = error
            }
        }
        snapshot.hasVendorDirectory = fileSystem.isDirectory(String(goModPath.dropLast("go.mod".count)) + "vendor")
        return snapshot
    }
}
