import ArgumentParser
import Foundation
import NetProbes
import Report

/// `gomod-doctor tcp host:port`: connect to every address of the host, like `nc -zv`, one line
/// per address, then whether a whole family (IPv6, typically) is broken.
struct TCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tcp",
        abstract: "Connect to every address of host:port and report each result, like nc -zv."
    )

    @Argument(help: ArgumentHelp("host:port, [v6]:port (port 443 when omitted).", valueName: "host:port"))
    var target: String

    @Option(name: .customShort("w"), help: ArgumentHelp("Seconds to wait for each connection.", valueName: "seconds"))
    var timeout = 5.0

    @Flag(name: .customShort("4"), help: "Use IPv4 addresses only.")
    var ipv4 = false

    @Flag(name: .customShort("6"), help: "Use IPv6 addresses only.")
    var ipv6 = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        do { _ = try HostPort.parse(target) } catch { throw ValidationError(error.description) }
        guard timeout > 0 else { throw ValidationError("-w must be positive") }
        guard !(ipv4 && ipv6) else { throw ValidationError("-4 and -6 exclude each other") }
    }

    func run() async throws {
        let hostPort: HostPort
        do { hostPort = try HostPort.parse(target) } catch { throw ValidationError(error.description) }
        let probe = TCPConnectProbe(attemptTimeout: .milliseconds(Int64(timeout * 1000)),
                                    family: ipv4 ? .ipv4 : ipv6 ? .ipv6 : nil)
        let result = await probe.run(hostPort, deadline: .after(seconds: timeout + 10))
        if output.json {
            TerminalOutput.json(try CommandFormatting.json(result))
        } else {
            let catalog = MessageCatalog(language: output.language(environment: ProcessInfo.processInfo.environment))
            TerminalOutput.text(render(result, catalog), terminator: "")
        }
        if !result.outcome.isOK { throw ExitCode.failure }
    }

    func render(_ result: ProbeResult<TCPConnectEvidence>, _ catalog: MessageCatalog) -> String {
        let evidence = result.evidence
        guard !evidence.attempts.isEmpty else {
            let failure = result.outcome.failure ?? FailureClass("no-address", result.target)
            return catalog.text("ui.tcp.failed", ["code": failure.code, "detail": failure.detail]) + "\n"
        }
        var lines = [catalog.text("ui.tcp.header", ["target": result.target, "count": "\(evidence.attempts.count)"])]
        let width = evidence.attempts.map(\.endpoint.count).max() ?? 0
        let labels = evidence.attempts.map { catalog.text("ui.tcp.result.\($0.result.rawValue)") }
        let labelWidth = labels.map(\.count).max() ?? 0
        for (attempt, label) in zip(evidence.attempts, labels) {
            var line = "  " + attempt.endpoint.padding(toLength: width, withPad: " ", startingAt: 0)
            line += "  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            line += "  " + String(format: "%8.3f ms", attempt.connectMilliseconds)
            if let detail = attempt.detail {
                line += "  " + detail
                if let origin = attempt.resetOrigin, origin.isFromThePath {
                    line += " — " + catalog.text("ui.tcp.reset-from-path", ["hops": "\(origin.hopsBeforeServer ?? 0)"])
                }
            } else if attempt.afterConnect == .data {
                line += "  " + catalog.text("ui.tcp.after.data", ["bytes": "\(attempt.bytesReceived ?? 0)"])
            } else if attempt.afterConnect == .closed {
                line += "  " + catalog.text("ui.tcp.after.closed")
            }
            lines.append(line)
        }
        lines.append(catalog.text("ui.tcp.verdict.\(evidence.verdict.rawValue)"))
        if let winner = evidence.happyEyeballsWinner, let go = evidence.goDialerWinner {
            lines.append(catalog.text("ui.tcp.winner", [
                "endpoint": winner.endpoint, "time": String(format: "%.1f", winner.milliseconds),
                "goEndpoint": go.endpoint, "goTime": String(format: "%.1f", go.milliseconds),
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
