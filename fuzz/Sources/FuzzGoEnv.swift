import Foundation
import GoModConfig

/// GOENV file (GoEnvFile): every line is an entry or an ignored line, in order; keys start
/// with A–Z and hold no `=`; values hold no newline; the entries printed back (`KEY=VALUE`)
/// parse to the same entries.
@Sendable func fuzzGoEnv(_ bytes: [UInt8]) {
    let file = GoEnvFile.parse(Data(bytes), path: "env")
    var lines = newlineCount(bytes) + 1
    if bytes.last == UInt8(ascii: "\n") || bytes.isEmpty { lines -= 1 }
    require(file.entries.count + file.ignoredLines.count == lines,
            "\(file.entries.count) entries + \(file.ignoredLines.count) ignored != \(lines) lines")
    let numbers = (file.entries.map(\.line) + file.ignoredLines.map(\.line)).sorted()
    require(numbers == Array(0..<lines).map { $0 + 1 }, "line numbers are not 1...\(lines)")
    for entry in file.entries {
        require(entry.key.unicodeScalars.first.map { $0 >= "A" && $0 <= "Z" } == true, "key does not start with A-Z")
        require(!entry.key.contains("=") && !entry.key.contains("\n") && !entry.value.contains("\n"), "key or value spans lines")
    }
    let printed = file.entries.map { "\($0.key)=\($0.value)\n" }.joined()
    let again = GoEnvFile.parse(Data(printed.utf8), path: "env")
    require(again.ignoredLines.isEmpty, "printed entries are ignored")
    require(again.entries.map { [$0.key, $0.value] } == file.entries.map { [$0.key, $0.value] }, "entries changed")
    if let last = file.entries.last {
        require(again.entry(for: last.key)?.value == file.entry(for: last.key)?.value, "last-wins lookup differs")
    }
}
