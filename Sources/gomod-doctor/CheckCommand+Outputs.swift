import ArgumentParser
import Doctor
import Foundation
import GoModConfig
import Report

/// The options of `check` beyond the plain run: --list, --only, --markdown, --mermaid,
/// --from-error, and the live progress line.
extension CheckCommand {
    /// --json, --markdown and --mermaid exclude each other; --only names must be known.
    func outputUsageProblem() -> String? {
        let formats = [("--json", json), ("--markdown", markdown), ("--mermaid", mermaid)].filter(\.1).map(\.0)
        if formats.count > 1 { return formats.joined(separator: ", ") + " cannot be used together: choose one output format" }
        if list && (markdown || mermaid) { return "--list prints text or, with --json, JSON; not \(markdown ? "--markdown" : "--mermaid")" }
        do {
            _ = try CheckName.selection(only)
        } catch {
            return error.description
        }
        return nil
    }

    /// The explanations of the --from-error input; nil without the option. A missing,
    /// unreadable, empty or oversized input is a usage error (exit 3).
    func readFromError() throws -> [ErrorExplanation]? {
        guard let fromError else { return nil }
        switch CheckFromErrorInput.read(fromError) {
        case .success(let text):
            return ErrorExplanation.explainAll(text)
        case .failure(let problem):
            TerminalOutput.error("Error: \(problem.message)\n\(Self.usageString())\n")
            throw ExitCode(Self.usageExitCode)
        }
    }

    /// Live progress only on a terminal: stderr must be one, and a machine-readable format
    /// (--json, --markdown, --mermaid) must be going to one too, not to a pipe or file.
    var showsProgress: Bool {
        guard isatty(STDERR_FILENO) == 1 else { return false }
        if json || markdown || mermaid { return isatty(STDOUT_FILENO) == 1 }
        return true
    }

    func renderDiagram(_ result: CheckRun.Result, directory: String, installation: GoInstallation?, environment: [String: String],
                       language: Language, fromError: ExplainReport?) -> String {
        let catalog = MessageCatalog(language: language)
        if mermaid { return CheckMermaidRenderer(catalog: catalog).render(result) }
        let facts = CheckEnvironmentFacts.collect(config: result.config, installation: installation, environment: environment)
        return CheckMarkdownRenderer(catalog: catalog).render(result, directory: directory, environment: facts, fromError: fromError)
    }

    /// Text output: what --from-error found in the pasted error and what the check focused on,
    /// and which checks --only left out, before the report.
    func printFocus(_ result: CheckRun.Result, fromError: ExplainReport?, environment: [String: String]) {
        let catalog = MessageCatalog(language: fromError?.language ?? lang.flatMap(Language.init(argument:)) ?? Language.fromEnvironment(environment))
        let style = TerminalStyle.detect(environment: environment, isTerminal: isatty(STDOUT_FILENO) == 1)
        if let fromError, let focus = result.focus {
            TerminalOutput.text(ExplainTextRenderer(language: fromError.language, style: style).render(fromError))
            let none = catalog.text("ui.check.focus.none")
            TerminalOutput.text(style.bold(catalog.text("ui.check.focus", ["hosts": focus.hosts.isEmpty ? none : focus.hosts.joined(separator: ", "),
                                                             "modules": focus.modules.isEmpty ? none : focus.modules.joined(separator: ", ")])))
            TerminalOutput.text("")
        }
        let skipped = CheckName.allCases.filter { !result.selectedChecks.contains($0) }
        if !skipped.isEmpty {
            TerminalOutput.text(style.dim(catalog.text("ui.check.not-selected", ["names": skipped.map(\.rawValue).joined(separator: ", ")])))
            TerminalOutput.text("")
        }
    }
}
