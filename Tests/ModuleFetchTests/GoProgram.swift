import Foundation

/// Builds and runs a small Go program in GOPATH mode against Debian's golang.org/x/mod
/// sources (no network, no modules), for differential tests against Go's own code.
enum GoProgram {
    static let xModSources = "/usr/share/gocode/src/golang.org/x/mod/sumdb"

    static var goBinary: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map { "\($0)/go" } + ["/usr/bin/go"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var available: Bool { goBinary != nil && FileManager.default.fileExists(atPath: xModSources) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Builds `source` (package main) into `directory/name` and returns the binary's path.
    static func build(_ source: String, name: String, in directory: URL) throws -> URL {
        guard let go = goBinary else { throw Failure(description: "go not installed") }
        let src = directory.appendingPathComponent("src/\(name)")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try source.write(to: src.appendingPathComponent("main.go"), atomically: true, encoding: .utf8)
        let binary = directory.appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: go)
        process.arguments = ["build", "-o", binary.path, "./src/\(name)"]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["GO111MODULE"] = "off"
        env["GOPATH"] = "/usr/share/gocode:" + directory.path
        env["GOFLAGS"] = ""
        env["GOPROXY"] = "off"
        env["GOTOOLCHAIN"] = "local"
        if env["GOCACHE"] == nil { env["GOCACHE"] = directory.appendingPathComponent("cache").path }
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "go build failed: " + String(decoding: message, as: UTF8.self))
        }
        return binary
    }

    /// Runs `binary` with `input` on stdin and returns its stdout.
    static func run(_ binary: URL, arguments: [String] = [], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(binary.lastPathComponent) exited \(process.terminationStatus)") }
        return data
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gomod-sumdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
