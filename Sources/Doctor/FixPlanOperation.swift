/// One change a finding's fix makes to a go variable, read back from its commands:
/// `go env -w NAME=VALUE` and `go env -u NAME` change the GOENV file; `export`, `unset`
/// and `set` change the shell environment; anything else (`go mod tidy`) is neither.
public enum FixPlanOperation: Sendable, Equatable, Codable {
    case set(name: String, value: String)
    case unset(name: String)
    case environment(name: String, command: String)
    case other(command: String)

    /// Reads one command as FixCommands writes it (POSIX single quotes).
    public static func parse(_ command: String) -> FixPlanOperation {
        if command.hasPrefix("go env -w "), let assignment = unquote(String(command.dropFirst("go env -w ".count))),
           let equals = assignment.firstIndex(of: "=") {
            return .set(name: String(assignment[..<equals]), value: String(assignment[assignment.index(after: equals)...]))
        }
        if command.hasPrefix("go env -u ") {
            let name = command.dropFirst("go env -u ".count)
            if isVariableName(name) { return .unset(name: String(name)) }
        }
        for prefix in ["export ", "unset ", "set "] where command.hasPrefix(prefix) {
            let name = command.dropFirst(prefix.count).prefix { $0 != "=" }
            if isVariableName(name) { return .environment(name: String(name), command: command) }
        }
        return .other(command: command)
    }

    /// The value an `export NAME=value` line (as FixCommands.environmentLine writes it) gives;
    /// nil for any other line.
    static func exportedValue(_ command: String) -> String? {
        guard command.hasPrefix("export "), let assignment = unquote(String(command.dropFirst("export ".count))),
              let equals = assignment.firstIndex(of: "=") else { return nil }
        return String(assignment[assignment.index(after: equals)...])
    }

    static func isVariableName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
    }

    /// Undoes FixCommands.shellQuoted on a `NAME=value` or `NAME='va'\''lue'` word; nil when
    /// the word holds shell syntax it does not produce.
    static func unquote(_ word: String) -> String? {
        var output = ""
        var inQuotes = false
        var index = word.startIndex
        while index < word.endIndex {
            let char = word[index]
            if char == "'" {
                inQuotes.toggle()
            } else if !inQuotes && char == "\\" {
                index = word.index(after: index)
                guard index < word.endIndex else { return nil }
                output.append(word[index])
            } else if !inQuotes && " \t;&|$`\"".contains(char) {
                return nil
            } else {
                output.append(char)
            }
            index = word.index(after: index)
        }
        return inQuotes ? nil : output
    }
}
