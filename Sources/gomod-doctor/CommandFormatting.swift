import Foundation

/// Output formatting every command shares: one JSON style (pretty, sorted keys, unescaped
/// slashes, so documents diff cleanly) and one way to print durations.
enum CommandFormatting {
    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// "12.3 ms" from seconds.
    static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.1f ms", seconds * 1000)
    }
}
