import Foundation
import Report

/// The only way this program writes to stdout or stderr. Text goes through
/// `TerminalText.forTerminal` (peer- and file-controlled characters escaped, our own colours
/// kept); JSON through `TerminalText.jsonSafe` (exact values, no raw control characters).
/// Plain `print` is unavailable in this module (below), so no output can skip the escape.
enum TerminalOutput {
    /// Rendered text (with `TerminalStyle` marks) to stdout.
    static func text(_ rendered: String, terminator: String = "\n") {
        Swift.print(TerminalText.forTerminal(rendered), terminator: terminator)
    }

    /// An encoded JSON document to stdout.
    static func json(_ document: String, terminator: String = "\n") {
        Swift.print(TerminalText.jsonSafe(document), terminator: terminator)
    }

    /// Text to stderr (errors, the progress line).
    static func error(_ rendered: String) {
        FileHandle.standardError.write(Data(TerminalText.forTerminal(rendered).utf8))
    }
}

/// Shadows `Swift.print` in this module: every output must choose `TerminalOutput.text` or
/// `TerminalOutput.json`, so a new print cannot bypass the terminal escape.
@available(*, unavailable, message: "write through TerminalOutput.text or TerminalOutput.json")
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}
