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
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Self.usageErrorExitCode)
            }
            exit(withError: error)
        }
    }

    static let usageErrorExitCode: Int32 = 3
}
