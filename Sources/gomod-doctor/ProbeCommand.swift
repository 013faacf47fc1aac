import ArgumentParser
import Doctor
import Foundation
import NetProbes
import Report

/// `gomod-doctor probe host[:port]` (or a URL): every layer of one endpoint (DNS, ICMP, TCP, path, TLS,
/// HTTP) under one deadline, the layer chain, and the verdict naming the first broken layer.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Probe one endpoint layer by layer (DNS, ICMP, TCP, path, TLS, HTTP) and name the first broken layer."
    )

    @Argument(help: "host or host:port ([v6]:port), or a URL (https://host:port/path, as check prints endpoints); the port defaults to 443 for https, 80 for http.")
    var endpoint: String

    @Option(name: .long, help: "https or http.")
    var scheme = "https"

    @Option(name: .long, help: "Path of the HTTP request.")
    var path = "/"

    @Option(name: .long, help: "For an HTTPS_PROXY endpoint: the host:port it must CONNECT to (the HTTP layer sends that CONNECT instead of a GET).")
    var connect: String?

    @Option(name: .long, help: "Give up on the whole probe after this many seconds.")
    var timeout: Double = 10

    @Option(name: .long, help: "A public resolver IP[:PORT] to compare with the system resolver (repeatable or comma-separated; default as check: 8.8.8.8,114.114.114.114,223.5.5.5,1.1.1.1; 'none' turns the comparison off).")
    var resolver: [String] = []

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard EndpointTarget.Scheme(rawValue: scheme) != nil else { throw ValidationError("--scheme must be https or http") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        do { _ = try target() } catch { throw ValidationError("\(error)") }
        guard CheckCommand.publicResolvers(resolver) != nil else {
            throw ValidationError("--resolver must be IP[:PORT] (or a comma list of them), or none, not \(resolver.joined(separator: ","))")
        }
    }

    func target() throws -> EndpointTarget {
        if endpoint.contains("://") { return try urlTarget() }
        let hostPort = try HostPort.parse(endpoint)
        let target = EndpointTarget(host: hostPort.host, port: hostPort.port, scheme: EndpointTarget.Scheme(rawValue: scheme) ?? .https,
                                    path: path, connectTarget: connect)
        _ = try HTTPRequestURL(target.url)
        return target
    }

    /// An endpoint given as a URL, as check prints them (`https://proxy.example:8443`): its
    /// scheme, host, port and path. A non-default --scheme or --path must agree with it.
    /// Credentials in it are never echoed.
    func urlTarget() throws -> EndpointTarget {
        let url = try HTTPRequestURL(endpoint)
        guard let urlScheme = EndpointTarget.Scheme(rawValue: url.scheme) else {
            throw ValidationError("\(url.redacted): the scheme must be https or http")
        }
        if scheme != "https", scheme != url.scheme {
            throw ValidationError("--scheme \(scheme) disagrees with \(url.redacted)")
        }
        let urlPath = url.pathAndQuery.isEmpty ? "/" : url.pathAndQuery
        if path != "/", urlPath != "/", path != urlPath {
            throw ValidationError("--path \(path) disagrees with \(url.redacted)")
        }
        return EndpointTarget(host: url.host, port: url.explicitPort ? url.port : nil, scheme: urlScheme,
                              path: path != "/" ? path : urlPath, connectTarget: connect)
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let target = try target()
        let deadline = ProbeDeadline.after(seconds: timeout)
        // The system resolver against public ones, beside the layers (as check does).
        let comparison = CheckResolverComparison(publicResolvers: CheckCommand.publicResolvers(resolver) ?? [])
        async let compared = comparison.run(CheckResolverComparison.hosts(of: [target]), deadline: deadline)
        var evidence = await EndpointProbeRun(target: target, environment: environment).run(deadline: deadline)
        evidence.resolvers = await compared[target.host.lowercased()]
        let verdict = EndpointVerdict.judge(evidence)
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            TerminalOutput.json(String(decoding: try encoder.encode(ProbeReport(evidence: evidence, verdict: verdict)), as: UTF8.self))
        } else {
            let catalog = MessageCatalog(language: output.language(environment: environment))
            TerminalOutput.text(render(verdict, catalog: catalog, style: output.style(environment: environment)), terminator: "")
        }
        if verdict.rootLayer != nil { throw ExitCode(1) }
    }

    func render(_ verdict: EndpointVerdict, catalog: MessageCatalog, style: TerminalStyle) -> String {
        var lines = [style.bold(catalog.text("ui.probe.title", ["url": verdict.target.redactedURL]))]
        for check in verdict.layers {
            let name = catalog.text("ui.probe.layer.\(check.layer.rawValue)").padding(toLength: 6, withPad: " ", startingAt: 0)
            let mark: String
            var detail = check.detail
            switch check.status {
            case .ok: mark = style.mark(nil)
            case .warning: mark = style.mark(.warning)
            case .failed: mark = style.mark(.failure)
            case .symptom:
                mark = style.dim("✗")
                detail += " " + catalog.text("ui.probe.status.symptom")
            case .skipped:
                mark = "-"
                detail = detail.isEmpty ? catalog.text("ui.probe.status.skipped") : detail
            }
            lines.append("  \(mark) \(name) " + (check.status == .skipped ? style.dim(detail) : detail))
        }
        if let root = verdict.rootLayer {
            lines.append(catalog.text("ui.probe.root", ["layer": catalog.text("ui.probe.layer.\(root.rawValue)")]))
        }
        for finding in verdict.findings {
            lines.append("")
            lines.append(style.mark(finding.severity == .info && finding.id == "endpoint.healthy" ? nil : finding.severity) + " "
                         + style.bold(catalog.text(finding.messageKey, finding.arguments)) + "  " + style.dim("[\(finding.id)]"))
            for line in finding.evidence { lines.append("    \(catalog.text("ui.probe.evidence")): \(line)") }
            if let fix = finding.fix {
                if let key = fix.explanationKey { lines.append("    \(catalog.text("ui.probe.try")): \(catalog.text(key))") }
                for command in fix.commands { lines.append("      " + style.cyan("$ \(command)")) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `probe --json`: the probes' evidence and the verdict (layer chain and findings).
struct ProbeReport: Encodable {
    var evidence: EndpointEvidence
    var verdict: EndpointVerdict
}
