import Foundation

extension Lab {
    /// Delays every packet (IPv4 and IPv6) forwarded by `router` by `perDirectionMs` (so a round trip across
    /// it grows by 2 × perDirectionMs), with the NFQUEUE delayer (no netem in this kernel).
    /// With `inputInterface`, only packets arriving on that interface are delayed: two calls
    /// with the two interfaces give different delays per direction. Measured overhead:
    /// about +0.5 ms per round trip.
    @discardableResult
    public func addDelay(router: LabHost, perDirectionMs: Double, inputInterface: String? = nil) async throws -> LabProcess {
        guard perDirectionMs >= 0 else { throw LabError("addDelay", "negative delay") }
        let queue = nextQueue[router.namespace, default: 1]
        nextQueue[router.namespace] = queue + 1
        let delayer = try await helpers.delayer()
        let microseconds = Int((perDirectionMs * 1000).rounded())
        let process = try await spawn(
            "delayer-q\(queue)", in: router, [delayer, "-q", "\(queue)", "-d", "\(microseconds)"],
            ready: .outputContains("delayer ready"))
        // The delayer binds its queue before the rule exists; --queue-bypass lets packets through if it dies.
        var rule = ["-A", "FORWARD"]
        if let inputInterface { rule += ["-i", inputInterface] }
        rule += ["-j", "NFQUEUE", "--queue-num", "\(queue)", "--queue-bypass"]
        for tool in ["iptables", "ip6tables"] { try await run(in: router, [tool] + rule).check() }
        return process
    }

    /// Adds `rttMs` to the round-trip time across `router` (half of it in each direction).
    @discardableResult
    public func addDelay(router: LabHost, rttMs: Double) async throws -> LabProcess {
        try await addDelay(router: router, perDirectionMs: rttMs / 2)
    }

    /// Drops (IPv4 and IPv6) a random `probability` (0…1) of the packets `router` forwards from `inputInterface`.
    /// Inserted first in FORWARD, before any delay rule (an NFQUEUE accept ends the chain).
    public func addLoss(router: LabHost, inputInterface: String, probability: Double) async throws {
        for tool in ["iptables", "ip6tables"] {
            try await run(in: router, [
                tool, "-I", "FORWARD", "1", "-i", inputInterface, "-m", "statistic", "--mode", "random",
                "--probability", String(format: "%.4f", probability), "-j", "DROP",
            ]).check()
        }
    }

    /// Shapes what leaves `interface` of `host` with a token bucket (`rate` like "1mbit").
    public func limitBandwidth(
        host: LabHost, interface: String, rate: String, burst: String = "32kbit", latency: String = "400ms"
    ) async throws {
        try await run(in: host, [
            "tc", "qdisc", "replace", "dev", interface, "root", "tbf", "rate", rate, "burst", burst, "latency", latency,
        ]).check()
    }

    /// Adds an iptables (and ip6tables unless `ipv4Only`) rule in `host`, first in its chain.
    public func addFirewallRule(host: LabHost, _ match: PacketMatch, _ action: FirewallAction, ipv4Only: Bool = false) async throws {
        let v4Only = match.destination?.contains(":") == false || match.source?.contains(":") == false
        let v6Only = match.destination?.contains(":") == true || match.source?.contains(":") == true
        let rule = ["-I", match.chain, "1"] + match.iptablesArguments
        if !v6Only {
            try await run(in: host, ["iptables"] + rule + action.iptablesArguments).check()
        }
        if !ipv4Only && !v4Only {
            var v6Action = action.iptablesArguments
            if action == .rejectWithPortUnreachable { v6Action = ["-j", "REJECT", "--reject-with", "icmp6-port-unreachable"] }
            try await run(in: host, ["ip6tables"] + rule + v6Action).check()
        }
    }

    /// A route that silently discards traffic to `prefix` inside `host`.
    public func addBlackholeRoute(host: LabHost, prefix: String) async throws {
        try await run(in: host, ["ip", "route", "replace", "blackhole", prefix]).check()
    }

    /// A route that answers traffic to `prefix` with ICMP unreachable inside `host`.
    public func addUnreachableRoute(host: LabHost, prefix: String) async throws {
        try await run(in: host, ["ip", "route", "replace", "unreachable", prefix]).check()
    }
}
