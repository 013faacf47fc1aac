import Foundation
import GoModConfig

/// The `env --json` document: versioned and documented in docs/json-schema.md. Finding
/// messages are rendered in the chosen language; everything secret is already redacted by
/// the types it is built from.
public struct EnvReport: Sendable, Codable {
    public struct Tool: Sendable, Codable {
        public var name = "gomod-doctor"
        public var version = DoctorVersion.string
    }

    public struct RenderedFinding: Sendable, Codable {
        public var id: String
        public var layer: Layer
        public var severity: Severity
        public var target: String
        public var message: String
        public var arguments: [String: String]
        public var evidence: [String]
        public var fix: RenderedFix?
    }

    public struct RenderedFix: Sendable, Codable {
        public var commands: [String]
        public var why: String?
    }

    public struct Summary: Sendable, Codable {
        public var failures: Int
        public var warnings: Int
        public var info: Int
    }

    public struct ProjectView: Sendable, Codable {
        public var directory: String
        public var goMod: String?
        public var module: String?
        public var go: String?
        public var toolchain: String?
        public var requirements: Int
        public var hasGoSum: Bool
        public var hasVendorDirectory: Bool
        public var errors: [ConfigInputError]
    }

    public var schemaVersion = DoctorVersion.jsonSchemaVersion
    public var tool = Tool()
    public var language: Language
    public var goInstallation: GoInstallation?
    public var rules: String
    public var envFile: GoEnvFileStatus
    public var variables: [ResolvedVariable]
    public var project: ProjectView
    public var routes: RouteTable
    public var findings: [RenderedFinding]
    public var summary: Summary

    public init(_ diagnosis: ConfigDiagnosis, language: Language) {
        let catalog = MessageCatalog(language: language)
        self.language = language
        goInstallation = diagnosis.env.installation
        rules = diagnosis.env.rules
        var envFile = diagnosis.env.envFile
        envFile.file = nil   // entries are reflected in `variables`; raw file values may hold secrets
        self.envFile = envFile
        variables = diagnosis.env.variables
        let goMod = diagnosis.project.goMod
        project = ProjectView(directory: diagnosis.project.directory, goMod: diagnosis.project.goModPath,
                              module: goMod?.modulePath, go: goMod?.goVersion, toolchain: goMod?.toolchain,
                              requirements: goMod?.requires.count ?? 0, hasGoSum: diagnosis.project.goSum != nil,
                              hasVendorDirectory: diagnosis.project.hasVendorDirectory,
                              errors: [diagnosis.project.goModError, diagnosis.project.goSumError].compactMap { $0 })
        routes = diagnosis.routes
        findings = diagnosis.findings.map { finding in
            RenderedFinding(id: finding.id, layer: finding.layer, severity: finding.severity, target: finding.target,
                            message: catalog.text(finding.messageKey, finding.arguments), arguments: finding.arguments,
                            evidence: finding.evidence,
                            fix: finding.fix.map { RenderedFix(commands: $0.commands, why: $0.explanationKey.map { catalog.text($0) }) })
        }
        summary = Summary(failures: diagnosis.findings.filter { $0.severity == .failure }.count,
                          warnings: diagnosis.findings.filter { $0.severity == .warning }.count,
                          info: diagnosis.findings.filter { $0.severity == .info }.count)
    }

    /// Pretty, key-sorted JSON with a trailing newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
