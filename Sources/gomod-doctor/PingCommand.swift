import ArgumentParser
import Foundation
import NetProbes
import Report

/// `gomod-doctor ping host [-c count] [-i interval]`: ICMP echo like ping, over the unprivileged
/// datagram socket where the kernel allows it and a raw socket otherwise.
struct PingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Send ICMP echo requests to a host and report loss and round-trip times, like ping."
    )

    @Argument(help: "Host name or IP address.")
    var host: String

    @Option(name: .customShort("c"), help: ArgumentHelp("Number of echo requests.", valueName: "count"))
    var count = 4

    @Option(name: .customShort("i"), help: ArgumentHelp("Seconds between requests.", valueName: "seconds"))
    var interval = 1.0

    @Option(name: .customShort("W"), help: ArgumentHelp("Seconds to wait for each reply.", valueName: "seconds"))
    var timeout = 2.0

    @Option(name: .customShort("w"), help: ArgumentHelp("Stop after this many seconds in all, answered or not.", valueName: "deadline"))
    var deadline: Double?

    @Option(name: .customShort("s"), help: ArgumentHelp("Payload bytes per request.", valueName: "bytes"))
    var size = 56

    @Flag(name: .customShort("4"), help: "Use IPv4 only.")
    var ipv4 = false

    @Flag(name: .customShort("6"), help: "Use IPv6 only.")
    var ipv6 = false

    @Option(name: .long, help: ArgumentHelp("Socket kind: automatic, datagram or raw.", valueName: "kind"))
    var socket = "automatic"

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...65535).contains(count) else { throw ValidationError("-c must be between 1 and 65535") }
        guard interval >= 0.002 else { throw ValidationError("-i must be at least 0.002 seconds") }
        guard timeout > 0 else { throw ValidationError("-W must be positive") }
        guard (deadline ?? 1) > 0 else { throw ValidationError("-w must be positive") }
        guard (8...65000).contains(size) else { throw ValidationError("-s must be between 8 and 65000") }
        guard !(ipv4 && ipv6) else { throw ValidationError("-4 and -6 exclude each other") }
        guard PingOptions.SocketChoice(rawValue: socket) != nil else {
            throw ValidationError("--socket must be automatic, datagram or raw")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let catalog = MessageCatalog(language: output.language(environment: environment))
        let options = PingOptions(count: count, intervalSeconds: interval, timeoutSeconds: timeout, payloadSize: size,
                                  family: ipv4 ? .ipv4 : ipv6 ? .ipv6 : nil,
                                  socket: PingOptions.SocketChoice(rawValue: socket) ?? .automatic)
        // By default enough for every request and its reply, plus name resolution.
        let deadline = ProbeDeadline.after(seconds: self.deadline ?? Double(count - 1) * interval + timeout + 10)
        let lines = Lines(catalog: catalog, host: host, payloadSize: size)
        let result = await ICMPEchoProbe(options: options).run(host, deadline: deadline) { progress in
            guard !output.json else { return }
            TerminalOutput.text(lines.line(for: progress))
        }
        if output.json {
            TerminalOutput.json(try CommandFormatting.json(result))
        } else {
            TerminalOutput.text(lines.summary(result), terminator: "")
        }
        if !result.outcome.isOK { throw ExitCode.failure }
    }
}

extension PingCommand {
    /// Ping's lines in the user's language.
    struct Lines: Sendable {
        let catalog: MessageCatalog
        let host: String
        let payloadSize: Int

        func line(for progress: PingProgress) -> String {
            switch progress {
            case .started(let address, let socket, let errors):
                let header = catalog.text("ui.ping.header", ["host": host, "address": address.ip, "size": "\(payloadSize)",
                                                              "socket": catalog.text("ui.ping.socket.\(socket.rawValue)")])
                guard !errors.isEmpty else { return header }
                let fallback = catalog.text("ui.ping.fallback", ["error": errors.map(\.description).joined(separator: "; ")])
                return fallback + "\n" + header
            case .settled(let reply):
                return line(for: reply)
            }
        }

        func line(for reply: PingReply) -> String {
            let seq = "\(reply.sequence)"
            switch reply.status {
            case .reply where reply.duplicates > 0:
                return catalog.text("ui.ping.duplicate", ["bytes": "\(reply.bytes ?? 0)", "from": reply.from ?? "?", "seq": seq,
                                                          "time": Self.milliseconds(reply.rttMilliseconds)])
            case .reply:
                return catalog.text("ui.ping.reply", ["bytes": "\(reply.bytes ?? 0)", "from": reply.from ?? "?", "seq": seq,
                                                      "ttl": reply.ttl.map(String.init) ?? "?", "time": Self.milliseconds(reply.rttMilliseconds)])
            case .timeout where reply.lateRTTMilliseconds != nil:
                return catalog.text("ui.ping.late", ["seq": seq, "time": Self.milliseconds(reply.lateRTTMilliseconds)])
            case .timeout, .pending:
                return catalog.text("ui.ping.timeout", ["seq": seq])
            case .icmpError:
                return catalog.text("ui.ping.error", ["from": reply.from ?? "?", "seq": seq, "detail": reply.detail ?? ""])
            case .sendError:
                return catalog.text("ui.ping.send-error", ["seq": seq, "detail": reply.detail ?? ""])
            }
        }

        func summary(_ result: ProbeResult<PingEvidence>) -> String {
            let evidence = result.evidence
            var text = ""
            if evidence.socketKind != nil {
                text += "\n" + catalog.text("ui.ping.stats-title", ["host": host]) + "\n"
                text += catalog.text("ui.ping.stats", ["transmitted": "\(evidence.transmitted)", "received": "\(evidence.received)",
                                                       "loss": String(format: "%g", evidence.lossPercent)])
                if evidence.duplicates > 0 { text += ", " + catalog.text("ui.ping.stats-duplicates", ["count": "\(evidence.duplicates)"]) }
                if evidence.errors > 0 { text += ", " + catalog.text("ui.ping.stats-errors", ["count": "\(evidence.errors)"]) }
                text += "\n"
                if let rtt = evidence.rtt {
                    text += catalog.text("ui.ping.rtt", ["min": Self.fixed(rtt.minMilliseconds), "avg": Self.fixed(rtt.avgMilliseconds),
                                                         "max": Self.fixed(rtt.maxMilliseconds), "mdev": Self.fixed(rtt.mdevMilliseconds)]) + "\n"
                }
                if evidence.endedEarly { text += catalog.text("ui.ping.ended-early") + "\n" }
            }
            if let failure = result.outcome.failure {
                text += catalog.text("ui.ping.failed", ["code": failure.code, "detail": failure.detail]) + "\n"
            }
            return text
        }

        /// ping's precision: three decimals below 100 ms, fewer above.
        static func milliseconds(_ value: Double?) -> String {
            guard let value else { return "?" }
            return String(format: value < 10 ? "%.3f" : value < 100 ? "%.2f" : "%.1f", value)
        }

        static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
    }
}
