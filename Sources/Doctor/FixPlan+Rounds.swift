import Foundation
import GoModConfig

extension FixPlan {
    /// Fixing one problem can uncover the next (a wrong GOSUMDB hides the private-module
    /// routing), so the plan is re-diagnosed against its own result until it proposes nothing
    /// more (at most `rounds` times). The result's changes are relative to `fileText`; a
    /// second `fix` after applying it proposes nothing.
    public static func converging(environment: [String: String], directory: String, hostOS: GoHostOS = .current,
                                  fileSystem: any FileSystemReading, installation: GoInstallation?,
                                  rounds: Int = 4) -> FixPlan {
        let first = ConfigDiagnosis.run(environment: environment, directory: directory, hostOS: hostOS,
                                        fileSystem: fileSystem, installation: installation)
        let path = first.env.envFile.path
        let original = path.flatMap { fileSystem.contents(of: $0, limit: ConfigFileLimits.goEnv) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        var plan = make(first, fileText: original)
        guard plan.refusal == nil, let path else { return plan }
        for _ in 1..<max(rounds, 1) {
            let overlay = FixPlanOverlayFileSystem(base: fileSystem, path: path, text: plan.updated)
            let next = make(ConfigDiagnosis.run(environment: environment, directory: directory, hostOS: hostOS,
                                                fileSystem: overlay, installation: installation), fileText: plan.updated)
            guard !next.changes.isEmpty else { break }
            plan = merged(plan, next)
        }
        return plan
    }

    /// `earlier` then `later`, with old values still those of the original file.
    static func merged(_ earlier: FixPlan, _ later: FixPlan) -> FixPlan {
        var result = earlier
        let originalFile = GoEnvFile.parse(Data(earlier.original.utf8), path: earlier.path ?? "")
        for change in later.changes {
            if let index = result.changes.firstIndex(where: { $0.variable == change.variable }) {
                result.changes[index].newValue = change.newValue
                result.changes[index].findings += change.findings.filter { !result.changes[index].findings.contains($0) }
            } else {
                var copy = change
                copy.oldValue = originalFile.entry(for: change.variable)?.value
                result.changes.append(copy)
            }
        }
        result.changes.removeAll { $0.oldValue == $0.newValue }
        result.skipped += later.skipped.filter { !result.skipped.contains($0) }
        result.environmentCommands += later.environmentCommands.filter { !result.environmentCommands.contains($0) }
        result.updated = later.updated
        return result
    }
}

/// The real file system with one file's contents replaced: lets a plan be re-diagnosed as
/// if it had been written, without writing it.
struct FixPlanOverlayFileSystem: FileSystemReading {
    var base: any FileSystemReading
    var path: String
    var text: String

    func read(_ path: String, limit: Int) -> FileReadOutcome {
        guard path == self.path else { return base.read(path, limit: limit) }
        let data = Data(text.utf8)
        return data.count > limit ? .tooLarge(size: Int64(data.count), limit: limit) : .contents(data)
    }
    func fileExists(_ path: String) -> Bool { path == self.path || base.fileExists(path) }
    func isDirectory(_ path: String) -> Bool { path == self.path ? false : base.isDirectory(path) }
    func resolvingSymlinks(_ path: String) -> String { base.resolvingSymlinks(path) }
}
