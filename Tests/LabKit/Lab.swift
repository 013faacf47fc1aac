import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of the test lab: network namespaces, links, servers and faults that all carry
/// this run's unique `prefix`, and that all go away when the run ends.
///
/// Create it only through `Lab.with { lab in … }`: that is what guarantees teardown, pass or
/// fail, thrown error or not. Several labs may run at once (Swift Testing runs tests in
/// parallel, and other developers share the machine): nothing is named without the prefix.
public actor Lab {
    /// "gl" + six base-36 characters. Namespaces are "<prefix>-<host>", interfaces
    /// "<prefix>v<n>a|b" (at most 13 characters: Linux allows 15).
    public nonisolated let prefix: String
    /// This run's scratch directory (certificates, proxy trees, logs); removed at teardown.
    public nonisolated let directory: String

    /// Where every lab keeps its scratch directory, with an `owner` file holding the pid of the
    /// test process (the sweep deletes only leftovers whose owner is dead).
    static let scratchRoot = "/tmp/gomod-lab"
    /// Matches this lab's names, for the sweep of crashed runs.
    static let namePattern = #"^gl[0-9a-z]{6}(-|$)"#

    var hosts: [String: LabHost] = [:]
    var namespaces: [String] = []
    var processes: [LabProcess] = []
    var links: [LabLink] = []
    var nextSubnet = 1
    var nextQueue: [String: Int] = [:]
    var nextFile = 0
    var tornDown = false

    init() throws(LabError) {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var generator = SystemRandomNumberGenerator()
        prefix = "gl" + String((0..<6).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        directory = Self.scratchRoot + "/" + prefix
        do {
            try FileManager.default.createDirectory(atPath: directory + "/out", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: directory + "/home", withIntermediateDirectories: true)
            try "\(getpid())\n".write(toFile: directory + "/owner", atomically: true, encoding: .utf8)
        } catch {
            throw LabError("create \(directory)", "\(error)")
        }
    }

    /// Runs `body` in a fresh lab and tears the lab down afterwards, whatever happens.
    ///
    /// Throws `LabError.missingRequirements` when this machine lacks root or one of `tools`
    /// (tests decide whether that is a skip or a failure, see `LabTool.missing`). Sweeps
    /// leftovers of crashed earlier runs first. If the body succeeded but teardown left
    /// something behind, that is thrown: a leaking lab must fail its test.
    public static func with<T>(
        tools: Set<LabTool> = LabTool.all, _ body: (Lab) async throws -> T
    ) async throws -> T {
        let missing = LabTool.missing(tools)
        guard missing.isEmpty else { throw LabError.missingRequirements(missing) }
        _ = await LabSweeper.sweep()
        let lab = try Lab()
        let result: T
        do {
            result = try await body(lab)
        } catch {
            _ = await lab.tearDown()
            throw error
        }
        let report = await lab.tearDown()
        guard report.problems.isEmpty else {
            throw LabError("teardown of \(lab.prefix)", report.problems.joined(separator: "; "))
        }
        return result
    }

    /// What this lab has created so far: for tests that check teardown afterwards.
    public func inventory() -> LabInventory {
        LabInventory(
            prefix: prefix, namespaces: namespaces, processes: processes,
            interfaces: links.flatMap { [$0.a.name, $0.b.name] }, directory: directory)
    }

    /// Kills every process the lab started (whole process groups, then anything still inside
    /// a lab namespace), deletes the namespaces (their veths go with them), the
    /// /etc/netns/<ns> directories and the scratch directory. Safe to call twice.
    public func tearDown() async -> TeardownReport {
        guard !tornDown else { return TeardownReport(problems: []) }
        tornDown = true
        var problems: [String] = []
        await LabProcess.stopAll(processes)
        for namespace in namespaces.reversed() {
            problems += await LabSweeper.deleteNamespace(namespace, scratch: directory + "/out")
        }
        if ProcessInfo.processInfo.environment["LAB_KEEP_SCRATCH"] == nil {
            do {
                try FileManager.default.removeItem(atPath: directory)
            } catch {
                problems.append("remove \(directory): \(error)")
            }
        }
        return TeardownReport(problems: problems)
    }

    /// A fresh path inside the scratch directory (nothing is created).
    public func scratchPath(_ name: String) -> String {
        nextFile += 1
        return directory + "/\(nextFile)-\(name)"
    }

    /// The path of the checked-in helper sources (lab/ in the repository).
    public nonisolated var helpers: HelperPrograms { HelperPrograms() }
}

/// What a lab created; compare it with the system after teardown.
public struct LabInventory: Sendable {
    public var prefix: String
    public var namespaces: [String]
    public var processes: [LabProcess]
    public var interfaces: [String]
    public var directory: String
}

/// Whatever teardown could not remove (empty when all went away).
public struct TeardownReport: Sendable {
    public var problems: [String]
}
