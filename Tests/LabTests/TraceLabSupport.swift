import Foundation
import LabKit
import NetProbes
import Testing

/// Shared by the trace and socket lab tests: the gate (LabKit's tools plus Debian
/// traceroute), the built gomod-doctor binary, and a parser for traceroute's hop lines.
enum TraceLabSupport {
    static let traceroute = "/usr/sbin/traceroute"
    static let missing: [String] = LabGate.missing
        + (FileManager.default.isExecutableFile(atPath: traceroute) ? [] : ["traceroute (Debian traceroute)"])

    /// Skipped outside CI when something is missing (naming it); in CI the test runs and fails.
    static var trait: ConditionTrait {
        .enabled(if: missing.isEmpty || LabGate.isCI,
                 Comment(rawValue: "trace lab test skipped (CI unset); missing: " + missing.joined(separator: ", ")))
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built executable: beside the test bundle, .build/debug, or GOMOD_DOCTOR_BIN.
    static func binary() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["GOMOD_DOCTOR_BIN"] { return explicit }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gomod-doctor").path,
            packageRoot.appendingPathComponent(".build/debug/gomod-doctor").path,
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "gomod-doctor is not built")
    }

    /// Runs `gomod-doctor trace … --json --no-dns` in `host` and decodes its result.
    static func trace(_ lab: Lab, in host: LabHost, _ target: String, _ arguments: [String]) async throws -> ProbeResult<TraceEvidence> {
        let result = try await lab.run(in: host, [try binary(), "trace", target, "--json", "--no-dns"] + arguments,
                                       timeout: .seconds(60))
        #expect(result.exitStatus == 0 || result.exitStatus == 1, "\(result)")
        return try JSONDecoder().decode(ProbeResult<TraceEvidence>.self, from: Data(result.stdout.utf8))
    }

    /// TTL → the addresses on traceroute's line for it ("*" lines give no entry).
    static func tracerouteHops(_ output: String) -> [Int: Set<String>] {
        var hops: [Int: Set<String>] = [:]
        for line in output.split(separator: "\n").dropFirst() {
            let tokens = line.split(separator: " ").map(String.init)
            guard let ttl = tokens.first.flatMap(Int.init) else { continue }
            let addresses = tokens.dropFirst().filter { ResolvedAddress(literal: $0) != nil }
            if !addresses.isEmpty { hops[ttl, default: []].formUnion(addresses) }
        }
        return hops
    }

    /// TTL → the addresses of our hops (silent hops left out, as traceroute's "* * *").
    static func ourHops(_ evidence: TraceEvidence) -> [Int: Set<String>] {
        var hops: [Int: Set<String>] = [:]
        for hop in evidence.hops where !hop.responders.isEmpty { hops[hop.ttl] = Set(hop.addresses) }
        return hops
    }
}
