import Foundation
import LabKit
import Testing

extension CheckScenarioSetup {
    /// Has the go command write go.sum for every requirement, through the (still healthy) lab
    /// proxy and checksum database, then empties the module cache so the next download fetches
    /// again. `go mod download` without arguments saves only the go.mod sums; with explicit
    /// arguments (here `all`) it saves the zip sums too (cmd/go/internal/modcmd/download.go,
    /// "If there were explicit arguments, update go.mod and especially go.sum" — measured with
    /// Go 1.19.8). The lines must equal the lab's own (x/mod dirhash) hashes: checked here.
    /// Returns go.sum's lines.
    @discardableResult
    func recordGoSum() async throws -> [String] {
        let result = try await lab.run(in: chain.client, ["go", "mod", "download", "all"], environment: environment,
                                       workingDirectory: work + "/wd", timeout: .seconds(40))
        try #require(result.succeeded, "go mod download all (to write go.sum): \(result.stderr.prefix(2000))")
        let written = try String(contentsOfFile: work + "/wd/go.sum", encoding: .utf8)
        let lines = written.split(separator: "\n").map(String.init)
        let known = Set(try String(contentsOfFile: tree.goSumPath, encoding: .utf8).split(separator: "\n").map(String.init))
        let requirements = try String(contentsOfFile: work + "/wd/go.mod", encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("\t") }.count
        try #require(lines.count == 2 * requirements && lines.allSatisfy(known.contains),
                     "go.sum written by go (\(lines)) differs from the lab's hashes (\(known.sorted()))")
        try await clearModuleCache()
        return lines
    }
}
