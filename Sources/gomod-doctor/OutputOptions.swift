import ArgumentParser
import Foundation
import Report

/// Options every reporting subcommand shares.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the versioned JSON document instead of text.")
    var json = false

    @Option(name: .long, help: "Output language: en or zh (default from LC_ALL/LANG).")
    var lang: String?

    func validate() throws {
        if let lang, Language(argument: lang) == nil {
            throw ValidationError("--lang must be en or zh, not \(lang)")
        }
    }

    func language(environment: [String: String]) -> Language {
        lang.flatMap(Language.init(argument:)) ?? Language.fromEnvironment(environment)
    }

    func style(environment: [String: String]) -> TerminalStyle {
        TerminalStyle.detect(environment: environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    }
}
