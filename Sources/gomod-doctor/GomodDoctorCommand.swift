import ArgumentParser
import Doctor

@main
struct GomodDoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gomod-doctor",
        abstract: "Find out why go mod download / go get / go mod tidy fails or crawls on this machine.",
        discussion: "Start with `gomod-doctor env` to see the Go module configuration, where each value comes from, and how every requirement would be fetched.",
        version: DoctorVersion.string,
        subcommands: [EnvCommand.self, DigCommand.self, PingCommand.self, TCPCommand.self, TLSCommand.self, HTTPCommand.self,
                      TraceCommand.self, SocketsCommand.self, FetchCommand.self, ProbeCommand.self, ExplainCommand.self, FixCommand.self, DiffCommand.self, VerifyCommand.self, CheckCommand.self]
    )
}
