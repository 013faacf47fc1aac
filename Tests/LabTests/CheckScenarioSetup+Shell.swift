import Foundation
import LabKit
import Testing

/// Where a scenario's go variables come from — the two shell setups issue 11 runs every fix
/// in, because the go command reads the process environment before the GOENV file
/// (cmd/go/internal/cfg/cfg.go, EnvOrAndChanged) and `go env -w` cannot override the former
/// (cmd/go/internal/envcmd/env.go: "does not override conflicting OS environment variable").
enum ShellSetup: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Every variable exported; GOENV names an existing, empty file (not off, so `go env -w` works).
    case exported
    /// The module-routing variables only in the GOENV file, not exported.
    case goenvFile

    var testDescription: String { rawValue }
}

/// One shell as a user has it: the exported environment and the GOENV file it points at.
struct ScenarioShell: Sendable {
    var setup: ShellSetup
    /// The process environment (including GOENV and HOME).
    var environment: [String: String]
    var goenvPath: String
    /// The KEY=VALUE lines written to the GOENV file.
    var goenv: [String: String]
}

extension CheckScenarioSetup {
    /// The variables `.goenvFile` moves from the environment into the GOENV file: the ones
    /// `go env -w` may set (HTTPS_PROXY and friends are never read from there).
    static let goenvVariables: Set<String> = ["GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GONOPROXY", "GOINSECURE"]

    /// The scenario's environment plus `overrides`, arranged as `setup` says; `goenv` adds
    /// lines to the GOENV file whatever the setup (a value the environment then shadows).
    /// Writes `<work>/goenv` and creates `<work>/home` (HOME of every command in this shell).
    func shell(_ setup: ShellSetup, _ overrides: [String: String] = [:], goenv extra: [String: String] = [:]) throws -> ScenarioShell {
        var environment = self.environment.merging(overrides) { $1 }
        var goenv = extra
        if setup == .goenvFile {
            for name in Self.goenvVariables {
                if let value = environment.removeValue(forKey: name) { goenv[name] = value }
            }
        }
        let goenvPath = work + "/goenv"
        let home = work + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try goenv.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
            .write(toFile: goenvPath, atomically: true, encoding: .utf8)
        environment["GOENV"] = goenvPath
        environment["HOME"] = home
        return ScenarioShell(setup: setup, environment: environment, goenvPath: goenvPath, goenv: goenv)
    }

    /// `gomod-doctor check <wd> --json --timeout 6 --resolver none <arguments>` in the client, in `shell`.
    func check(in shell: ScenarioShell, _ arguments: [String] = []) async throws -> (CommandResult, Document) {
        let argv = [try DoctorRun.binary, "check", work + "/wd", "--json", "--timeout", "6", "--resolver", "none"] + arguments
        let result = try await lab.run(in: chain.client, argv, environment: shell.environment, workingDirectory: work + "/wd", timeout: .seconds(60))
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        } catch {
            Issue.record("check's output is not the JSON document (\(error)): \(result.stdout.prefix(2000)) \(result.stderr.prefix(2000))")
            throw error
        }
        return (result, document)
    }

    /// The real `go mod download` in the client, in `shell`, killed at `timeout`; from an empty
    /// module cache, as `check` (which keeps no cache) sees the network. Returns Debian's go
    /// command's result (what the caller asserts in detail); every other installed release must
    /// come to the same outcome, succeeding or failing, in its own words.
    func goModDownload(in shell: ScenarioShell, timeout: Duration = .seconds(40)) async throws -> CommandResult {
        try await clearModuleCache()
        let debian = try await lab.run(in: chain.client, ["go", "mod", "download"], environment: shell.environment,
                                       workingDirectory: work + "/wd", timeout: timeout)
        // At once, each with a module cache of its own: a fault that keeps the go command waiting
        // then costs one wait, not one per release.
        let (lab, client, directory) = (lab, chain.client, work + "/wd")
        let others = try await withThrowingTaskGroup(of: (GoToolchain, CommandResult).self) { group in
            for (index, go) in Self.otherReleases.enumerated() {
                var environment = Self.environment(shell.environment, with: go)
                environment["GOMODCACHE"] = "\(work)/modcache-\(go.version)-\(Self.nextCacheNumber(index))"
                group.addTask {
                    (go, try await lab.run(in: client, [go.executable, "mod", "download"], environment: environment,
                                           workingDirectory: directory, timeout: timeout))
                }
            }
            var results: [(GoToolchain, CommandResult)] = []
            for try await result in group { results.append(result) }
            return results
        }
        for (go, other) in others {
            #expect(other.succeeded == debian.succeeded,
                    "\(go) mod download \(other.succeeded ? "succeeded" : "failed: \(other.stderr.prefix(1500))"), Debian's go \(debian.succeeded ? "succeeded" : "failed: \(debian.stderr.prefix(500))")")
        }
        return debian
    }

    /// Empties the module cache (and its copy of checksum-database tiles), so the next
    /// download fetches everything again rather than succeeding from an earlier run.
    func clearModuleCache() async throws {
        try await lab.run(in: chain.client, ["go", "clean", "-modcache"], environment: environment, workingDirectory: work + "/wd").check()
    }
}

extension CheckScenarioSetup {
    /// A fresh number for each per-release module cache (never reused within a test process).
    static func nextCacheNumber(_ index: Int) -> String {
        "\(ProcessInfo.processInfo.processIdentifier)-\(index)-\(UInt64(Date().timeIntervalSince1970 * 1_000_000))"
    }
}

extension CheckScenarioSetup {
    /// A public resolver that never answers, as behind a firewall that silently drops DNS to
    /// the internet: the first router's address, with DNS (UDP and TCP) dropped there.
    /// Returns the address to pass as `--resolver`.
    func silentPublicResolver() async throws -> String {
        let router = chain.routers[0]
        for proto in ["udp", "tcp"] {
            try await lab.addFirewallRule(host: router, PacketMatch(chain: "INPUT", proto: proto, destinationPort: 53), .drop)
        }
        return chain.links[0].b.ipv4
    }
}
