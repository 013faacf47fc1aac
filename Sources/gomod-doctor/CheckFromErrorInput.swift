import Foundation

/// Reads the go error text of `check --from-error FILE` (`-` = standard input), bounded in
/// size. Every problem is a usage error naming the file (exit 3).
enum CheckFromErrorInput {
    /// The most `--from-error` reads: 1 MiB, as `explain` (GoErrorSplitter.maximumInputBytes).
    static let maximumBytes = 1 << 20

    static func read(_ path: String) -> Result<String, UsageProblem> {
        let name = path == "-" ? "standard input" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readData(ofLength: maximumBytes + 1)
        } else {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                return .failure(UsageProblem("--from-error: cannot read \(name): no such file or not readable"))
            }
            defer { try? handle.close() }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return .failure(UsageProblem("--from-error: \(name) is a directory"))
            }
            data = handle.readData(ofLength: maximumBytes + 1)
        }
        if data.count > maximumBytes {
            return .failure(UsageProblem("--from-error: \(name) is larger than \(maximumBytes) bytes (1 MiB); paste only the go error"))
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(UsageProblem("--from-error: \(name) is empty; it should hold the go error text"))
        }
        return .success(text)
    }

    struct UsageProblem: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
