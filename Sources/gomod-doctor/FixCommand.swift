import ArgumentParser
import Doctor
import Foundation
import GoModConfig
import Report

/// `gomod-doctor fix [dir] [--yes]`: the GOENV file change that the configuration findings
/// call for, as a diff; written (atomically, with a backup) only with `--yes`. Touches
/// nothing but the GOENV file.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Propose (and with --yes apply) GOENV file changes for configuration problems.",
        discussion: "Shows the change as a unified diff with credentials redacted. With --yes the file is replaced atomically and the old one kept as env.bak-<timestamp> beside it. Exit status: 0 nothing to do or applied, 1 changes proposed but not applied, 2 the file cannot be written (GOENV=off)."
    )

    @Argument(help: "Project directory (default: the current directory).")
    var directory: String?

    @Flag(name: .long, help: "Write the change to the GOENV file.")
    var yes = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let fileSystem = LocalFileSystem()
        let cwd = FileManager.default.currentDirectoryPath
        let directory = self.directory.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        let installation = GoInstallation.locate(environment: environment, hostOS: .current, fileSystem: fileSystem)
        let plan = FixPlan.converging(environment: environment, directory: directory, fileSystem: fileSystem,
                                      installation: installation)
        var applied = false
        var backup: String?
        if yes, plan.refusal == nil, !plan.isEmpty, let path = plan.path {
            do {
                backup = try GoEnvFileWriter().write(plan.updated, to: path, expected: plan.original)
                applied = true
            } catch {
                FileHandle.standardError.write(Data("gomod-doctor: \(error.description)\n".utf8))
                throw ExitCode(2)
            }
        }
        let report = FixPlanReport(plan, language: output.language(environment: environment), applied: applied, backup: backup)
        if output.json {
            print(try report.json(), terminator: "")
        } else {
            print(FixPlanTextRenderer(language: report.language, style: output.style(environment: environment)).render(report), terminator: "")
        }
        if plan.refusal != nil && (!plan.isEmpty || !plan.environmentCommands.isEmpty) { throw ExitCode(2) }
        if !plan.isEmpty && !applied { throw ExitCode(1) }
    }
}
