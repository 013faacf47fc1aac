import ArgumentParser
import Foundation
import NetProbes
import Report

/// `gomod-doctor sockets [--port 443] [--state syn-sent]`: the netstat view of TCP sockets,
/// read from /proc/net/tcp and /proc/net/tcp6 (connections stuck in SYN_SENT are the trace of
/// a silent drop).
struct SocketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sockets",
        abstract: "List TCP sockets with their state, like netstat -tan (Linux)."
    )

    @Option(name: .long, help: "Only sockets with this local or remote port.")
    var port: Int?

    @Option(name: .long, help: "Only sockets in this state (syn-sent, established, listen, time-wait, …).")
    var state: String?

    @Option(name: .long, help: "Read another namespace's table: the /proc/<pid>/net directory of a process in it.")
    var procNet = "/proc/net"

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let port { guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") } }
        if let state, TCPSocketState(argument: state) == nil {
            let names = TCPSocketState.allCases.map { $0.rawValue.lowercased().replacingOccurrences(of: "_", with: "-") }
            throw ValidationError("--state must be one of \(names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let filter = SocketFilter(port: port, state: state.flatMap(TCPSocketState.init(argument:)))
        let result = SocketTable(directory: procNet).probe(filter)
        if output.json {
            TerminalOutput.json(try CommandFormatting.json(result))
        } else {
            TerminalOutput.text(render(result, catalog: MessageCatalog(language: output.language(environment: environment))))
        }
        if result.outcome.failure != nil { throw ExitCode(1) }
    }

    func render(_ result: ProbeResult<SocketTableEvidence>, catalog: MessageCatalog) -> String {
        guard result.evidence.available else { return catalog.text("ui.sockets.unavailable") }
        let entries = result.evidence.entries
        guard !entries.isEmpty else { return catalog.text("ui.sockets.none") }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        var lines = [pad(catalog.text("ui.sockets.column.proto"), 7) + pad(catalog.text("ui.sockets.column.local"), 47)
                     + pad(catalog.text("ui.sockets.column.remote"), 47) + pad(catalog.text("ui.sockets.column.state"), 13)
                     + pad(catalog.text("ui.sockets.column.uid"), 7) + pad(catalog.text("ui.sockets.column.inode"), 10)
                     + catalog.text("ui.sockets.column.retransmits")]
        for entry in entries {
            lines.append(pad(entry.family == .ipv4 ? "tcp" : "tcp6", 7) + pad(entry.local, 47) + pad(entry.remote, 47)
                         + pad(entry.state.rawValue, 13) + pad("\(entry.uid)", 7) + pad("\(entry.inode)", 10) + "\(entry.retransmits)")
        }
        lines.append(catalog.text("ui.sockets.count", ["count": "\(entries.count)"]))
        for error in result.evidence.errors { lines.append(error) }
        return lines.joined(separator: "\n")
    }
}
