import Foundation
import LabKit
import Testing

extension LabSuite {
    /// The NFQUEUE delayer on a router adds what it is asked to the round-trip time.
    /// Timing-sensitive by nature (the one place lab tests assert on time), so serialized.
    @Suite(.serialized)
    struct DelayerTests {
        /// `injectedRTTMs` is the total round-trip time added (half per direction, via
        /// `addDelay(router:rttMs:)`); 0 is the baseline without any delayer. The median of ten
        /// pings across client — r1 — server must be within ±2 ms of it.
        @Test(LabGate.trait, arguments: [0.0, 20.0, 50.0, 100.0])
        func pingRoundTripAcrossTheRouterIsTheInjectedDelay(injectedRTTMs: Double) async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                if injectedRTTMs > 0 {
                    try await lab.addDelay(router: chain.routers[0], rttMs: injectedRTTMs)
                }
                let ping = try await lab.run(
                    in: chain.client, ["ping", "-n", "-c", "10", "-i", "0.05", "-W", "2", chain.serverInterface.ipv4],
                    timeout: .seconds(20)
                ).check()
                let rtts = Self.roundTripTimes(in: ping.stdout)
                #expect(rtts.count == 10, "every ping answered: \(ping.stdout)")
                let median = Self.median(rtts)
                #expect(abs(median - injectedRTTMs) <= 2.0, "median RTT \(median) ms, injected \(injectedRTTMs) ms: \(rtts)")
            }
        }

        /// Different delays per direction: 30 ms client→server, 10 ms server→client add 40 ms.
        @Test(LabGate.trait)
        func perDirectionDelaysAddUp() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let router = chain.routers[0]
                try await lab.addDelay(router: router, perDirectionMs: 30, inputInterface: chain.links[0].b.name)
                try await lab.addDelay(router: router, perDirectionMs: 10, inputInterface: chain.links[1].a.name)
                let ping = try await lab.run(
                    in: chain.client, ["ping", "-n", "-c", "6", "-i", "0.05", "-W", "2", chain.serverInterface.ipv6],
                    timeout: .seconds(20)
                ).check()
                let median = Self.median(Self.roundTripTimes(in: ping.stdout))
                #expect(abs(median - 40) <= 2.0, "median RTT \(median) ms over IPv6, injected 30 + 10 ms: \(ping.stdout)")
            }
        }

        /// The "time=12.3 ms" values of ping's per-reply lines.
        static func roundTripTimes(in output: String) -> [Double] {
            output.split(separator: "\n").compactMap { line in
                guard let range = line.range(of: "time=") else { return nil }
                return Double(line[range.upperBound...].prefix { $0 == "." || $0.isNumber })
            }
        }

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }
}
