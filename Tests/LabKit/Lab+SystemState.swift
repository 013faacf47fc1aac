import Foundation

extension Lab {
    /// What this machine lacks for a lab using `tools` (empty: ready). Same as `LabTool.missing`.
    public static func requirements(_ tools: Set<LabTool> = LabTool.all) -> [String] {
        LabTool.missing(tools)
    }

    /// Deletes what crashed lab runs left (namespaces, /etc/netns and scratch directories whose
    /// owner process is dead); returns the namespaces deleted. `Lab.with` does this first anyway.
    @discardableResult
    public static func sweepLeftovers() async -> [String] {
        await LabSweeper.sweep()
    }

    /// The names `ip netns list` shows now (every run's, not only this lab's).
    public static func namedNamespaces() async throws -> [String] {
        try await systemCommand(["ip", "netns", "list"]).split(separator: "\n")
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The interface names in the test process's own network namespace.
    public static func interfacesOfTestProcess() async throws -> [String] {
        try await systemCommand(["ip", "-o", "link", "show"]).split(separator: "\n").compactMap { line in
            // "2: name@peer: <…>" → "name"
            let fields = line.split(separator: ":", maxSplits: 2)
            guard fields.count > 1 else { return nil }
            return String(fields[1].trimmingCharacters(in: .whitespaces).split(separator: "@").first ?? "")
        }
    }

    private static func systemCommand(_ argv: [String]) async throws -> String {
        let scratch = scratchRoot + "/.sweep"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        return try await CommandRunner.run(
            argv, environment: ["PATH": CommandRunner.path], outputDirectory: scratch, timeout: .seconds(10)
        ).check().stdout
    }
}
