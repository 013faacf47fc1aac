import Foundation
import LabKit
import Testing

extension LabSuite {
    /// Issue 12's toolchain-switching scenarios, against every installed go command: go.mod
    /// asks for a newer Go, and the go command (1.21+, GOTOOLCHAIN=auto) downloads the
    /// `golang.org/toolchain` module through GOPROXY and verifies it against the checksum
    /// database (cmd/go/internal/toolchain/select.go). The lab proxy serves toolchain modules
    /// shaped like the go team's own test toolchains (cmd/go/testdata/mod/
    /// golang.org_toolchain_v0.0.1-go1.999testmod.linux-amd64.txt: a go.mod and a `bin/go`
    /// script), recorded in the lab checksum database. In each scenario `check`'s verdict must
    /// agree with what `go mod download` did, and a printed fix, run verbatim, must make it
    /// succeed — or the report must say no configuration change can fix it.
    @Suite
    struct ToolchainSwitchLabTests {
        typealias Setup = CheckScenarioSetup

        /// The toolchains the lab proxy serves: go1.30.0 (what a `go 1.30` line asks for from
        /// Go 1.21 on) and go1.30.1. go1.30.2 exists nowhere.
        static let served = ["go1.30.0", "go1.30.1"]

        static var platform: String {
            #if arch(arm64)
            "linux-arm64"
            #else
            "linux-amd64"
            #endif
        }

        static func toolchainModule(_ name: String) -> LabModule {
            LabModule(path: "golang.org/toolchain", version: "v0.0.1-\(name).\(platform)", files: [
                "go.mod": "module golang.org/toolchain\n",
                "bin/go": "#!/bin/sh\necho \"\(name) lab toolchain: $*\"\n",
                "bin/gofmt": "#!/bin/sh\necho unused\n",
                "pkg/tool/fake": "",
                // The go command walks lib/ after unpacking (as the go team's fake has it).
                "lib/wasm/go_js_wasm_exec": "",
            ])
        }

        /// One scenario: the go line, the variables changed, and what the go command must do.
        struct Scenario: Sendable, CustomStringConvertible {
            var name: String
            var goLine: String
            var overrides: [String: String]
            /// nil: `go mod download` succeeds; else a piece of its error.
            var goFailsWith: String?
            /// The id of the root cause `check` must put first when the go command fails.
            var cause: String?
            /// Whether the cause must carry a configuration change (run verbatim, it must work).
            var expectsChange = false
            /// Lines of the GOENV file (the variable is then not exported).
            var goenv: [String: String] = [:]
            var description: String { name }
        }

        /// The scenarios that apply to `go`, with the go command's own expected texts.
        static func scenarios(for go: GoToolchain) -> [Scenario] {
            let parts = go.version.split(separator: ".").compactMap { Int($0) }
            guard parts.count >= 2, (parts[0], parts[1]) >= (1, 21) else {
                // Before 1.21 there is no switching: the go line is only parsed, and a
                // three-part one is a go.mod syntax error (x/mod modfile before v0.10).
                return [
                    Scenario(name: "three-part go line", goLine: "1.30.1", overrides: ["GOTOOLCHAIN": "auto"],
                             goFailsWith: "invalid go version '1.30.1': must match format 1.23", cause: "config.gomod.too-new-for-local-go"),
                    Scenario(name: "language version", goLine: "1.30", overrides: ["GOTOOLCHAIN": "auto"], goFailsWith: nil),
                ]
            }
            let local = go.version
            return [
                Scenario(name: "switch served", goLine: "1.30.1", overrides: ["GOTOOLCHAIN": "auto"], goFailsWith: nil),
                Scenario(name: "language version", goLine: "1.30", overrides: ["GOTOOLCHAIN": "auto"], goFailsWith: nil),
                Scenario(name: "toolchain not served", goLine: "1.30.2", overrides: ["GOTOOLCHAIN": "auto"],
                         goFailsWith: "download go1.30.2 for \(platform.replacingOccurrences(of: "-", with: "/")): toolchain not available",
                         cause: "toolchain.not-available"),
                Scenario(name: "GOSUMDB=off", goLine: "1.30.1", overrides: ["GOTOOLCHAIN": "auto", "GOSUMDB": "off"],
                         goFailsWith: "verifying module: checksum database disabled by GOSUMDB=off", cause: "toolchain.sumdb-off"),
                Scenario(name: "toolchain line", goLine: "1.21.0\n\ntoolchain go1.30.1", overrides: ["GOTOOLCHAIN": "auto"], goFailsWith: nil),
                Scenario(name: "GOTOOLCHAIN pinned, served", goLine: "1.21.0", overrides: ["GOTOOLCHAIN": "go1.30.1"], goFailsWith: nil),
                Scenario(name: "GOTOOLCHAIN pinned, not served", goLine: "1.21.0", overrides: ["GOTOOLCHAIN": "go1.30.2"],
                         goFailsWith: "toolchain not available", cause: "toolchain.not-available"),
                Scenario(name: "GOTOOLCHAIN pinned to a language version", goLine: "1.21.0", overrides: ["GOTOOLCHAIN": "go1.30"],
                         goFailsWith: "invalid toolchain: go1.30 is a language version but not a toolchain version (go1.30.x)",
                         cause: "toolchain.not-available"),
                Scenario(name: "GOTOOLCHAIN=local", goLine: "1.30.1", overrides: ["GOTOOLCHAIN": "local"],
                         goFailsWith: "go.mod requires go >= 1.30.1 (running go \(local); GOTOOLCHAIN=local)", cause: "config.toolchain.refused",
                         expectsChange: true),
                Scenario(name: "GOTOOLCHAIN=local in the GOENV file", goLine: "1.30.1", overrides: [:],
                         goFailsWith: "go.mod requires go >= 1.30.1 (running go \(local); GOTOOLCHAIN=local)", cause: "config.toolchain.refused",
                         expectsChange: true, goenv: ["GOTOOLCHAIN": "local"]),
                Scenario(name: "GOTOOLCHAIN=local, not served", goLine: "1.30.2", overrides: ["GOTOOLCHAIN": "local"],
                         goFailsWith: "go.mod requires go >= 1.30.2 (running go \(local); GOTOOLCHAIN=local)", cause: "config.toolchain.refused"),
            ]
        }

        @Test(LabGate.trait, arguments: GoToolchain.installed.map(\.version))
        func checkPredictsTheSwitch(release version: String) async throws {
            let go = try #require(GoToolchain.installed.first { $0.version == version })
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, extraModules: Self.served.map(Self.toolchainModule))
                for scenario in Self.scenarios(for: go) {
                    try await Self.expectAgreement(setup, go, scenario)
                }
            }
        }

        /// GOPROXY=direct: the go command finds golang.org/toolchain through its go-get page, a
        /// `mod` import naming https://go.dev/dl/mod (a module proxy), and fetches the toolchain
        /// there (cmd/go/internal/vcs RepoRootForImportPath in PreferMod mode, modfetch/repo.go
        /// newProxyRepo). Both names are the lab server; check must follow the same way.
        @Test(LabGate.trait, arguments: GoToolchain.installed.filter { $0.version != "1.19" }.map(\.version))
        func directModeFollowsTheModImport(release version: String) async throws {
            let go = try #require(GoToolchain.installed.first { $0.version == version })
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, names: ["golang.org", "go.dev"], extraModules: Self.served.map(Self.toolchainModule))
                // The go-get page and the /dl/mod/ proxy, both over https on the server's port 443.
                let site = await lab.scratchPath("golang-site")
                try FileManager.default.createDirectory(atPath: site + "/dl", withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: site + "/dl/mod", withDestinationPath: setup.tree.root)
                try "<html><head><meta name=\"go-import\" content=\"golang.org/toolchain mod https://go.dev/dl/mod\"></head></html>\n"
                    .write(toFile: site + "/toolchain", atomically: true, encoding: .utf8)
                let certificate = try await lab.issueCertificate(from: setup.ca, commonName: "golang.org", dnsNames: ["golang.org", "go.dev"])
                try await lab.startGoProxy(on: setup.chain.server, tree: ModuleTree(root: site, goSumPath: setup.tree.goSumPath),
                                           port: 443, certificate: certificate)
                let scenarios = [
                    Scenario(name: "direct, served", goLine: "1.30.1", overrides: ["GOTOOLCHAIN": "auto", "GOPROXY": "direct"], goFailsWith: nil),
                    Scenario(name: "direct, not served", goLine: "1.30.2", overrides: ["GOTOOLCHAIN": "auto", "GOPROXY": "direct"],
                             goFailsWith: "download go1.30.2 for \(Self.platform.replacingOccurrences(of: "-", with: "/")): toolchain not available",
                             cause: "toolchain.not-available"),
                ]
                for scenario in scenarios {
                    try await Self.expectAgreement(setup, go, scenario, requirements: false)
                }
            }
        }

        /// The shell of `scenario` with `go` as the go command on PATH.
        static func shell(_ setup: Setup, _ go: GoToolchain, _ scenario: Scenario, requirements: Bool = true) throws -> ScenarioShell {
            let require = requirements ? "\nrequire (\n\tgithub.com/lab/a v1.0.0\n\tgithub.com/lab/b v1.0.0\n)\n" : ""
            try ("module lab.example/app\n\ngo \(scenario.goLine)\n" + require)
                .write(toFile: setup.work + "/wd/go.mod", atomically: true, encoding: .utf8)
            let overrides = Setup.environment(scenario.overrides, with: go)
            var shell = try setup.shell(.exported, overrides, goenv: scenario.goenv)
            for name in scenario.goenv.keys { shell.environment.removeValue(forKey: name) }
            return shell
        }

        static func expectAgreement(_ setup: Setup, _ go: GoToolchain, _ scenario: Scenario, requirements: Bool = true) async throws {
            let shell = try shell(setup, go, scenario, requirements: requirements)
            try await clearModuleCache(setup, go)
            let goRun = try await setup.lab.run(in: setup.chain.client, [go.executable, "mod", "download"], environment: shell.environment,
                                                workingDirectory: setup.work + "/wd", timeout: .seconds(60))
            let label = "\(go), \(scenario)"
            if let expected = scenario.goFailsWith {
                #expect(!goRun.succeeded && goRun.stderr.contains(expected), "\(label): go mod download: \(goRun.stderr.prefix(1500))")
            } else {
                #expect(goRun.succeeded, "\(label): go mod download: \(goRun.stderr.prefix(1500))")
            }
            let (result, document) = try await setup.check(in: shell)
            let failures = document.rootCauses.filter { $0.finding.severity == "failure" }
            if goRun.succeeded {
                #expect(result.termination != .exited(2) && failures.isEmpty, "\(label): go succeeded, check says:\n\(document.summary)")
                return
            }
            #expect(result.termination == .exited(2) && document.status == "failures",
                    "\(label): go failed (\(goRun.stderr.prefix(300))), check says:\n\(document.summary)")
            guard let top = failures.first else { return }
            #expect(top.finding.id == scenario.cause, "\(label): the cause must be \(scenario.cause ?? "-"):\n\(document.summary)")
            // In the go command's own words, as this release prints them.
            if let expected = scenario.goFailsWith {
                #expect(top.finding.evidence.contains { $0.contains(expected) }, "\(label): evidence lacks \"\(expected)\": \(top.finding.evidence)")
            }
            Setup.expectNoVerificationBypass(document)
            let changes = top.finding.fix?.changes
            #expect(changes != nil, "\(label): the fix must say whether a configuration change fixes it:\n\(document.summary)")
            if scenario.expectsChange {
                #expect(changes?.isEmpty == false, "\(label): a verified change was expected:\n\(document.summary)")
                // Set where GOTOOLCHAIN takes effect: exported → export first; GOENV file → go env -w only.
                let exported = shell.environment["GOTOOLCHAIN"] != nil
                #expect(changes?.first?.hasPrefix(exported ? "export GOTOOLCHAIN=" : "go env -w GOTOOLCHAIN=") == true,
                        "\(label): \(changes ?? [])")
            }
            guard let changes, !changes.isEmpty else { return }
            // A printed change must work: run verbatim in the same shell, then the go command.
            try await clearModuleCache(setup, go)
            let script = (["set -e"] + changes + ["go mod download"]).joined(separator: "\n") + "\n"
            let fixed = try await setup.lab.run(in: setup.chain.client, ["sh", "-c", script], environment: shell.environment,
                                                workingDirectory: setup.work + "/wd", timeout: .seconds(60))
            #expect(fixed.succeeded, "\(label): fix \(changes) run verbatim → \(fixed.stderr.prefix(1500))\nreport:\n\(document.summary)")
        }

        /// Empties the module cache (toolchains and the checksum database's tiles included) with
        /// the scenario's own go command, outside the project so no go line switches it.
        static func clearModuleCache(_ setup: Setup, _ go: GoToolchain) async throws {
            var environment = Setup.environment(setup.environment, with: go)
            environment["GOTOOLCHAIN"] = "local"
            try await setup.lab.run(in: setup.chain.client, [go.executable, "clean", "-modcache"], environment: environment,
                                    workingDirectory: setup.work).check()
        }
    }
}
