import Foundation
import GoModConfig

extension FixPlan {
    /// Where a change or a skipped command comes from: a configuration finding (`config`, the
    /// finding id) or a root cause of the network check (`check`, its finding id and endpoint).
    public struct Origin: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case config, check }
        public var kind: Kind
        /// The finding id (`config.goproxy.no-direct`, `endpoint.tcp.timeout`).
        public var finding: String
        /// The root cause's endpoint (`scheme://host:port`); nil for configuration findings and
        /// for check root causes not tied to one endpoint.
        public var endpoint: String?

        public init(kind: Kind, finding: String, endpoint: String? = nil) {
            self.kind = kind
            self.finding = finding
            self.endpoint = endpoint
        }
    }

    /// The origins of `change`: the recorded ones, else (a plan made from the configuration
    /// alone) one `config` origin per finding.
    public static func origins(of change: Change) -> [Origin] {
        change.origins.isEmpty ? change.findings.map { Origin(kind: .config, finding: $0) } : change.origins
    }

    /// This plan (the configuration findings' changes) followed by the go-variable commands of
    /// the network check's root causes, in the check's order (most blocked modules first).
    /// Only `go env -w`/`go env -u` and `export GO…=` (how check sets an exported go variable)
    /// are taken, each on its own: a check fix is an action followed by diagnostics and
    /// alternatives (trace, dig, ~/.netrc, ssh), which are listed as skipped `check-manual`
    /// (other shell-environment lines as `not-goenv`), never applied.
    /// Root causes that are configuration findings are already in the plan. A variable the plan
    /// already changes to another value keeps the first value (the later one is a `conflict`);
    /// shadowing by the environment is reported as `make` does; when the file already holds the
    /// value but the environment overrides it, the shell line is listed as skipped `shadowed`.
    /// - Parameters:
    ///   - rootCauses: `CheckDiagnosis.rootCauses`, failures then warnings.
    ///   - env: the resolved configuration the check ran with (shadowing, secret recovery).
    ///   - configFindingIDs: the configuration findings' ids (their root causes are skipped).
    ///   - advisoryFindingIDs: configuration findings of severity info (a suggestion such as
    ///     `config.goproxy.no-direct`): a change made only for them gives way to the check's
    ///     value, which rests on what the network showed (the suggestion becomes a `conflict`).
    public func addingCheck(_ rootCauses: [CheckRootCause], env: ResolvedGoEnv, configFindingIDs: Set<String>,
                            advisoryFindingIDs: Set<String> = []) -> FixPlan {
        var plan = self
        let file = GoEnvFile.parse(Data(original.utf8), path: path ?? "")
        var added: [(name: String, value: String?)] = []
        for cause in rootCauses where !(cause.endpoint == nil && configFindingIDs.contains(cause.finding.id)) {
            let origin = Origin(kind: .check, finding: cause.finding.id, endpoint: cause.endpoint)
            for command in cause.finding.fix?.commands ?? [] {
                let wanted: (name: String, value: String?)
                switch FixPlanOperation.parse(command) {
                case .set(let name, let value):
                    guard let real = Self.recoverSecret(value, from: env[name], file.entry(for: name)?.value) else {
                        plan.appendSkipped(Skipped(finding: cause.finding.id, command: command, reason: "secret", origin: origin))
                        continue
                    }
                    wanted = (name, real)
                case .unset(let name):
                    wanted = (name, nil)
                case .environment(let name, let command):
                    // `export GOPROXY=…` is how check sets a go variable that is exported (FixCommands.set):
                    // the same value is wanted here, and shadowing is reported as `make` does.
                    guard name.hasPrefix("GO"), let value = FixPlanOperation.exportedValue(command),
                          let real = Self.recoverSecret(value, from: env[name], file.entry(for: name)?.value) else {
                        plan.appendSkipped(Skipped(finding: cause.finding.id, command: command, reason: "not-goenv", origin: origin))
                        continue
                    }
                    wanted = (name, real)
                case .other:
                    // `unset HTTPS_PROXY https_proxy` names two variables: still a shell-environment line.
                    let shell = command.hasPrefix("unset ") || command.hasPrefix("export ")
                    plan.appendSkipped(Skipped(finding: cause.finding.id, command: command, reason: shell ? "not-goenv" : "check-manual", origin: origin))
                    continue
                }
                if plan.addCheckChange(wanted.name, wanted.value, origin: origin, env: env, file: file, advisory: advisoryFindingIDs) {
                    added.append(wanted)
                }
            }
        }
        if plan.refusal == nil {
            // From the original: a check value may have replaced an advisory one.
            plan.updated = FixPlanFileEditor.apply(plan.changes.map { ($0.variable, $0.newValue) }, to: original)
        } else {
            // Nothing can be written (GOENV=off): the environment is the only place left.
            for (name, value) in added {
                let line = SecretRedactorBridge.redact(FixCommands.environmentLine(name, value))
                if !plan.environmentCommands.contains(line) { plan.environmentCommands.append(line) }
            }
        }
        return plan
    }

    /// Records one wanted value; true when it is a new change to write.
    mutating func addCheckChange(_ name: String, _ value: String?, origin: Origin, env: ResolvedGoEnv, file: GoEnvFile,
                                 advisory: Set<String> = []) -> Bool {
        if let index = changes.firstIndex(where: { $0.variable == name }) {
            let onlyAdvisory = Self.origins(of: changes[index]).allSatisfy { $0.kind == .config && advisory.contains($0.finding) }
            if changes[index].newValue != value, onlyAdvisory {
                let replaced = changes[index]
                for finding in replaced.findings {
                    appendSkipped(Skipped(finding: finding, command: FixCommands.goEnvLine(name, replaced.newValue),
                                          reason: "conflict", origin: Origin(kind: .config, finding: finding)))
                }
                changes[index].newValue = value
                changes[index].findings = [origin.finding]
                changes[index].origins = [origin]
                if changes[index].shadowedBy != nil { changes[index].instead = [FixCommands.environmentLine(name, value)] }
                if changes[index].oldValue == value { changes.remove(at: index) }
                return true
            }
            if changes[index].newValue == value {
                changes[index].origins = Self.origins(of: changes[index])
                if !changes[index].origins.contains(origin) { changes[index].origins.append(origin) }
                if !changes[index].findings.contains(origin.finding) { changes[index].findings.append(origin.finding) }
            } else {
                appendSkipped(Skipped(finding: origin.finding, command: FixCommands.goEnvLine(name, value),
                                      reason: "conflict", origin: origin))
            }
            return false
        }
        let old = file.entry(for: name)?.value
        let variable = env.variable(name)
        let shadowed = variable?.source == .environment
        guard old != value else {
            // The file is right already; the exported variable is what the check saw fail.
            if shadowed && env[name] != (value ?? "") {
                appendSkipped(Skipped(finding: origin.finding, command: FixCommands.environmentLine(name, value), reason: "shadowed", origin: origin))
            }
            return false
        }
        changes.append(Change(variable: name, oldValue: old, newValue: value, findings: [origin.finding],
                              shadowedBy: shadowed ? (variable?.origin ?? name) : nil,
                              instead: shadowed ? [FixCommands.environmentLine(name, value)] : [], origins: [origin]))
        return true
    }

    /// Appends `skipped` with its command redacted, once.
    mutating func appendSkipped(_ skipped: Skipped) {
        var copy = skipped
        copy.command = SecretRedactorBridge.redact(copy.command)
        if !self.skipped.contains(copy) { self.skipped.append(copy) }
    }
}
