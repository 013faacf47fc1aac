import GoModConfig
import ModuleFetch

/// The toolchain switch in `check`'s verdict (cmd/go/internal/toolchain/select.go Exec): the
/// download failures the go command words as its own (`toolchain not available`, the checksum
/// database turned off) become causes of their own, and a refusal keeps its GOTOOLCHAIN=auto
/// change only when this run fetched the toolchain that auto would download.
extension CheckDiagnosis {
    /// `config.toolchain.refused` settled by the fetch: `changes` = the GOTOOLCHAIN=auto
    /// commands when the would-be download succeeded, else none (and the fetch's error as evidence).
    static func settlingToolchainRefusal(_ finding: Finding, toolchain: ToolchainCheck?) -> Finding {
        guard finding.id == "config.toolchain.refused", let fix = finding.fix else { return finding }
        var settled = finding
        if let fetch = toolchain?.fetch, fetch.status == .ok {
            settled.fix = Fix(commands: fix.commands, explanationKey: "fix.toolchain.allow-switch-verified", changes: fix.commands)
        } else {
            settled.fix = Fix(commands: [], explanationKey: "fix.toolchain.switch-unavailable", changes: [])
            if let failure = toolchain?.fetch?.failure {
                settled.evidence.append("with GOTOOLCHAIN=auto: go: " + failure.message)
            }
        }
        return settled
    }

    /// The switch's download failing as the go command reports it specially, as a cause of its
    /// own; nil for any other outcome (a broken proxy stays that endpoint's cause).
    static func toolchainDownloadCause(_ toolchain: ToolchainCheck?, totalModules: Int) -> CheckRootCause? {
        guard let toolchain, let fetch = toolchain.download, fetch.status == .fails, let failure = fetch.failure else { return nil }
        let module = "\(fetch.path)@\(fetch.version)"
        let platform = toolchain.version.split(separator: ".").last.map { $0.replacingOccurrences(of: "-", with: "/") } ?? ""
        let finding: Finding
        if failure.failureClass == "not-found" {
            // Exec: errors.Is(err, fs.ErrNotExist) — every proxy answered 404/410, or GOPROXY=off;
            // a language version (GOTOOLCHAIN=go1.22) is named as the mistake it is.
            let name = toolchain.required
            let text = ToolchainChecker.isLanguageVersionOnly(name)
                ? "invalid toolchain: \(name) is a language version but not a toolchain version (\(name).x)"
                : "download \(name) for \(platform): toolchain not available"
            finding = Finding(id: "toolchain.not-available", layer: .moduleProtocol, severity: .failure, target: module,
                              arguments: ["required": toolchain.required, "module": module, "error": text],
                              evidence: ["go: " + text, "go: " + failure.message],
                              fix: Fix(commands: ["gomod-doctor fetch \(module)"], explanationKey: "fix.toolchain.not-available", changes: []))
        } else if failure.layer == .sumdb, failure.failureClass == "disabled" {
            finding = Finding(id: "toolchain.sumdb-off", layer: .sumdb, severity: .failure, target: module,
                              arguments: ["required": toolchain.required, "module": module, "error": failure.message],
                              evidence: ["go: " + failure.message],
                              fix: Fix(commands: [], explanationKey: "fix.toolchain.sumdb-off", changes: []))
        } else {
            return nil
        }
        return CheckRootCause(finding: finding, endpoint: nil, blockedModules: [module], totalModules: totalModules)
    }
}
