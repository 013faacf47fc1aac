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
    /// go.mod or go.sum files that exist but were not read (too large, unreadable): their
    /// contents are unknown, so nothing may be concluded from their absence.
    public var fileProblems: [ConfigFileProblem] = []

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
    ///
    /// With a `deadline`, parsing go.mod and go.sum stops once it passes: such a file is
    /// recorded in `fileProblems` as `timedOut` (its contents unknown), never as absent or
    /// malformed.
    public static func load(directory: String, fileSystem: any FileSystemReading,
                            deadline: ContinuousClock.Instant? = nil) -> ProjectSnapshot {
        var dir = GoPathClean.clean(directory)
        while true {
            let candidate = dir == "/" ? "/go.mod" : dir + "/go.mod"
            let outcome = fileSystem.read(candidate, limit: ConfigFileLimits.goMod)
            if case .contents(let data) = outcome {
                return load(moduleRoot: dir, goModPath: candidate, goModData: data, fileSystem: fileSystem, deadline: deadline)
            }
            if let problem = ConfigFileProblem(path: candidate, role: .goMod, outcome: outcome) {
                // The go command would use this go.mod (modload findModuleRoot): it is the main
                // module's, even though we could not read it.
                var snapshot = ProjectSnapshot(directory: dir, goModPath: candidate)
                snapshot.fileProblems.append(problem)
                snapshot.readGoSum(fileSystem: fileSystem, deadline: deadline)
                snapshot.hasVendorDirectory = fileSystem.isDirectory(String(candidate.dropLast("go.mod".count)) + "vendor")
                return snapshot
            }
            let parent = GoInstallation.parentDirectory(dir)
            if parent == dir || parent == "." { break }
            dir = parent
        }
        return ProjectSnapshot(directory: GoPathClean.clean(directory))
    }

    static func load(moduleRoot: String, goModPath: String, goModData: Data, fileSystem: any FileSystemReading,
                     deadline: ContinuousClock.Instant? = nil) -> ProjectSnapshot {
        var snapshot = ProjectSnapshot(directory: moduleRoot, goModPath: goModPath)
        do {
            snapshot.goMod = try GoModFile.parse(String(decoding: goModData, as: UTF8.self), fileName: goModPath, deadline: deadline)
        } catch where error.stoppedAtDeadline {
            snapshot.fileProblems.append(ConfigFileProblem(path: goModPath, role: .goMod, reason: .timedOut,
                                                           detail: error.line.map { "line \($0)" }))
        } catch {
            snapshot.goModError = error
        }
        snapshot.readGoSum(fileSystem: fileSystem, deadline: deadline)
        snapshot.hasVendorDirectory = fileSystem.isDirectory(String(goModPath.dropLast("go.mod".count)) + "vendor")
        return snapshot
    }

    /// go.sum beside go.mod: parsed, absent, or recorded in `fileProblems` when not read.
    mutating func readGoSum(fileSystem: any FileSystemReading, deadline: ContinuousClock.Instant? = nil) {
        guard let goModPath else { return }
        let sumPath = String(goModPath.dropLast("go.mod".count)) + "go.sum"
        let outcome = fileSystem.read(sumPath, limit: ConfigFileLimits.goSum)
        if case .contents(let data) = outcome {
            do {
                goSum = try GoSumFile.parse(String(decoding: data, as: UTF8.self), fileName: sumPath, deadline: deadline)
            } catch where error.stoppedAtDeadline {
                fileProblems.append(ConfigFileProblem(path: sumPath, role: .goSum, reason: .timedOut, detail: error.line.map { "line \($0)" }))
            } catch {
                goSumError = error
            }
        } else if let problem = ConfigFileProblem(path: sumPath, role: .goSum, outcome: outcome) {
            fileProblems.append(problem)
        }
    }

    /// The problem that kept `role`'s file from being read, if any.
    public func fileProblem(_ role: ConfigFileRole) -> ConfigFileProblem? {
        fileProblems.first { $0.role == role }
    }
}
