import ArgumentParser
import Doctor
import Foundation
import GoModConfig
import ModuleFetch
import NetProbes
import Report

/// `gomod-doctor fetch [module[@version]]`: walk each module's GOPROXY route as the go command
/// would and predict, per module, whether `go mod download` succeeds and, if not, where and why.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Predict go mod download per module: which source serves it, or the failure with its layer and the go command's text."
    )

    @Argument(help: "module or module@version (default: every requirement of go.mod in the current directory).")
    var module: String?

    @Flag(name: .long, help: "Fetch the .zip of every module (default: a sample of three).")
    var allZips = false

    @Option(name: .long, help: "Give up after this many seconds.")
    var timeout: Double = 60

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        if let module, module.split(separator: "@", omittingEmptySubsequences: false).count > 2 {
            throw ValidationError("expected module or module@version, not \(module)")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let fileSystem = LocalFileSystem()
        let directory = FileManager.default.currentDirectoryPath
        let installation = GoInstallation.locate(environment: environment, hostOS: .current, fileSystem: fileSystem)
        let diagnosis = ConfigDiagnosis.run(environment: environment, directory: directory, fileSystem: fileSystem,
                                            installation: installation, goCommandEnv: nil)
        let table = diagnosis.routes
        var requests: [ModuleFetchRequest]
        if let module {
            let parts = module.split(separator: "@", maxSplits: 1).map(String.init)
            let version = parts.count == 2 ? parts[1] : "latest"
            requests = [ModuleFetchRequest.make(path: parts[0], version: version, env: diagnosis.env, project: diagnosis.project,
                                                table: table, fetchZip: true)]
        } else {
            requests = table.modules.map { ModuleFetchRequest(route: $0, fetchZip: true) }
        }
        let govcs = (try? GoVCSRules.parse(diagnosis.env["GOVCS"])) ?? GoVCSRules()
        let options = FetchRun.Options(zipSample: allZips || module != nil ? nil : 3)
        let transport = HTTPModuleTransport(environment: environment, auth: GoAuthCredentials(env: diagnosis.env, environment: environment), goRelease: diagnosis.env.goVersion)
        var run = FetchRun(transport: transport, environment: environment, govcs: govcs, options: options)
        run.goRelease = diagnosis.env.goVersion
        let report = await run.run(requests, sumdbRoute: table.checksumDatabase, toolchain: module == nil ? table.toolchain : nil,
                                   deadline: .after(seconds: timeout))
        if output.json {
            TerminalOutput.json(try FetchJSON.encode(report))
        } else {
            let catalog = MessageCatalog(language: output.language(environment: environment))
            let renderer = FetchTextRenderer(catalog: catalog, style: output.style(environment: environment), showRequests: module != nil)
            TerminalOutput.text(renderer.render(report), terminator: "")
        }
        let failed = report.modules.contains { $0.status == .fails } || report.toolchain?.fetch?.status == .fails
            || report.toolchain?.refusal != nil
        if failed { throw ExitCode(1) }
    }
}

/// The versioned JSON document of `fetch` (docs/json-fetch.md).
enum FetchJSON {
    struct Document: Encodable {
        var schema = "gomod-doctor.fetch/1"
        var report: FetchRun.Report
    }

    static func encode(_ report: FetchRun.Report) throws -> String {
        return try CommandFormatting.json(Document(report: report))
    }
}

/// Terminal text of `fetch`: one line per module, the requests like `go mod download -x`.
struct FetchTextRenderer {
    var catalog: MessageCatalog
    var style: TerminalStyle
    var showRequests: Bool

    func render(_ report: FetchRun.Report) -> String {
        var lines: [String] = [style.bold(catalog.text("ui.fetch.title"))]
        if let sumdb = report.sumdb {
            let key = sumdb.base == nil ? "ui.fetch.sumdb-unusable" : sumdb.viaProxy ? "ui.fetch.sumdb-via-proxy" : "ui.fetch.sumdb-direct"
            lines.append("  " + catalog.text(key, ["name": sumdb.name, "base": sumdb.base.map(SecretRedactor.redact) ?? "-"]))
            if let failure = sumdb.failure { lines.append("    " + style.mark(.failure) + " " + failure.message) }
        }
        if report.modules.isEmpty { lines.append("  " + catalog.text("ui.fetch.nothing")) }
        for module in report.modules { lines += render(module) }
        if let toolchain = report.toolchain {
            lines.append("  " + catalog.text("ui.fetch.toolchain", ["required": toolchain.required, "reason": toolchain.reason]))
            if toolchain.languageVersionOnly {
                lines.append("    " + style.mark(.warning) + " " + catalog.text("ui.fetch.toolchain-language-version", ["required": toolchain.required]))
            }
            if let refusal = toolchain.refusal {
                lines.append("    " + style.mark(.failure) + " " + catalog.text("ui.fetch.toolchain-refused",
                                                                               ["error": refusal, "required": toolchain.required]))
            }
            if let fetch = toolchain.fetch { lines += render(fetch) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func render(_ module: ModuleFetchOutcome) -> [String] {
        var lines: [String] = []
        let name = "\(module.path)@\(module.version)"
        switch module.status {
        case .ok:
            lines.append("  " + style.mark(nil) + " " + catalog.text("ui.fetch.ok", ["module": name, "source": module.servedBy ?? "-"]))
        case .skipped:
            lines.append("  - " + catalog.text("ui.fetch.skipped", ["module": name, "reason": module.skippedBecause ?? ""]))
        case .fails:
            let failure = module.failure
            lines.append("  " + style.mark(.failure) + " " + catalog.text("ui.fetch.fails", [
                "module": name, "layer": failure?.layer.rawValue ?? "-", "class": failure?.failureClass ?? "-",
                "file": module.failedAt ?? "-",
            ]))
            if let message = failure?.message { lines.append("    go: " + style.cyan(message)) }
        }
        if showRequests {
            for request in module.requests {
                let status = request.status.map { "\($0)" } ?? (request.failure?.failureClass ?? "-")
                lines.append("    # get \(request.url): \(status) (\(String(format: "%.3f", request.seconds))s)")
            }
        }
        return lines
    }
}
