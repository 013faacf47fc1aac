import ArgumentParser
import Doctor
import Foundation
import Report

/// `gomod-doctor diff a.json b.json`: configuration drift between two `env --json`
/// snapshots (developer vs CI). Exit status 0 when they agree, 1 when they differ.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two `gomod-doctor env --json` snapshots: variables, routes, findings, Go version.",
        discussion: "Exit status: 0 no drift, 1 drift found, 3 a file cannot be read."
    )

    @Argument(help: "The first snapshot (e.g. the developer's).")
    var left: String

    @Argument(help: "The second snapshot (e.g. CI's).")
    var right: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = output.language(environment: environment)
        let snapshots = try [left, right].map { try load($0, language: language) }
        let report = EnvDiffReport(left: left, right: right, diff: EnvDiff.compare(snapshots[0], snapshots[1]))
        if output.json {
            TerminalOutput.json(try report.json(), terminator: "")
        } else {
            TerminalOutput.text(EnvDiffTextRenderer(language: language, style: output.style(environment: environment)).render(report), terminator: "")
        }
        if !report.identical { throw ExitCode(1) }
    }

    func load(_ path: String, language: Language) throws -> EnvDiffSnapshot {
        do {
            return try EnvDiffSnapshot.load(path: path)
        } catch {
            TerminalOutput.error(MessageCatalog(language: language).text(error.messageKey, error.arguments) + "\n")
            throw ExitCode(3)
        }
    }
}
