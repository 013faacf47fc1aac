import Foundation
import Testing

/// Runs the built gomod-doctor through lab/measure.py: its output, exit status, wall time and
/// the peak resident set of that process alone — what the hostile-peer tests bound ("within the
/// deadline + 1 s, under 100 MiB whatever the peer sends"). A run still going after `killAfter`
/// seconds is killed so a regression fails the test instead of hanging the suite.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double
    var peakRSSMiB: Double
    /// The guard had to kill it.
    var killed: Bool

    static func doctor(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                       killAfter: Double = 60) throws -> MeasuredRun {
        let binary = try #require(EnvCommandEndToEndTests.binary, "gomod-doctor is not built")
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("gd-measure-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        var base = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "LANG": "C", "NO_COLOR": "1",
                    "GOTOOLCHAIN": "local", "GOENV": "off"]
        base.merge(environment) { _, new in new }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = EnvCommandEndToEndTests.packageRoot.appendingPathComponent("lab/measure.py").path
        process.arguments = ["python3", script, report.path, "--kill-after", String(killAfter), "--", binary] + arguments
        process.environment = base
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let collected = DoctorProcess.PipeCollector(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = (try String(contentsOf: report, encoding: .utf8)).split(separator: " ")
        let seconds = try #require(fields.first.flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        let kib = try #require(fields.dropFirst().first.flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        return MeasuredRun(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: collected.finish(),
                           seconds: seconds, peakRSSMiB: kib / 1024, killed: fields.count > 2)
    }
}
