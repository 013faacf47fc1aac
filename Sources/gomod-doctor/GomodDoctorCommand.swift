import ArgumentParser
import Doctor

@main
struct GomodDoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gomod-doctor",
        abstract: "Find out why go mod download / go get / go mod tidy fails or crawls here.",
        version: DoctorVersion.string,
        subcommands: []
    )
}
