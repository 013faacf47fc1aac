import ArgumentParser
import Doctor
import Foundation
import GoModConfig
import Report

/// `gomod-doctor fix [dir] [--yes] [--check]`: the GOENV file change that the configuration
/// findings call for (with `--check`, then the `go env -w`/`-u` commands of the network
/// check's root causes), as a diff; written (atomically, with a backup) only with `--yes`.
/// Touches nothing but the GOENV file; without `--check` it sends nothing on the network.
struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Propose (and with --yes apply) GOENV file changes for configuration problems.",
        discussion: "Shows the change as a unified diff with credentials redacted. With --yes the file is replaced atomically and the old one kept as env.bak-<timestamp> beside it. With --check it first runs the same network check as `gomod-doctor check` and adds the go env changes of its root causes. Exit status: 0 nothing to do or applied, 1 changes proposed but not applied, 2 the file cannot be written (GOENV=off)."
    )

    @Argument(help: "Project directory (default: the current directory).")
    var directory: String?

    @Flag(name: .long, help: "Write the change to the GOENV file.")
    var yes = false

    @Flag(name: .long, help: "Run the network check first (as `gomod-doctor check`) and add its root causes' go env changes.")
    var check = false

    @Option(name: .long, help: "With --check: give up on the check after this many seconds (default 8).")
    var timeout: String?

    @Option(name: .long, help: "With --check: public resolvers to compare with the system resolver, as for `check` ('none' turns it off).")
    var resolver: [String] = []

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !check && (timeout != nil || !resolver.isEmpty) { throw ValidationError("--timeout and --resolver need --check") }
        if let timeout, CheckCommand.seconds(timeout) == nil {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
        if CheckCommand.publicResolvers(resolver) == nil {
            throw ValidationError("--resolver must be IP[:PORT] (or a comma list of them), or none, not \(resolver.joined(separator: ","))")
        }
    }

    /// `--timeout` as `check` reads it: a positive, finite number of seconds.
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let fileSystem = LocalFileSystem()
        let cwd = FileManager.default.currentDirectoryPath
        let directory = self.directory.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        let installation = GoInstallation.locate(environment: environment, hostOS: .current, fileSystem: fileSystem)
        var plan = FixPlan.converging(environment: environment, directory: directory, fileSystem: fileSystem,
                                      installation: installation)
        var checkPart: FixPlanReport.CheckPart?
        if check {
            let result = await CheckRun(environment: environment, directory: directory, fileSystem: fileSystem, installation: installation,
                                        timeoutSeconds: timeout.flatMap(CheckCommand.seconds) ?? 8,
                                        publicResolvers: CheckCommand.publicResolvers(resolver) ?? []).run()
            plan = plan.addingCheck(result.diagnosis.rootCauses, env: result.config.env,
                                    configFindingIDs: Set(result.config.findings.map(\.id)),
                                    advisoryFindingIDs: Set(result.config.findings.filter { $0.severity == .info }.map(\.id)))
            checkPart = FixPlanReport.CheckPart(status: CheckJSON.statusName(result.diagnosis.status),
                                                rootCauses: result.diagnosis.rootCauses.count, durationSeconds: result.durationSeconds)
        }
        var applied = false
        var backup: String?
        if yes, plan.refusal == nil, !plan.isEmpty, let path = plan.path {
            do {
                backup = try GoEnvFileWriter().write(plan.updated, to: path, expected: plan.original)
                applied = true
            } catch {
                TerminalOutput.error("gomod-doctor: \(error.description)\n")
                throw ExitCode(2)
            }
        }
        let report = FixPlanReport(plan, language: output.language(environment: environment), applied: applied, backup: backup,
                                   check: checkPart)
        if output.json {
            TerminalOutput.json(try report.json(), terminator: "")
        } else {
            TerminalOutput.text(FixPlanTextRenderer(language: report.language, style: output.style(environment: environment)).render(report), terminator: "")
        }
        if plan.refusal != nil && (!plan.isEmpty || !plan.environmentCommands.isEmpty) { throw ExitCode(2) }
        if !plan.isEmpty && !applied { throw ExitCode(1) }
    }
}
