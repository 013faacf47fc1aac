/// A unified diff (`diff -u` format, 3 lines of context) of two small texts, line by line,
/// each shown line passed through `redact` so credentials in the file never reach the screen.
/// GOENV files are a few lines; beyond `maximumLines` the whole file is one hunk.
public enum FixPlanDiff {
    public static let maximumLines = 2000

    enum Edit: Equatable { case same(String), removed(String), added(String) }

    public static func render(old: String, new: String, oldName: String, newName: String,
                              redact: (String) -> String = { $0 }) -> String {
        guard old != new else { return "" }
        let a = lines(old), b = lines(new)
        let edits = a.count > maximumLines || b.count > maximumLines
            ? a.map(Edit.removed) + b.map(Edit.added) : script(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { if case .same = $0 { return false } else { return true } }) else { break }
            let start = max(index, firstChange - 3)
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if case .same = edits[end] {
                    if end - lastChange > 6 { break }
                } else {
                    lastChange = end
                }
                end += 1
            }
            end = min(edits.count, lastChange + 4)
            let hunk = edits[start..<end]
            let oldStart = edits[..<start].filter { if case .added = $0 { return false } else { return true } }.count
            let newStart = edits[..<start].filter { if case .removed = $0 { return false } else { return true } }.count
            let oldCount = hunk.filter { if case .added = $0 { return false } else { return true } }.count
            let newCount = hunk.filter { if case .removed = $0 { return false } else { return true } }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                switch edit {
                case .same(let line): output += " " + redact(line) + "\n"
                case .removed(let line): output += "-" + redact(line) + "\n"
                case .added(let line): output += "+" + redact(line) + "\n"
                }
            }
            index = end
        }
        return output
    }

    static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : (count == 1 ? "\(start + 1)" : "\(start + 1),\(count)")
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Longest-common-subsequence edit script.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.added(b[j])); j += 1
            }
        }
        return edits
    }
}
