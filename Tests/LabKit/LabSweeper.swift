import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes what crashed lab runs left behind, and deletes one namespace for a live lab.
///
/// A leftover is a namespace, /etc/netns directory or scratch directory with the lab's name
/// pattern whose owner (the test process recorded in <scratch>/owner) is no longer alive;
/// namespaces of labs still running elsewhere on the machine are never touched.
enum LabSweeper {
    static let ipTimeout: Duration = .seconds(10)

    /// Sweeps leftovers; returns the namespaces it deleted.
    static func sweep() async -> [String] {
        let scratch = Lab.scratchRoot + "/.sweep"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        guard let listing = try? await ip(["netns", "list"], scratch: scratch) else { return [] }
        let names = listing.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        var deleted: [String] = []
        for namespace in names where isLabName(namespace) && !ownerIsAlive(prefix(of: namespace)) {
            _ = await deleteNamespace(namespace, scratch: scratch)
            deleted.append(namespace)
        }
        let fileManager = FileManager.default
        for entry in (try? fileManager.contentsOfDirectory(atPath: "/etc/netns")) ?? []
        where isLabName(entry) && !ownerIsAlive(prefix(of: entry)) {
            try? fileManager.removeItem(atPath: "/etc/netns/" + entry)
        }
        for entry in (try? fileManager.contentsOfDirectory(atPath: Lab.scratchRoot)) ?? []
        where isLabName(entry) && !ownerIsAlive(entry) {
            try? fileManager.removeItem(atPath: Lab.scratchRoot + "/" + entry)
        }
        return deleted
    }

    /// Kills every process inside `namespace`, deletes it and its /etc/netns directory.
    /// Returns what could not be removed.
    static func deleteNamespace(_ namespace: String, scratch: String) async -> [String] {
        var problems: [String] = []
        for _ in 0..<20 {
            guard let pids = try? await ip(["netns", "pids", namespace], scratch: scratch) else { break }
            let alive = pids.stdout.split(separator: "\n").compactMap { pid_t($0) }
            if alive.isEmpty { break }
            alive.forEach { kill($0, SIGKILL) }
            await ProcessLauncher.pause(milliseconds: 20)
        }
        do {
            try await ip(["netns", "del", namespace], scratch: scratch).check()
        } catch {
            problems.append("\(error)")
        }
        let etc = "/etc/netns/" + namespace
        if FileManager.default.fileExists(atPath: etc) {
            do { try FileManager.default.removeItem(atPath: etc) } catch { problems.append("remove \(etc): \(error)") }
        }
        return problems
    }

    static func isLabName(_ name: String) -> Bool {
        name.range(of: Lab.namePattern, options: .regularExpression) != nil
    }

    static func prefix(of name: String) -> String { String(name.prefix(8)) }

    /// True when the scratch directory of `prefix` names a live owner process.
    static func ownerIsAlive(_ prefix: String) -> Bool {
        let ownerFile = Lab.scratchRoot + "/" + prefix + "/owner"
        guard let text = try? String(contentsOfFile: ownerFile, encoding: .utf8),
            let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    private static func ip(_ arguments: [String], scratch: String) async throws(LabError) -> CommandResult {
        try await CommandRunner.run(
            ["ip"] + arguments, environment: ["PATH": CommandRunner.path], outputDirectory: scratch,
            timeout: ipTimeout)
    }
}
