import ArgumentParser
import Doctor
import Foundation
import GoModConfig
import Report

/// `gomod-doctor env [dir]`: the resolved Go configuration with provenance, the route of every
/// requirement, and configuration findings with exact fixes.
struct EnvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Show the effective Go module configuration, each module's route, and configuration problems."
    )

    @Argument(help: "Project directory (default: the current directory; go.mod is searched upwards).")
    var directory: String?

    @OptionGroup var output: OutputOptions

    @Flag(name: .long, inversion: .prefixedNo, help: "Compare with `go env -json` when a go command is on PATH.")
    var goEnv = true

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let fileSystem = LocalFileSystem()
        let directory = absolute(self.directory ?? FileManager.default.currentDirectoryPath)
        let installation = GoInstallation.locate(environment: environment, hostOS: .current, fileSystem: fileSystem)
        var goCommandEnv: [String: String]?
        if goEnv, let executable = installation?.executable {
            goCommandEnv = try? GoCommandEnvReader.read(executable: executable, environment: environment,
                                                        workingDirectory: directory).get()
        }
        let diagnosis = ConfigDiagnosis.run(environment: environment, directory: directory, fileSystem: fileSystem,
                                            installation: installation, goCommandEnv: goCommandEnv)
        let report = EnvReport(diagnosis, language: output.language(environment: environment))
        if output.json {
            TerminalOutput.json(try report.json(), terminator: "")
        } else {
            TerminalOutput.text(EnvTextRenderer(language: report.language, style: output.style(environment: environment)).render(report), terminator: "")
        }
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
