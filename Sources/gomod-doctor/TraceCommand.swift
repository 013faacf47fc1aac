import ArgumentParser
import Foundation
import NetProbes
import Report

/// `gomod-doctor trace host [--tcp|--udp|--icmp] [--cycles N]`: traceroute and mtr in one —
/// every TTL probed at once, several rounds, mtr's per-hop statistics.
struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Show the path to a host hop by hop with loss and round-trip statistics, like traceroute and mtr."
    )

    @Argument(help: "Host name or IP address.")
    var host: String

    @Flag(name: .long, help: "TCP SYN probes (the default; port 443 unless --port).")
    var tcp = false

    @Flag(name: .long, help: "UDP probes to high ports (traceroute's default).")
    var udp = false

    @Flag(name: .long, help: "ICMP echo probes (datagram ICMP socket if ping_group_range allows, else a raw socket: root).")
    var icmp = false

    @Option(name: .long, help: "Rounds of probes per hop.")
    var cycles = 3

    @Option(name: .long, help: "TCP: destination port (default 443). UDP: first port (default 33434).")
    var port: Int?

    @Option(name: .customLong("max-ttl"), help: "Largest TTL probed.")
    var maxTTL = 30

    @Option(name: .long, help: "Seconds between rounds (default 0.25 for up to 5 cycles, else 1: routers rate-limit ICMP).")
    var interval: Double?

    @Option(name: .long, help: "Seconds to wait for each probe's answer.")
    var wait = 2.0

    @Flag(name: .customLong("no-dns"), help: "Do not look up hop names.")
    var noDNS = false

    @Flag(name: .customShort("4"), help: "Use IPv4.")
    var ipv4 = false

    @Flag(name: .customShort("6"), help: "Use IPv6.")
    var ipv6 = false

    @OptionGroup var output: OutputOptions

    var method: TraceMethod { udp ? .udp : icmp ? .icmp : .tcp }

    func validate() throws {
        guard [tcp, udp, icmp].filter({ $0 }).count <= 1 else { throw ValidationError("--tcp, --udp and --icmp exclude each other") }
        guard (1...1000).contains(cycles) else { throw ValidationError("--cycles must be between 1 and 1000") }
        guard (1...255).contains(maxTTL) else { throw ValidationError("--max-ttl must be between 1 and 255") }
        if let port { guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") } }
        guard (interval ?? 1) >= 0.01, wait > 0 else { throw ValidationError("--interval must be at least 0.01 and --wait positive") }
        guard !(ipv4 && ipv6) else { throw ValidationError("-4 and -6 exclude each other") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = TraceConfiguration(
            method: method, port: port, maxTTL: maxTTL, cycles: cycles, intervalSeconds: interval,
            probeTimeoutSeconds: wait, resolveNames: !noDNS, family: ipv4 ? .ipv4 : ipv6 ? .ipv6 : nil)
        // Probing plus name resolution of the target and of the hops.
        let deadline = ProbeDeadline.after(seconds: configuration.worstCaseSeconds + 15)
        let result = await TraceProbe(configuration: configuration).run(host, deadline: deadline)
        if output.json {
            TerminalOutput.json(try CommandFormatting.json(result))
        } else {
            TerminalOutput.text(render(result, catalog: MessageCatalog(language: output.language(environment: environment))))
        }
        if result.outcome.failure != nil { throw ExitCode(1) }
    }

    func render(_ result: ProbeResult<TraceEvidence>, catalog: MessageCatalog) -> String {
        let evidence = result.evidence
        let config = evidence.configuration
        let methodText = config.method == .icmp ? "icmp" : "\(config.method.rawValue) port \(config.port)"
        var lines = [catalog.text("ui.trace.title", [
            "host": evidence.host, "address": evidence.address ?? "?", "method": methodText,
            "cycles": "\(config.cycles)", "maxTTL": "\(config.maxTTL)",
        ])]
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + fill : fill + text
        }
        func ms(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }
        lines.append(pad(catalog.text("ui.trace.column.hop"), 4) + "  " + pad(catalog.text("ui.trace.column.address"), 40, left: true)
                     + pad(catalog.text("ui.trace.column.loss"), 7) + pad(catalog.text("ui.trace.column.sent"), 5)
                     + ["last", "avg", "best", "worst", "stdev"].map { pad(catalog.text("ui.trace.column." + $0), 8) }.joined())
        for hop in evidence.hops {
            let stats = hop.statistics
            var who = hop.responders.map { responder in responder.name.map { "\($0) (\(responder.ip))" } ?? responder.ip }.joined(separator: ", ")
            if who.isEmpty { who = catalog.text("ui.trace.silent-hop") }
            if !hop.annotations.isEmpty { who += " " + hop.annotations.joined(separator: " ") }
            lines.append(pad("\(hop.ttl).", 4) + "  " + pad(who, 40, left: true) + pad(String(format: "%.1f%%", stats.lossPercent), 7)
                         + pad("\(stats.sent)", 5)
                         + [stats.lastMs, stats.avgMs, stats.bestMs, stats.worstMs, stats.stdevMs].map { pad(ms($0), 8) }.joined())
        }
        lines.append(conclusion(result, catalog: catalog))
        return lines.joined(separator: "\n")
    }

    func conclusion(_ result: ProbeResult<TraceEvidence>, catalog: MessageCatalog) -> String {
        let evidence = result.evidence
        if let last = evidence.lastAnswer, let hop = evidence.endHop {
            if evidence.reachedDestination {
                return catalog.text("ui.trace.reached", ["address": last.from, "hop": "\(hop)", "answer": last.kind.rawValue])
            }
            if last.kind == .unreachable {
                return catalog.text("ui.trace.unreachable", ["hop": "\(hop)", "address": last.from, "mark": last.annotation ?? ""])
            }
            return catalog.text("ui.trace.rejected", ["hop": "\(hop)", "address": last.from, "answer": last.kind.rawValue])
        }
        if let silent = evidence.silentAfterHop, evidence.address != nil, result.outcome.failure?.code != "permission" {
            return silent == 0 ? catalog.text("ui.trace.none", ["maxTTL": "\(evidence.configuration.maxTTL)"])
                : catalog.text("ui.trace.silent", ["hop": "\(silent)"])
        }
        return catalog.text("ui.trace.failed", ["detail": result.outcome.failure?.detail ?? ""])
    }
}
