import ArgumentParser
import Foundation
import NetProbes
import Report

/// `gomod-doctor tls host[:port]`: `openssl s_client` with the go command's trust decisions.
struct TLSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls",
        abstract: "Handshake with a TLS server, show its certificate chain, and judge it as the go command would."
    )

    @Argument(help: "host or host:port (default port 443).")
    var target: String

    @Option(name: .long, help: "Name to send as SNI and to verify (default: the host).")
    var servername: String?

    @Option(name: .long, help: "Give up after this many seconds.")
    var timeout: Double = 10

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        _ = try parsedTarget()
    }

    func parsedTarget() throws -> TLSProbe.Target {
        do {
            let hostPort = try HostPort.parse(target)
            return TLSProbe.Target(host: hostPort.host, port: hostPort.port ?? 443, serverName: servername)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let result = await TLSProbe(environment: environment).run(try parsedTarget(), deadline: .after(seconds: timeout))
        if output.json {
            TerminalOutput.json(try CommandFormatting.json(result))
        } else {
            let catalog = MessageCatalog(language: output.language(environment: environment))
            TerminalOutput.text(render(result, catalog: catalog, style: output.style(environment: environment)), terminator: "")
        }
        if !result.outcome.isOK { throw ExitCode(1) }
    }

    func render(_ result: ProbeResult<TLSEvidence>, catalog: MessageCatalog, style: TerminalStyle) -> String {
        let evidence = result.evidence
        var lines = [style.bold(catalog.text("ui.tls.title")) + "  \(result.target)  " + style.dim("\(catalog.text("ui.tls.sni")): \(evidence.serverName)")]
        for attempt in evidence.connectAttempts {
            lines.append("  \(catalog.text("ui.tls.connect")) \(attempt.address)  " + (attempt.error ?? CommandFormatting.milliseconds(attempt.durationSeconds)))
        }
        if let handshake = evidence.handshake {
            let parts = [handshake.protocolVersion, handshake.cipherSuite, handshake.alpn.map { "ALPN \($0)" }].compactMap { $0 }
            lines.append("  \(catalog.text("ui.tls.handshake"))  " + parts.joined(separator: "  ") + "  " + CommandFormatting.milliseconds(handshake.durationSeconds))
            if !handshake.chain.isEmpty { lines.append("  \(catalog.text("ui.tls.chain")):") }
            for (index, certificate) in handshake.chain.enumerated() {
                lines.append("    \(index) \(certificate.subject)")
                lines.append("      ← \(certificate.issuer)")
                lines.append("      \(catalog.text("ui.tls.valid")) \(certificate.notBefore) → \(certificate.notAfter)"
                             + (certificate.dnsNames.isEmpty && certificate.ipAddresses.isEmpty ? ""
                                : "  \(catalog.text("ui.tls.names")): " + (certificate.dnsNames + certificate.ipAddresses).joined(separator: ", ")))
                lines.append(style.dim("      sha256 \(certificate.sha256)  serial \(certificate.serial)"))
            }
        }
        let roots = evidence.trustRoots
        let rootSource = ([roots.file].compactMap { $0 } + roots.directories).joined(separator: ", ")
        let overridden = roots.overriddenBy.isEmpty ? "" : " (\(roots.overriddenBy.joined(separator: ", ")))"
        lines.append("  \(catalog.text("ui.tls.roots")): \(rootSource)\(overridden), " + catalog.text("ui.tls.roots-count", ["count": String(roots.certificateCount)]))
        lines.append("  \(catalog.text("ui.tls.local-time")): \(evidence.localTime)")
        switch result.outcome {
        case .ok:
            lines.append("  " + style.mark(nil) + " " + catalog.text("ui.tls.trusted", ["name": evidence.serverName]))
        case .failed(let failure):
            let key = ["ui.tls.failure.\(failure.code)", "ui.http.failure.\(failure.code)"].first(where: MessageCatalog.has)
            let label = key.map { catalog.text($0) } ?? failure.code
            lines.append("  " + style.mark(.failure) + " " + label + ": " + failure.detail)
            if let goError = evidence.verdict?.goError { lines.append("    \(catalog.text("ui.tls.go-says")): " + style.cyan(goError)) }
        case .skipped(let reason):
            lines.append("  - \(reason)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

