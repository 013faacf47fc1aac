import Foundation
import LabKit
import Testing

/// Issue 11's acceptance: the printed fix, run verbatim in the user's shell, makes the real
/// go command succeed — or the report says no configuration change can fix it.
extension CheckScenarioSetup {
    /// Runs `sh -c 'set -e; <changes, one per line>; go mod download'` in the client with
    /// `shell`'s environment (HOME=<work>/home) after emptying the module cache: exports and
    /// unsets act on the same shell as the go command, `go env -w` on its GOENV file.
    func applyFixVerbatim(_ changes: [String], in shell: ScenarioShell, timeout: Duration = .seconds(40),
                          go: GoToolchain? = nil) async throws -> CommandResult {
        try await clearModuleCache()
        let script = (["set -e"] + changes + ["go mod download"]).joined(separator: "\n") + "\n"
        let environment = go.map { Self.environment(shell.environment, with: $0) } ?? shell.environment
        return try await lab.run(in: chain.client, ["sh", "-c", script], environment: environment,
                                 workingDirectory: work + "/wd", timeout: timeout)
    }

    /// `environment` with `go` as the go command the shell finds (PATH first, its GOROOT).
    static func environment(_ environment: [String: String], with go: GoToolchain) -> [String: String] {
        var copy = environment
        copy["PATH"] = "\(go.binDirectory):/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        copy["GOROOT"] = go.root
        return copy
    }

    /// The go commands a printed fix must satisfy besides the shell's own (Debian's 1.19):
    /// every release scripts/install-go-toolchains installed.
    static var otherReleases: [GoToolchain] { GoToolchain.installed.filter { $0.version != "1.19" } }

    /// Applies `changes` verbatim and expects the go command to succeed; its stderr (and the
    /// report) shown when it does not. An empty `changes` fails: the caller expected a fix.
    func expectFixWorks(_ changes: [String], in shell: ScenarioShell, _ document: Document) async throws {
        #expect(!changes.isEmpty, "a fix was expected (\(shell.setup)):\n\(document.summary)")
        guard !changes.isEmpty else { return }
        let result = try await applyFixVerbatim(changes, in: shell)
        #expect(result.succeeded, "fix \(changes) run verbatim (\(shell.setup)) → \(result.termination)\n\(result.stderr.prefix(3000))\nreport:\n\(document.summary)")
        // The same fix must work for every go release people run, not only Debian's.
        for go in Self.otherReleases {
            let other = try await applyFixVerbatim(changes, in: shell, go: go)
            #expect(other.succeeded, "\(go): fix \(changes) run verbatim (\(shell.setup)) → \(other.termination)\n\(other.stderr.prefix(2000))")
        }
    }

    /// The top root cause's `changes`: required present (classified), the report attached.
    static func changes(of cause: Document.RootCause, _ document: Document) throws -> [String] {
        try #require(cause.finding.fix?.changes, "the top cause's fix has no `changes`:\n\(document.summary)")
    }

    /// Every command of every root cause's fix (diagnostic and changing).
    static func allFixCommands(_ document: Document) -> [String] {
        document.rootCauses.flatMap { ($0.finding.fix?.commands ?? []) + ($0.finding.fix?.changes ?? []) }
    }

    /// No fix may make the go command stop verifying what it downloads (issue 11, defect 1).
    static func expectNoVerificationBypass(_ document: Document) {
        let forbidden = ["GONOSUMDB", "GONOSUMCHECK", "GOSUMDB=off", "GOFLAGS", "GOINSECURE", "GOPRIVATE", "-insecure"]
        for command in allFixCommands(document) {
            let hits = forbidden.filter { command.contains($0) }
            #expect(hits.isEmpty, "fix command \(command) bypasses verification (\(hits)):\n\(document.summary)")
        }
    }

    /// The contract for variable-setting commands: they follow where the variable comes from.
    /// Exported → the changes start setting it with `export NAME=` (a `go env -w` alone would
    /// be shadowed); only in the GOENV file → `go env -w NAME=` and no `export`. With `value`,
    /// every setting command gives the variable exactly that value.
    static func expectSetting(_ name: String, to value: String?, in changes: [String], _ shell: ScenarioShell, _ document: Document) {
        let exports = changes.filter { $0.hasPrefix("export \(name)=") }
        let writes = changes.filter { $0.hasPrefix("go env -w \(name)=") }
        if shell.environment[name] != nil {
            #expect(changes.first { sets($0, name) }?.hasPrefix("export \(name)=") == true,
                    "\(name) is exported: the first change must export it (\(shell.setup)):\n\(document.summary)")
        } else {
            #expect(exports.isEmpty && !writes.isEmpty, "\(name) comes from the GOENV file: go env -w, no export (\(shell.setup)):\n\(document.summary)")
        }
        if let value {
            for command in exports + writes {
                #expect(command == "export \(name)=\(value)" || command == "go env -w \(name)=\(value)", "\(command): expected \(name)=\(value)")
            }
        }
    }

    /// True when `command` sets (or unsets) the variable `name`: `export NAME=`, `go env -w NAME=`,
    /// `go env -u NAME`, `unset … NAME`.
    static func sets(_ command: String, _ name: String) -> Bool {
        command.contains("\(name)=") || (command.hasPrefix("unset ") && command.split(separator: " ").contains { $0 == name })
            || (command.hasPrefix("go env -u ") && command.split(separator: " ").contains { $0 == name })
    }
}
