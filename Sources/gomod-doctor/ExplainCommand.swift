import ArgumentParser
import Doctor
import Foundation
import GoModConfig
import Report

/// `gomod-doctor explain "<go error text>"` (or stdin): what a pasted go error means, which
/// layer broke, and what to run next.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a pasted go error: module, host, broken layer, cause and the next command.",
        discussion: "Reads standard input when no text is given or the text is '-'. Several errors in the input are explained one by one."
    )

    @Argument(help: "The go error text (default: read standard input).")
    var text: [String] = []

    @OptionGroup var output: OutputOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let input: String
        var inputBytes: Int?
        if text.isEmpty || text == ["-"] {
            // One byte past the limit: enough to tell the person that the input was cut.
            let data = FileHandle.standardInput.readData(ofLength: GoErrorSplitter.maximumInputBytes + 1)
            inputBytes = data.count
            input = String(decoding: data.prefix(GoErrorSplitter.maximumInputBytes), as: UTF8.self)
        } else {
            input = text.joined(separator: " ")
        }
        // The same resolution as `env` (ConfigDiagnosis.run): environment, GOENV file, GOROOT/go.env.
        let installation = GoInstallation.locate(environment: environment, hostOS: .current, fileSystem: LocalFileSystem())
        let goEnv = GoEnvResolver(environment: environment, hostOS: .current, fileSystem: LocalFileSystem(), installation: installation).resolve()
        let report = ExplainReport(ErrorExplanation.explainAllReporting(input, inputBytes: inputBytes, env: goEnv), language: output.language(environment: environment))
        if output.json {
            TerminalOutput.json(try report.json(), terminator: "")
        } else {
            TerminalOutput.text(ExplainTextRenderer(language: report.language, style: output.style(environment: environment)).render(report), terminator: "")
        }
    }
}
