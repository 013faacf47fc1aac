import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lab's helper programs, checked in under lab/ and built on first use into lab/bin/
/// (ignored by git). A built binary is named after a hash of its sources, so an edited
/// source is rebuilt and parallel builds never clash (each writes a temporary file, then renames).
public struct HelperPrograms: Sendable {
    /// The repository's lab/ directory, found from this source file's path.
    public let labDirectory: String

    public init(labDirectory: String? = nil) {
        self.labDirectory = labDirectory ?? HelperPrograms.defaultLabDirectory()
    }

    /// lab/goproxy/server.py: the GOPROXY server (HTTP or HTTPS, with fault rules).
    public var goProxyServer: String { labDirectory + "/goproxy/server.py" }
    /// lab/dns/responder.py: the SERVFAIL and dropping DNS servers.
    public var dnsResponder: String { labDirectory + "/dns/responder.py" }

    /// The delayer binary (C, libnetfilter_queue), built with gcc if needed.
    public func delayer() async throws -> String {
        try await build("delayer", sources: ["delayer/delayer.c"]) { source, output in
            ["gcc", "-O2", "-Wall", "-o", output, source + "/delayer/delayer.c", "-lnetfilter_queue"]
        }
    }

    /// The checksum-database binary (Go, GOPATH mode against golang.org/x/mod).
    public func sumdb() async throws -> String { try await goBuild("sumdb") }

    /// The module-tree writer (Go, GOPATH mode against golang.org/x/mod).
    public func modtree() async throws -> String { try await goBuild("modtree") }

    private func goBuild(_ name: String) async throws -> String {
        try await build(name, sources: ["\(name)/main.go"]) { source, output in
            ["go", "build", "-o", output, source + "/\(name)/main.go"]
        }
    }

    private func build(
        _ name: String, sources: [String], command: (String, String) -> [String]
    ) async throws -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the sources
        for source in sources {
            guard let data = FileManager.default.contents(atPath: labDirectory + "/" + source) else {
                throw LabError("build \(name)", "missing source \(labDirectory)/\(source)")
            }
            for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let bin = labDirectory + "/bin"
        let output = bin + "/\(name)-" + String(hash, radix: 16)
        if access(output, X_OK) == 0 { return output }
        try? FileManager.default.createDirectory(atPath: bin + "/out", withIntermediateDirectories: true)
        let temporary = output + ".tmp\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let environment = [
            "PATH": CommandRunner.path, "HOME": bin, "GO111MODULE": "off", "GOPATH": LabTool.goModRoot,
            "GOCACHE": bin + "/gocache", "GOFLAGS": "", "CGO_ENABLED": "0",
        ]
        let result = try await CommandRunner.run(
            command(labDirectory, temporary), environment: environment, workingDirectory: labDirectory,
            outputDirectory: bin + "/out", timeout: .seconds(120))
        guard result.succeeded, rename(temporary, output) == 0 else {
            unlink(temporary)
            throw LabError("build \(name)", result.description)
        }
        return output
    }

    private static func defaultLabDirectory(file: String = #filePath) -> String {
        // <repo>/Tests/LabKit/HelperPrograms.swift → <repo>/lab
        let repository = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.appendingPathComponent("lab").path
    }
}
