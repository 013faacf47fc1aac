/// Edits GOENV file text the way `go env -w` / `go env -u` do (cmd/go/internal/envcmd/env.go
/// updateEnvFile) but minimally: the effective (last) `KEY=` line is replaced in place, a new
/// key is appended, an unset removes every line of the key (an earlier duplicate would
/// otherwise become effective). Unlike the go command it does not sort blocks, so no line
/// other than the proposed ones changes.
public enum FixPlanFileEditor {
    public static func apply(_ edits: [(name: String, value: String?)], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hadFinalNewline = text.hasSuffix("\n") || text.isEmpty
        if lines.last == "" { lines.removeLast() }
        for edit in edits {
            let prefix = edit.name + "="
            if let value = edit.value {
                if let index = lines.lastIndex(where: { $0.hasPrefix(prefix) }) {
                    lines[index] = prefix + value
                } else {
                    lines.append(prefix + value)
                }
            } else {
                lines.removeAll { $0.hasPrefix(prefix) }
            }
        }
        if lines.isEmpty { return "" }
        let joined = lines.joined(separator: "\n")
        return hadFinalNewline || joined != text ? joined + "\n" : joined
    }
}
