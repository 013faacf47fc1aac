import Foundation
import GoModConfig

/// The `fix --json` document: the proposed GOENV change (values redacted), why each line
/// changes, shadowing by the environment, whether it was written and where the backup is.
public struct FixPlanReport: Sendable, Codable {
    public struct Change: Sendable, Codable {
        public var variable: String
        public var oldValue: String?
        public var newValue: String?
        public var findings: [String]
        public var shadowedBy: String?
        public var instead: [String]
        public var message: String
        /// `fix --check`: which configuration finding or check root cause asked for it.
        public var origins: [FixPlan.Origin] = []
    }

    public struct Skipped: Sendable, Codable {
        public var finding: String
        public var command: String
        public var reason: String
        /// `fix --check`: the root cause the command belongs to; absent for configuration findings.
        public var origin: FixPlan.Origin? = nil
    }

    /// `fix --check`: the verdict of the network check whose root causes were read.
    public struct CheckPart: Sendable, Codable {
        /// `healthy`, `warnings` or `failures`, as `check --json` says.
        public var status: String
        public var rootCauses: Int
        public var durationSeconds: Double

        public init(status: String, rootCauses: Int, durationSeconds: Double) {
            self.status = status
            self.rootCauses = rootCauses
            self.durationSeconds = durationSeconds
        }
    }

    public var schemaVersion = DoctorVersion.jsonSchemaVersion
    public var tool = EnvReport.Tool()
    public var language: Language
    public var path: String?
    /// `goenv-off` or `no-path` when nothing can be written.
    public var refusal: String?
    public var refusalMessage: String?
    public var changes: [Change]
    public var skipped: [Skipped]
    /// Shell commands that change the environment (`export …`/`unset …`) from the fixes.
    public var environmentCommands: [String]
    /// Unified diff of the GOENV file, values redacted; empty when nothing changes.
    public var diff: String
    public var applied: Bool
    public var backup: String?
    /// Present only with `--check`.
    public var check: CheckPart?

    public init(_ plan: FixPlan, language: Language, applied: Bool, backup: String?, check: CheckPart? = nil) {
        let catalog = MessageCatalog(language: language)
        self.language = language
        path = plan.path
        refusal = plan.refusal
        refusalMessage = plan.refusal.map { catalog.text("fixplan.refused.\($0)") }
        changes = plan.changes.map { change in
            let old = change.oldValue.map(SecretRedactor.redact)
            let new = change.newValue.map(SecretRedactor.redact)
            let arguments = ["variable": change.variable, "old": old ?? catalog.text("fixplan.unset"),
                             "new": new ?? "", "findings": change.findings.joined(separator: ", ")]
            return Change(variable: change.variable, oldValue: old, newValue: new, findings: change.findings,
                          shadowedBy: change.shadowedBy, instead: change.instead.map(SecretRedactor.redact),
                          message: catalog.text(change.newValue == nil ? "fixplan.change.remove" : "fixplan.change.set", arguments),
                          origins: FixPlan.origins(of: change))
        }
        skipped = plan.skipped.map { Skipped(finding: $0.finding, command: $0.command, reason: $0.reason, origin: $0.origin) }
        environmentCommands = plan.environmentCommands
        diff = plan.refusal == nil ? plan.diff : ""
        self.applied = applied
        self.backup = backup
        self.check = check
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
