import Foundation
import GoModConfig

/// What `gomod-doctor fix` would change in the GOENV file, derived from the configuration
/// findings' fixes: per variable the old and new line, why, and whether an environment
/// variable shadows the file (then the file change alone does nothing; `instead` says what
/// to run). `updated` holds the real new file text (secrets included: it is what gets
/// written); everything shown to a person goes through `diff`, which is redacted.
public struct FixPlan: Sendable, Equatable {
    public struct Change: Sendable, Equatable, Codable {
        public var variable: String
        /// The effective file value before, nil when the file does not set it.
        public var oldValue: String?
        /// nil: the line is removed (`go env -u`).
        public var newValue: String?
        public var findings: [String]
        /// The environment variable that overrides the file (`GOPROXY`), when one does.
        public var shadowedBy: String?
        /// The shell commands that change the environment instead (`export …`, `unset …`).
        public var instead: [String]
        /// What asked for it (`fix --check`); empty: the `findings`, all configuration findings.
        public var origins: [Origin] = []
    }

    public struct Skipped: Sendable, Equatable, Codable {
        public var finding: String
        public var command: String
        /// `not-goenv` (a command that is not a go variable change), `secret` (a redacted
        /// value that cannot be rebuilt), `conflict` (another finding already sets it),
        /// `check-manual` (a diagnostic or manual step of a check root cause's fix), `shadowed`
        /// (the file has the value, an environment variable overrides it: `command` is the shell line).
        public var reason: String
        /// Set for the check's root causes (`fix --check`); nil: a configuration finding.
        public var origin: Origin? = nil
    }

    /// nil: `goenv-off` (GOENV=off) or `no-path` (no config directory); nothing can be written.
    public var refusal: String?
    public var path: String?
    public var changes: [Change]
    public var skipped: [Skipped]
    /// Every shell-environment command of the fixes (`export …`, `unset …`), redacted, in order:
    /// what to run when the file cannot be written (GOENV=off) or is shadowed.
    public var environmentCommands: [String] = []
    public var original: String
    public var updated: String

    /// Redacted unified diff of the file, empty when nothing changes.
    public var diff: String {
        guard let path, original != updated else { return "" }
        return FixPlanDiff.render(old: original, new: updated, oldName: path, newName: path, redact: SecretRedactorBridge.redact)
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// The plan for `diagnosis`, with `fileText` the current GOENV file contents ("" when absent).
    public static func make(_ diagnosis: ConfigDiagnosis, fileText: String) -> FixPlan {
        let env = diagnosis.env
        var plan = FixPlan(refusal: nil, path: env.envFile.path, changes: [], skipped: [], original: fileText, updated: fileText)
        if env.envFile.disabled { plan.refusal = "goenv-off" } else if env.envFile.path == nil { plan.refusal = "no-path" }
        // Rewriting a file we could not read would drop whatever it holds.
        else if env.envFile.readProblem != nil { plan.refusal = "goenv-unreadable" }
        let file = GoEnvFile.parse(Data(fileText.utf8), path: env.envFile.path ?? "")
        var environmentCommands: [String: [String]] = [:]
        var wanted: [(name: String, value: String?, finding: String)] = []
        for finding in diagnosis.findings {
            let commands = finding.fix?.commands ?? []
            let operations = commands.map(FixPlanOperation.parse)
            // A fix with a manual step (write ~/.netrc, go mod tidy) is all or nothing: applying
            // only its variable part could remove credentials before they are stored elsewhere.
            if operations.contains(where: { if case .other = $0 { return true } else { return false } }) {
                let onlyManual = operations.allSatisfy { if case .other = $0 { return true } else { return false } }
                plan.skipped += commands.map { Skipped(finding: finding.id, command: $0, reason: onlyManual ? "not-goenv" : "manual") }
                continue
            }
            for (command, operation) in zip(commands, operations) {
                switch operation {
                case .set(let name, let value):
                    guard let real = recoverSecret(value, from: env[name], file.entry(for: name)?.value) else {
                        plan.skipped.append(Skipped(finding: finding.id, command: command, reason: "secret"))
                        continue
                    }
                    wanted.append((name, real, finding.id))
                case .unset(let name):
                    wanted.append((name, nil, finding.id))
                case .environment(let name, let command):
                    environmentCommands[finding.id + "\u{0}" + name, default: []].append(command)
                    let shown = SecretRedactorBridge.redact(command)
                    if !plan.environmentCommands.contains(shown) { plan.environmentCommands.append(shown) }
                case .other(let command):
                    plan.skipped.append(Skipped(finding: finding.id, command: command, reason: "not-goenv"))
                }
            }
        }
        for item in wanted {
            if let index = plan.changes.firstIndex(where: { $0.variable == item.name }) {
                if plan.changes[index].newValue == item.value {
                    if !plan.changes[index].findings.contains(item.finding) { plan.changes[index].findings.append(item.finding) }
                } else {
                    plan.skipped.append(Skipped(finding: item.finding, command: FixCommands.goEnvLine(item.name, item.value),
                                                reason: "conflict"))
                }
                continue
            }
            let old = file.entry(for: item.name)?.value
            guard old != item.value else { continue }
            let variable = env.variable(item.name)
            let shadowed = variable?.source == .environment
            plan.changes.append(Change(variable: item.name, oldValue: old, newValue: item.value, findings: [item.finding],
                                       shadowedBy: shadowed ? (variable?.origin ?? item.name) : nil,
                                       instead: shadowed ? (environmentCommands[item.finding + "\u{0}" + item.name]
                                           ?? [FixCommands.environmentLine(item.name, item.value)]) : []))
        }
        plan.skipped = plan.skipped.map { skipped in
            var copy = skipped
            copy.command = SecretRedactorBridge.redact(copy.command)
            return copy
        }
        if plan.refusal == nil {
            plan.updated = FixPlanFileEditor.apply(plan.changes.map { ($0.variable, $0.newValue) }, to: fileText)
        }
        return plan
    }

    /// Finding commands are redacted; rebuild the real value by putting back each list element
    /// of the current value whose redacted form it shows. nil when a redacted element has no source.
    static func recoverSecret(_ value: String, from current: String, _ fileValue: String?) -> String? {
        guard value.contains(SecretRedactor.mask) else { return value }
        let sources = (current + "," + (fileValue ?? "")).split { $0 == "," || $0 == "|" }.map(String.init)
        var output = ""
        var element = ""
        func flushElement() -> Bool {
            if element.contains(SecretRedactor.mask) {
                guard let real = sources.first(where: { SecretRedactorBridge.redact($0) == element }) else { return false }
                output += real
            } else {
                output += element
            }
            element = ""
            return true
        }
        for char in value {
            if char == "," || char == "|" {
                guard flushElement() else { return nil }
                output.append(char)
            } else {
                element.append(char)
            }
        }
        return flushElement() ? output : nil
    }
}
