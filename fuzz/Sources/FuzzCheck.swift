/// A violated property: traps with the property's text, which libFuzzer reports as a crash
/// and saves the input under its artifact prefix.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError("property violated: \(message())", file: file, line: line) }
}

/// Splits fuzz input into `count` text fields at NUL bytes (the last field takes the rest),
/// so one input drives a parser with several arguments. Missing fields are empty.
func fields(_ bytes: [UInt8], _ count: Int) -> [String] {
    var parts = bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    while parts.count < count { parts.append("") }
    return parts
}

/// Lines of `text` split on "\n" only, as the go command splits go.sum and GOENV files.
func newlineCount(_ bytes: some Collection<UInt8>) -> Int {
    bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
}
