import ArgumentParser
import Doctor
import Foundation
import GoModConfig
import ModuleFetch
import NetProbes
import Report

/// `gomod-doctor check [dir]`: every endpoint the go command would use probed layer by layer
/// and every requirement walked through the module protocol, concurrently under one deadline;
/// root causes first. Exit status: 0 healthy, 1 warnings, 2 failures, 3 usage error.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Diagnose go mod download end to end: configuration, every endpoint's layers, every module; root causes first.",
        discussion: "Exit status: 0 healthy, 1 warnings, 2 failures found, 3 usage error."
    )

    @Argument(help: "The module directory (default: the current directory).")
    var directory: String?

    // Parsed here rather than as a Double so a bad value is a usage error (exit 3), not ArgumentParser's 64.
    @Option(name: .long, help: "Give up on the whole check after this many seconds.")
    var timeout: String = "8"

    @Flag(name: .long, help: "Fetch the .zip of every module (default: a sample of three).")
    var allZips = false

    @Flag(name: .long, help: "Print the versioned JSON document instead of text.")
    var json = false

    @Option(name: .long, help: "Output language: en or zh (default from LC_ALL/LANG).")
    var lang: String?

    @Option(name: .long, help: "A public resolver IP[:PORT] to compare with the system resolver (repeatable or comma-separated; default 8.8.8.8,114.114.114.114,223.5.5.5,1.1.1.1; 'none' turns the comparison off).")
    var resolver: [String] = []
    // MARK: --list, --only, --markdown, --mermaid, --from-error (CheckCommand+Outputs.swift)
    @Flag(name: .long, help: "List the named checks --only accepts, with a one-line description each (with --json: as JSON).")
    var list = false

    @Option(name: .long, help: ArgumentHelp("Run only these checks (repeatable, or a comma list: --only dns,tcp); config always runs. See --list.",
                                            valueName: "names"))
    var only: [String] = []

    @Flag(name: .long, help: "Print a Markdown report for pasting into an issue (secrets redacted; includes go version and go env).")
    var markdown = false

    @Flag(name: .long, help: "Print a Mermaid flowchart of each endpoint's layer chain, marking where it broke.")
    var mermaid = false

    @Option(name: .customLong("from-error"), help: ArgumentHelp("Focus the check on what a pasted go error names (file, or - for standard input; at most 1 MiB).",
                                                                valueName: "file"))
    var fromError: String?

    static let usageExitCode: Int32 = 3

    /// Checks the options in `run` so a usage error exits with 3.
    func usageProblem() -> String? {
        guard Self.seconds(timeout) != nil else { return "--timeout must be a positive number of seconds, not \(timeout)" }
        if let lang, Language(argument: lang) == nil { return "--lang must be en or zh, not \(lang)" }
        if Self.publicResolvers(resolver) == nil {
            return "--resolver must be IP[:PORT] (or a comma list of them), or none, not \(resolver.joined(separator: ","))"
        }
        if let problem = outputUsageProblem() { return problem }
        if let directory {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                return "\(directory) is not a directory"
            }
        }
        return nil
    }

    /// The `--resolver` values split at commas: the default set when none is given, empty for
    /// `none`; nil when an item is not an IP[:PORT] or `none` is mixed with addresses.
    /// A `--timeout` value: a positive, finite number of seconds (nil otherwise). Shared with `fix --check`.
    static func seconds(_ text: String) -> Double? {
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else { return nil }
        return seconds
    }

    static func publicResolvers(_ values: [String]) -> [DNSServerAddress]? {
        let items = values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if items.isEmpty { return CheckResolverComparison.defaultPublicResolvers }
        if items == ["none"] { return [] }
        var servers: [DNSServerAddress] = []
        for item in items {
            guard let server = DNSServerAddress(parsing: item) else { return nil }
            if !servers.contains(server) { servers.append(server) }
        }
        return servers
    }

    func run() async throws {
        if let problem = usageProblem() {
            TerminalOutput.error("Error: \(problem)\n\(Self.usageString())\n")
            throw ExitCode(Self.usageExitCode)
        }
        let environment = ProcessInfo.processInfo.environment
        let fileSystem = LocalFileSystem()
        let current = FileManager.default.currentDirectoryPath
        let path = directory.map { $0.hasPrefix("/") ? $0 : current + "/" + $0 } ?? current
        let installation = GoInstallation.locate(environment: environment, hostOS: .current, fileSystem: fileSystem)
        let language = lang.flatMap(Language.init(argument:)) ?? Language.fromEnvironment(environment)
        if list {
            if json {
                TerminalOutput.json(try CheckListOutput.json(catalog: MessageCatalog(language: language)))
            } else {
                TerminalOutput.text(CheckListOutput.text(catalog: MessageCatalog(language: language)), terminator: "")
            }
            return
        }
        let explanations = try readFromError()
        var run = CheckRun(environment: environment, directory: path, fileSystem: fileSystem, installation: installation,
                           timeoutSeconds: Self.seconds(timeout) ?? 8, allZips: allZips,
                           publicResolvers: Self.publicResolvers(resolver) ?? [])
        run.checks = (try? CheckName.selection(only)) ?? CheckName.all
        run.focus = explanations.map(CheckFocus.init(explanations:))
        let progressWriter = showsProgress ? CheckProgressWriter(catalog: MessageCatalog(language: language)) : nil
        if let progressWriter { run.progress = { progressWriter.report($0) } }
        let result = await run.run()
        progressWriter?.finish()
        let fromErrorReport = explanations.map { ExplainReport($0, language: language) }
        if json {
            TerminalOutput.json(CheckJSON.encode(result, fromError: fromErrorReport))
        } else if markdown || mermaid {
            TerminalOutput.text(renderDiagram(result, directory: path, installation: installation, environment: environment,
                                language: language, fromError: fromErrorReport), terminator: "")
        } else {
            printFocus(result, fromError: fromErrorReport, environment: environment)
            let style = TerminalStyle.detect(environment: environment, isTerminal: isatty(STDOUT_FILENO) == 1)
            let renderer = CheckTextRenderer(catalog: MessageCatalog(language: language), style: style)
            TerminalOutput.text(renderer.render(result.diagnosis, directory: path, endpoints: result.endpoints.map(\.endpoint),
                                  seconds: result.durationSeconds), terminator: "")
        }
        let code = Int32(result.diagnosis.status.rawValue)
        if code != 0 { throw ExitCode(code) }
    }
}

/// The versioned JSON document of `check` (docs/json-check.md). Always valid JSON: when the
/// full document cannot be encoded, a minimal one with the error is printed instead.
enum CheckJSON {
    static let schemaVersion = 1

    struct Document: Encodable {
        var schema = "gomod-doctor.check/1"
        var schemaVersion = CheckJSON.schemaVersion
        var status: String
        var exitCode: Int
        var durationSeconds: Double
        var rootCauses: [CheckRootCause]
        var findings: [Finding]
        var checks: [CheckLine]
        var endpoints: [CheckDiagnosis.EndpointResult]
        var fetch: FetchRun.Report
        var config: ConfigDiagnosis
        // Added with --only / --from-error (docs/json-check.md): which checks ran, what the error named.
        var selection: CheckJSONSelection
        var fromError: CheckJSONFromError?
        // Added with issue 11: each failing module's endpoint, and the replacements verified.
        var moduleEndpoints: [String: String]
        var verifiedProxies: [VerifiedProxy]
    }

    struct Fallback: Encodable {
        var schema = "gomod-doctor.check/1"
        var schemaVersion = CheckJSON.schemaVersion
        var status = "failures"
        var exitCode = 2
        var error: String
    }

    static func statusName(_ status: CheckDiagnosis.Status) -> String {
        switch status {
        case .healthy: return "healthy"
        case .warnings: return "warnings"
        case .failures: return "failures"
        }
    }

    static func encode(_ result: CheckRun.Result, fromError: ExplainReport? = nil) -> String {
        let diagnosis = result.diagnosis
        let document = Document(status: statusName(diagnosis.status), exitCode: diagnosis.status.rawValue,
                                durationSeconds: result.durationSeconds, rootCauses: diagnosis.rootCauses, findings: diagnosis.findings,
                                checks: diagnosis.checks, endpoints: result.endpoints, fetch: result.fetch, config: result.config,
                                selection: CheckJSONSelection(result), fromError: fromError.map { CheckJSONFromError(report: $0, focus: result.focus) },
                                moduleEndpoints: diagnosis.moduleEndpoints, verifiedProxies: result.verifiedProxies)
        do {
            return try CommandFormatting.json(document)
        } catch {
            return (try? CommandFormatting.json(Fallback(error: "\(error)"))) ?? #"{"schema":"gomod-doctor.check/1","schemaVersion":1,"status":"failures","exitCode":2}"#
        }
    }
}
