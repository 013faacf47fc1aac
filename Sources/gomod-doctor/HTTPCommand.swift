import ArgumentParser
import Foundation
import NetProbes
import Report

/// `gomod-doctor http URL`: `curl -v -L -w` with the go command's proxy, redirect and TLS rules.
struct HTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Fetch a URL with the go command's rules and time every phase (dns, connect, tls, ttfb, transfer)."
    )

    @Argument(help: "http:// or https:// URL.")
    var url: String

    @Flag(name: .customShort("L"), help: "Follow redirects (at most 10, never https to http).")
    var location = false

    @Flag(name: .shortAndLong, help: "Show headers and TLS details of every hop.")
    var verbose = false

    @Flag(name: .customShort("I"), help: "Send HEAD instead of GET.")
    var head = false

    @Flag(name: [.customShort("k"), .long], help: "Go on when the certificate does not verify (like GOINSECURE).")
    var insecure = false

    @Option(name: .long, help: "Read at most this many body bytes.")
    var maxBody: Int = 16 << 20

    @Option(name: .long, help: "Give up after this many seconds.")
    var timeout: Double = 30

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard maxBody >= 0 else { throw ValidationError("--max-body must not be negative") }
        do { _ = try HTTPRequestURL(url) } catch { throw ValidationError(error.description) }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let target = try HTTPRequestURL(url)
        let options = HTTPClientOptions(method: head ? "HEAD" : "GET", followRedirects: location, maxBodyBytes: maxBody,
                                        insecure: insecure, environment: environment)
        let result = await HTTPProbe(options: options).run(target, deadline: .after(seconds: timeout))
        if output.json {
            TerminalOutput.json(try CommandFormatting.json(result))
        } else {
            let catalog = MessageCatalog(language: output.language(environment: environment))
            TerminalOutput.text(render(result, catalog: catalog, style: output.style(environment: environment)), terminator: "")
        }
        if !result.outcome.isOK { throw ExitCode(1) }
    }

    func render(_ result: ProbeResult<HTTPEvidence>, catalog: MessageCatalog, style: TerminalStyle) -> String {
        var lines = [style.bold(catalog.text("ui.http.title")) + "  \(result.evidence.method) \(result.target)"]
        for hop in result.evidence.hops {
            var line = "  " + (hop.statusLine.map { style.bold([hop.httpVersion, $0].compactMap { $0 }.joined(separator: " ")) } ?? "---")
                + "  \(hop.url)" + (hop.statusLine == nil ? hop.httpVersion.map { "  (\($0))" } ?? "" : "")
            if let proxy = hop.proxy { line += "  " + style.dim("\(catalog.text("ui.http.via-proxy")) \(proxy.url)" + (proxy.connectStatus.map { " (\($0))" } ?? "")) }
            lines.append(line)
            let t = hop.timings
            let ms = { (value: Double?) in value.map(CommandFormatting.milliseconds) ?? "-" }
            lines.append("    " + style.dim(catalog.text("ui.http.phases", [
                "dns": ms(t.dns), "connect": ms(t.connect), "tls": ms(t.tls), "ttfb": ms(t.ttfb), "transfer": ms(t.transfer), "total": ms(t.total),
            ])))
            if verbose {
                for attempt in hop.connectAttempts { lines.append("    * \(attempt.address) " + (attempt.error ?? "connected")) }
                if let tls = hop.tls {
                    lines.append("    * " + [tls.protocolVersion, tls.cipherSuite, tls.alpn].compactMap { $0 }.joined(separator: "  "))
                    if let leaf = tls.chain.first { lines.append("    * \(leaf.subject) ← \(leaf.issuer)") }
                }
                for header in hop.headers { lines.append("    < \(header.name): \(header.value)") }
            }
            if let detail = hop.serverResponse { lines.append("    \(catalog.text("ui.http.server-response")): \(detail)") }
        }
        if result.evidence.chain.count > 1 {
            lines.append("  \(catalog.text("ui.http.chain")): " + result.evidence.chain.joined(separator: " → "))
        }
        switch result.outcome {
        case .ok:
            let status = result.evidence.hops.last?.statusLine ?? "-"
            lines.append("  " + style.mark(nil) + " " + catalog.text("ui.http.ok", ["status": status, "url": result.evidence.hops.last?.url ?? result.target]))
        case .failed(let failure):
            let key = ["ui.http.failure.\(failure.code)", "ui.tls.failure.\(failure.code)"].first(where: MessageCatalog.has)
            lines.append("  " + style.mark(.failure) + " " + (key.map { catalog.text($0) } ?? failure.code) + ": " + failure.detail)
            if let answered = result.evidence.http11Answered {
                lines.append("    " + catalog.text(answered ? "ui.http.http11-answered" : "ui.http.http11-failed"))
            }
            if let goError = result.evidence.goError, goError != failure.detail {
                lines.append("    \(catalog.text("ui.http.go-says")): " + style.cyan(goError))
            }
        case .skipped(let reason):
            lines.append("  - \(reason)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

