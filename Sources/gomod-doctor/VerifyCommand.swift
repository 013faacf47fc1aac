import ArgumentParser
import Doctor
import Foundation
import GoModConfig
import ModuleFetch
import Report

/// `gomod-doctor verify [dir]`: go.sum against the checksum database (through the route the
/// configuration gives, misbehaviour proven), missing go.sum lines, each proxy's `/sumdb/`
/// view against the direct one; `--zips` every mirror's files; `--cache` the module cache.
/// Exits 1 when a failure was found.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check go.sum against the checksum database, mirrors' files and the module cache, naming what differs."
    )

    @Argument(help: "Project directory (default: the current directory; go.mod is searched upwards).")
    var directory: String?

    @Flag(name: .long, help: "Download each module's .zip and .mod from every GOPROXY mirror and compare their h1 hashes.")
    var zips = false

    @Flag(name: .long, help: "Verify the local module cache ($GOMODCACHE) like `go mod verify`, naming the file that differs.")
    var cache = false

    @Option(name: .customLong("state-dir"), help: "Where the last seen tree heads are kept (default $GOMOD_DOCTOR_STATE_DIR, $XDG_STATE_HOME/gomod-doctor, ~/.local/state/gomod-doctor).")
    var stateDirectory: String?

    @OptionGroup var output: OutputOptions

    struct Document: Encodable {
        var schemaVersion = DoctorVersion.jsonSchemaVersion
        var verify: VerifyReport
        var findings: [Finding]
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let fileSystem = LocalFileSystem()
        let cwd = FileManager.default.currentDirectoryPath
        let directory = self.directory.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        let installation = GoInstallation.locate(environment: environment, hostOS: .current, fileSystem: fileSystem)
        let diagnosis = ConfigDiagnosis.run(environment: environment, directory: directory, fileSystem: fileSystem,
                                            installation: installation)
        let state = stateDirectory.map { SumDBStateDirectory(root: $0) } ?? SumDBStateDirectory.resolve(environment: environment)
        let report = await VerifyRun(environment: environment, state: state, zips: zips, cache: cache)
            .run(env: diagnosis.env, project: diagnosis.project, routes: diagnosis.routes)
        let findings = VerifyFindings.evaluate(report)
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            TerminalOutput.json(String(decoding: try encoder.encode(Document(verify: report, findings: findings)), as: UTF8.self))
        } else {
            TerminalOutput.text(render(report, findings: findings, catalog: MessageCatalog(language: output.language(environment: environment))))
        }
        if findings.contains(where: { $0.severity == .failure }) { throw ExitCode(1) }
    }

    func render(_ report: VerifyReport, findings: [Finding], catalog: MessageCatalog) -> String {
        var lines: [String] = []
        for finding in findings {
            lines.append("\(finding.severity.rawValue): " + catalog.text(finding.messageKey, finding.arguments))
            for evidence in finding.evidence where !evidence.isEmpty {
                lines.append("\t" + evidence.replacingOccurrences(of: "\n", with: "\n\t"))
            }
            if let fix = finding.fix {
                if let key = fix.explanationKey { lines.append("  " + catalog.text(key)) }
                lines += fix.commands.map { "  $ " + $0 }
            }
        }
        let count = { (status: GoSumCheck.Status) in "\(report.lines.filter { $0.status == status }.count)" }
        if findings.isEmpty { lines.append(catalog.text("ui.verify.ok")) }
        lines.append(catalog.text("ui.verify.summary", [
            "verified": count(.verified), "mismatch": count(.mismatch), "skipped": count(.skipped),
            "missing": "\(report.missing.count)", "failed": "\(report.lines.filter { $0.status == .failed || $0.status == .notInDatabase }.count)",
            "requests": "\(report.databaseRequests)", "tiles": "\(report.tileRequests)",
        ]))
        return lines.joined(separator: "\n")
    }
}
