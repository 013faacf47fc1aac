import Foundation

/// Blocking line reads from a pipe (the child answers at once, so a read never waits long).
struct LineReader {
    let handle: FileHandle
    var buffer: [UInt8] = []

    mutating func line() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeFirst(newline + 1)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer += chunk
        }
    }
}
