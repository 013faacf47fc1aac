import Foundation
import LabKit
import Testing

extension LabSuite {
    /// The RTT sweep of issue 14 (runs only with GOMOD_BENCH=1, from bench/run-all): a healthy
    /// `check` at 0, 50 and 150 ms round-trip time across the lab router, with the public
    /// resolvers silently dropped (as behind most corporate firewalls), beside the real
    /// `go mod download` (newest installed release, empty module cache) in the same lab, and the
    /// network's own floor for one HTTPS request by name: DNS + TCP + TLS 1.3 + first byte = 4
    /// round trips. Printed as `ours | peer | ratio` rows; what is asserted is only that every
    /// run was healthy — no timing assertion.
    @Suite
    struct CheckRTTSweepBenchmarkLabTests {
        static let enabled = ProcessInfo.processInfo.environment["GOMOD_BENCH"] == "1"
        /// GOMOD_BENCH_RTTS="150" (comma-separated ms) measures only those.
        static let roundTrips: [Double] = ProcessInfo.processInfo.environment["GOMOD_BENCH_RTTS"]
            .map { $0.split(separator: ",").compactMap { Double($0) } } ?? [0, 50, 150]
        static let runs = 3

        @Test(.enabled(if: enabled, "benchmark: set GOMOD_BENCH=1 (bench/run-all)"))
        func healthyCheckAcrossRoundTripTimes() async throws {
            var lines = [BenchTable.header]
            for rtt in Self.roundTrips {
                lines += try await measure(rttMs: rtt)
                print(lines.joined(separator: "\n"))
            }
            // The memory goal is for a check of 50 requirements (all fetched and verified).
            lines += try await measure(rttMs: 0, requirements: 50)
            print(lines.joined(separator: "\n"))
            let table = lines.joined(separator: "\n") + "\n"
            if let path = ProcessInfo.processInfo.environment["GOMOD_BENCH_OUT"] {
                try table.write(toFile: path, atomically: true, encoding: .utf8)
            }
        }

        func measure(rttMs: Double, requirements: Int = 2) async throws -> [String] {
            try await Lab.with { lab in
                let extra = (0..<max(0, requirements - 2)).map { LabModule(path: "github.com/lab/m\($0)", version: "v1.0.0") }
                let setup = try await CheckScenarioSetup.start(lab, extraRequirements: extra.map { "\($0.path) \($0.version)" },
                                                               extraModules: extra)
                let witness = try await setup.silentPublicResolver()
                if rttMs > 0 { try await lab.addDelay(router: setup.chain.routers[0], rttMs: rttMs) }
                let binary = try DoctorRun.binary
                // /usr/bin/time reports the peak RSS (KiB) on stderr's last line.
                let argv = ["/usr/bin/time", "-f", "%M", binary, "check", setup.work + "/wd", "--json", "--timeout", "8", "--resolver", witness]
                var ours: [Double] = []
                var peakKiB = 0
                for _ in 0..<Self.runs {
                    let (result, seconds) = try await BenchTable.timed {
                        try await lab.run(in: setup.chain.client, argv, environment: setup.environment, timeout: .seconds(60))
                    }
                    #expect(result.termination == .exited(0), "check at \(rttMs) ms: \(result.stdout.prefix(2000))")
                    ours.append(seconds)
                    // GOMOD_BENCH_DUMP=DIR keeps each run's check --json, for reading where the time went.
                    if let dump = ProcessInfo.processInfo.environment["GOMOD_BENCH_DUMP"] {
                        try? result.stdout.write(toFile: "\(dump)/check-\(Int(rttMs))ms-\(ours.count).json", atomically: true, encoding: .utf8)
                    }
                    let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
                    peakKiB = max(peakKiB, Int(last.trimmingCharacters(in: .whitespaces)) ?? 0)
                }
                guard let go = GoToolchain.installed.last else { throw LabError("go", "no go command installed") }
                var peer: [Double] = []
                for run in 0..<Self.runs {
                    var environment = CheckScenarioSetup.environment(setup.environment, with: go)
                    environment["GOMODCACHE"] = "\(setup.work)/modcache-sweep-\(Int(rttMs))-\(run)"
                    let (result, seconds) = try await BenchTable.timed {
                        try await lab.run(in: setup.chain.client, [go.executable, "mod", "download"], environment: environment,
                                          workingDirectory: setup.work + "/wd", timeout: .seconds(120))
                    }
                    #expect(result.succeeded, "\(go) at \(rttMs) ms: \(result.stderr.prefix(1500))")
                    peer.append(seconds)
                }
                let label = "healthy check, \(Int(rttMs)) ms RTT, public resolvers dropped" + (requirements > 2 ? ", \(requirements) requirements" : "")
                let floor = 4 * rttMs / 1000
                var rows = [BenchTable.row(label + " vs go mod download (\(go))", ours: BenchTable.median(ours), peer: BenchTable.median(peer))]
                if requirements > 2 {
                    let mebibytes = Double(peakKiB) / 1024
                    rows.append(BenchTable.pad("  peak RSS of those checks", 78) + String(format: "%.1f MiB", mebibytes)
                                + (mebibytes * 1.048576 <= 60 ? "  (goal ≤ 60 MB: met)" : "  (goal ≤ 60 MB: NOT met)"))
                    return rows
                }
                if rttMs > 0 {
                    rows.append(BenchTable.row(label + " vs 4 RTT floor", ours: BenchTable.median(ours), peer: floor, goal: 1.5))
                } else {
                    rows.append(BenchTable.row(label + " vs 0.2 s goal", ours: BenchTable.median(ours), peer: 0.2, goal: 1))
                }
                rows.append(BenchTable.pad("  peak RSS of those checks", 78) + String(format: "%.1f MiB", Double(peakKiB) / 1024)
                            + "  (goal for a check of 50 requirements: ≤ 60 MB)")
                return rows
            }
        }
    }
}

/// The `ours | peer | ratio` rows the benchmarks print (issue 14).
enum BenchTable {
    static let header = pad("work", 78) + pad("ours", 10) + pad("peer", 10) + "ratio"

    static func row(_ label: String, ours: Double, peer: Double, goal: Double? = nil) -> String {
        let ratio = peer > 0 ? ours / peer : .infinity
        let verdict = goal.map { ratio <= $0 ? "  (goal ≤ \($0)×: met)" : "  (goal ≤ \($0)×: NOT met)" } ?? ""
        return pad(label, 78) + pad(String(format: "%.3f s", ours), 10) + pad(String(format: "%.3f s", peer), 10)
            + String(format: "%.2f×", ratio) + verdict
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func timed(_ body: () async throws -> CommandResult) async throws -> (CommandResult, Double) {
        let start = ContinuousClock.now
        let result = try await body()
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
