import Foundation
import Testing

/// Runs the built gomod-doctor as a user would (no lab namespace: for commands that need no
/// network, or only loopback), with exactly the environment given, and collects its exit
/// status, stdout and stderr. Both pipes are drained at once so neither can fill up and block.
enum DoctorProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String], in directory: URL, stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(EnvCommandEndToEndTests.binary, "gomod-doctor is not built"))
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let collected = PipeCollector(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: collected.finish())
    }

    /// Reads a pipe to its end on another thread.
    final class PipeCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func finish() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
