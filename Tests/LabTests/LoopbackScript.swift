import Foundation

/// A python3 helper serving on 127.0.0.1 inside the test's own namespace (lab/goproxy/server.py,
/// lab/dns/responder.py, or inline code) that prints, once bound, a first line ending with the
/// port it got ("serving http on 127.0.0.1:PORT", "…ready on 127.0.0.1:PORT" or just "PORT").
/// Stopped with SIGKILL: a child of the test runner inherits a signal mask that blocks SIGTERM.
final class LoopbackScript {
    let process = Process()
    let port: Int

    /// - Parameters: arguments for python3; name for the error when it does not start.
    init(_ arguments: [String], name: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = text.split(separator: ":").last.flatMap({ Int($0) }) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(name) did not start: \(text)"])
        }
        self.port = port
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
