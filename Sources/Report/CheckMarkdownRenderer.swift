import Doctor
import GoModConfig
import Foundation

/// `check --markdown`: a report to paste into an issue, in the spirit of the goproxy.cn and
/// golang issue templates — title and status, root causes ("N of M modules", evidence, fix
/// commands in ```sh blocks), the checklist as a table, and the environment (go version, OS,
/// kernel, gomod-doctor version, the module-related go env). Every value, and the whole
/// document once more, goes through `SecretRedactor`: URL userinfo and tokens never appear.
public struct CheckMarkdownRenderer: Sendable {
    /// What the "Environment" section shows; the command collects it.
    public struct Environment: Sendable, Equatable {
        /// `go version` output; nil when there is no go binary (or it did not answer in time).
        public var goVersion: String?
        public var operatingSystem: String
        public var kernel: String
        public var doctorVersion: String
        /// Name and value of each module-related variable, in display order.
        public var goEnv: [GoEnvEntry]

        public init(goVersion: String?, operatingSystem: String, kernel: String, doctorVersion: String, goEnv: [GoEnvEntry]) {
            self.goVersion = goVersion
            self.operatingSystem = operatingSystem
            self.kernel = kernel
            self.doctorVersion = doctorVersion
            self.goEnv = goEnv
        }
    }

    public struct GoEnvEntry: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The variables the Environment section lists, from the resolved go env.
    public static let goEnvNames = ["GO111MODULE", "GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE",
                                    "GOVCS", "GOFLAGS", "GOTOOLCHAIN", "GOENV", "GOPATH", "GOMODCACHE", "GOROOT"]
    /// Process environment variables that route the go command's HTTPS traffic.
    public static let proxyVariableNames = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"]

    public var catalog: MessageCatalog

    public init(catalog: MessageCatalog) {
        self.catalog = catalog
    }

    public func render(_ result: CheckRun.Result, directory: String, environment: Environment, fromError: ExplainReport? = nil) -> String {
        let diagnosis = result.diagnosis
        let status = catalog.text("ui.check.md.status.\(diagnosis.status.rawValue)")
        var lines = ["## " + catalog.text("ui.check.md.title", ["status": status]), "",
                     catalog.text("ui.check.md.summary", ["directory": Self.code(directory), "seconds": String(format: "%.1f", result.durationSeconds)])]
        let skipped = CheckName.allCases.filter { !result.selectedChecks.contains($0) }
        if !skipped.isEmpty {
            lines += ["", catalog.text("ui.check.not-selected", ["names": skipped.map(\.rawValue).joined(separator: ", ")])]
        }
        if let fromError { lines += fromErrorSection(fromError, focus: result.focus) }
        lines += ["", "### " + catalog.text("ui.check.md.root-causes"), ""]
        if diagnosis.rootCauses.isEmpty { lines.append(catalog.text("ui.check.no-root-cause")) }
        for (index, cause) in diagnosis.rootCauses.enumerated() { lines += rootCause(cause, number: index + 1) }
        if lines.last == "" { lines.removeLast() }
        lines += ["", "### " + catalog.text("ui.check.md.checks"), ""]
        lines += checklist(diagnosis)
        lines += ["", "### " + catalog.text("ui.check.md.environment"), ""]
        lines += environmentSection(environment)
        return SecretRedactor.redact(lines.joined(separator: "\n") + "\n")
    }

    func rootCause(_ cause: CheckRootCause, number: Int) -> [String] {
        let finding = cause.finding
        let impact = cause.blockedModules.isEmpty ? catalog.text("ui.check.blocks-none")
            : catalog.text("ui.check.blocks", ["count": "\(cause.blockedModules.count)", "total": "\(cause.totalModules)"])
        var lines = ["\(number). **\(Self.inline(impact))** \(Self.inline(catalog.text(finding.messageKey, finding.arguments)))",
                     "   `\(finding.id)` · \(finding.layer.rawValue) · \(Self.code(cause.endpoint ?? finding.target))"]
        if !cause.blockedModules.isEmpty {
            lines.append("   " + cause.blockedModules.prefix(20).map(Self.code).joined(separator: ", ")
                         + (cause.blockedModules.count > 20 ? ", …" : ""))
        }
        if !finding.evidence.isEmpty {
            lines += ["", "   " + catalog.text("ui.check.md.evidence") + ":", ""]
            lines += Self.fenced(finding.evidence.joined(separator: "\n"), language: "text").map { "   " + $0 }
        }
        if let fix = finding.fix, !fix.commands.isEmpty || fix.explanationKey != nil {
            var label = catalog.text("ui.check.md.fix")
            if let key = fix.explanationKey { label += ": " + Self.inline(catalog.text(key)) }
            lines += ["", "   " + label]
            if !fix.commands.isEmpty {
                lines.append("")
                lines += Self.fenced(fix.commands.joined(separator: "\n"), language: "sh").map { "   " + $0 }
            }
        }
        lines.append("")
        return lines
    }

    func checklist(_ diagnosis: CheckDiagnosis) -> [String] {
        var lines = ["| " + ["result", "kind", "subject", "verdict"].map { catalog.text("ui.check.md.column.\($0)") }.joined(separator: " | ") + " |",
                     "|---|---|---|---|"]
        for check in diagnosis.checks {
            var verdict = check.detail
            if check.kind == .config, check.severity != nil,
               let finding = diagnosis.findings.first(where: { $0.id == check.detail && $0.target == check.subject }) {
                verdict = catalog.text(finding.messageKey, finding.arguments)
            } else if check.kind == .config {
                verdict = catalog.text("ui.check.config-ok")
            }
            let cells = [Self.mark(check.severity), catalog.text("ui.check.kind.\(check.kind.rawValue)"), Self.code(check.subject), Self.cell(verdict)]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    func environmentSection(_ environment: Environment) -> [String] {
        var lines = ["- " + catalog.text("ui.check.md.doctor-version") + ": " + Self.code(environment.doctorVersion),
                     "- " + catalog.text("ui.check.md.os") + ": " + Self.inline(environment.operatingSystem),
                     "- " + catalog.text("ui.check.md.kernel") + ": " + Self.code(environment.kernel),
                     "- " + catalog.text("ui.check.md.go-version") + ": "
                        + (environment.goVersion.map(Self.code) ?? catalog.text("ui.check.md.go-absent")),
                     "", catalog.text("ui.check.md.go-env") + ":", ""]
        let env = environment.goEnv.map { "\($0.name)=\(Self.shellQuote(SecretRedactor.redact($0.value)))" }.joined(separator: "\n")
        lines += Self.fenced(env, language: "sh")
        return lines
    }

    func fromErrorSection(_ report: ExplainReport, focus: CheckFocus?) -> [String] {
        var lines = ["", "### " + catalog.text("ui.check.md.from-error"), ""]
        lines += Self.fenced(report.errors.map(\.text).joined(separator: "\n"), language: "text")
        for entry in report.errors {
            lines.append("- **\(entry.layer.rawValue) / \(Self.inline(entry.failureClass))**: \(Self.inline(entry.explanation))")
        }
        if let focus {
            let none = catalog.text("ui.check.focus.none")
            lines += ["", Self.inline(catalog.text("ui.check.focus", [
                "hosts": focus.hosts.isEmpty ? none : focus.hosts.joined(separator: ", "),
                "modules": focus.modules.isEmpty ? none : focus.modules.joined(separator: ", "),
            ]))]
        }
        return lines
    }

    static func mark(_ severity: Severity?) -> String {
        switch severity {
        case nil: return "✓"
        case .info: return "i"
        case .warning: return "!"
        case .failure: return "✗"
        }
    }

    /// A code span that survives backticks in the text (CommonMark: a longer fence).
    static func code(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let fence = flat.contains("`") ? "``" : "`"
        return fence + (fence == "``" ? " \(flat) " : flat) + fence
    }

    /// Running text: one line, no stray table or HTML syntax.
    static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A table cell: running text with its pipes escaped.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// A fenced block whose fence is longer than any backtick run inside.
    static func fenced(_ text: String, language: String) -> [String] {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + language] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence]
    }

    /// `go env`-style display of a value: plain when safe, else single-quoted for sh.
    static func shellQuote(_ value: String) -> String {
        let safe = value.allSatisfy { $0.isLetter || $0.isNumber || "-_./:,@=+*%~".contains($0) }
        if safe && !value.isEmpty { return value }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
