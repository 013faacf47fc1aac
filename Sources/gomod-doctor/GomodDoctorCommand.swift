import ArgumentParser
import Doctor
import Foundation

@main
struct GomodDoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gomod-doctor",
        abstract: "Find out why go mod download / go get / go mod tidy fails or crawls on this machine.",
        discussion: "Start with `gomod-doctor env` to see the Go module configuration, where each value comes from, and how every requirement would be fetched.",
        version: DoctorVersion.string,
        subcommands: [CheckCommand.self, EnvCommand.self, FetchCommand.self, VerifyCommand.self, ProbeCommand.self,
                      ExplainCommand.self, FixCommand.self, DiffCommand.self,
                      DigCommand.self, PingCommand.self, TCPCommand.self, TLSCommand.self, HTTPCommand.self,
                      TraceCommand.self, SocketsCommand.self]
    )

    /// The one place that maps outcomes to exit codes: a usage error (unknown option, missing
    /// or invalid value) exits 3, as scripts expect, instead of ArgumentParser's 64; a command's
    /// own `ExitCode` (0 healthy, 1 warnings, 2 failures, …) passes through unchanged.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                TerminalOutput.error(fullMessage(for: error) + "\n")
                Foundation.exit(Self.usageErrorExitCode)
            }
            // A failure's message may quote a file or a peer: escaped like every other output.
            // ExitCode and help/version requests carry no such text and keep ArgumentParser's path.
            let message = fullMessage(for: error)
            if !(error is ExitCode), exitCode(for: error) != .success, !message.isEmpty {
                TerminalOutput.error(message + "\n")
                Foundation.exit(exitCode(for: error).rawValue)
            }
            exit(withError: error)
        }
    }

    static let usageErrorExitCode: Int32 = 3
}
