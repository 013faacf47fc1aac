import Foundation
import NetProbes

/// The findings of the layered verdict, one rule per conclusion. Each finding names the
/// broken layer, the evidence seen, and what to try next (exact commands where they exist).
struct EndpointRules: Sendable {
    var facts: EndpointFacts

    var target: EndpointTarget { facts.target }
    var host: String { target.host }
    var port: String { String(target.port) }

    /// The first address TCP reached or tried, else the first resolved one, else the host.
    var address: String {
        facts.tcp?.attempts.first { $0.result == .ok }.map { Self.ip(of: $0.endpoint) }
            ?? facts.dns?.addresses.first?.ip ?? host
    }

    func finding(_ id: String, _ layer: Layer, _ severity: Severity, arguments: [String: String] = [:],
                 evidence: [String], commands: [String] = []) -> Finding {
        var all = ["host": host, "port": port, "endpoint": target.hostPort]
        all.merge(arguments) { _, new in new }
        let fix = commands.isEmpty ? nil : Fix(commands: commands, explanationKey: "fix.\(id)")
        return Finding(id: id, layer: layer, severity: severity, target: target.hostPort, arguments: all,
                       evidence: evidence, fix: fix)
    }

    func icmpFilteredFinding() -> Finding {
        let icmp = facts.icmp
        return finding("endpoint.icmp-filtered", .icmp, .info, arguments: ["address": icmp?.address ?? address],
                       evidence: ["\(icmp?.received ?? 0)/\(icmp?.sent ?? 0) echo replies from \(icmp?.address ?? address)",
                                  "TCP port \(port) connected"])
    }

    func ipv6BrokenFinding(_ tcp: EndpointFacts.TCP) -> Finding? {
        let broken = tcp.attempts.filter { $0.family == .ipv6 && $0.result != .ok }
        guard let first = broken.first else { return nil }
        let working = tcp.attempts.first { $0.family == .ipv4 && $0.result == .ok }
        return finding("endpoint.ipv6-broken", .tcp, .warning,
                       arguments: ["ipv6": first.endpoint, "ipv4": working?.endpoint ?? "", "result": first.result.rawValue],
                       evidence: broken.map { "\($0.endpoint): \($0.detail ?? $0.result.rawValue)" }
                           + (working.map { ["\($0.endpoint): connected in \(Self.milliseconds($0.milliseconds))"] } ?? []),
                       commands: ["ip -6 route get \(Self.ip(of: first.endpoint))",
                                  "gomod-doctor trace \(Self.ip(of: first.endpoint)) --tcp --port \(port)",
                                  "echo 'precedence ::ffff:0:0/96  100' | sudo tee -a /etc/gai.conf"])
    }

    /// A connect slower than `slowConnectMilliseconds` (the probe traced it: the path says where time goes).
    func slowConnectFinding(_ tcp: EndpointFacts.TCP) -> Finding? {
        guard let fastest = tcp.attempts.filter({ $0.result == .ok }).min(by: { $0.milliseconds < $1.milliseconds }),
              fastest.milliseconds > EndpointVerdict.slowConnectMilliseconds else { return nil }
        var evidence = ["\(fastest.endpoint): connected in \(Self.milliseconds(fastest.milliseconds))"]
        if let trace = facts.trace { evidence.append("trace: " + (trace.outcome.failure?.detail ?? "reached the destination at hop \(trace.endHop.map(String.init) ?? "?")")) }
        return finding("endpoint.tcp.slow", .tcp, .warning, arguments: ["milliseconds": String(Int(fastest.milliseconds.rounded()))],
                       evidence: evidence, commands: ["gomod-doctor trace \(Self.ip(of: fastest.endpoint)) --tcp --port \(port) --cycles 10"])
    }

    func healthyFinding() -> Finding {
        var evidence: [String] = []
        if let tcp = facts.tcp?.attempts.first(where: { $0.result == .ok }) {
            evidence.append("\(tcp.endpoint): connected in \(Self.milliseconds(tcp.milliseconds))")
        }
        if facts.tls?.outcome.isOK == true { evidence.append("TLS handshake completed, chain trusted") }
        if let status = facts.http?.statusLine { evidence.append("\(target.url): \(status)") }
        return finding("endpoint.healthy", facts.http != nil ? .http : .tcp, .info,
                       arguments: ["status": facts.http?.statusLine ?? ""], evidence: evidence)
    }

    /// "10.77.4.2" from "10.77.4.2:443", "fd77::2" from "[fd77::2]:443".
    static func ip(of endpoint: String) -> String {
        if endpoint.hasPrefix("["), let close = endpoint.firstIndex(of: "]") {
            return String(endpoint[endpoint.index(after: endpoint.startIndex)..<close])
        }
        guard let colon = endpoint.lastIndex(of: ":") else { return endpoint }
        return String(endpoint[..<colon])
    }

    static func milliseconds(_ value: Double) -> String {
        String(format: "%.1f ms", value)
    }
}
