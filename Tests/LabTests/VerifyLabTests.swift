import Doctor
import Foundation
import LabKit
import ModuleFetch
import Testing

extension LabSuite {
    /// `gomod-doctor verify` in the lab client against x/mod's sumdb server and lab mirrors,
    /// over the project's own HTTP client; the go command on the same mirrors for comparison.
    @Suite struct VerifyLabTests {
        struct Document: Decodable {
            var verify: VerifyReport
            var findings: [Finding]
        }

        /// 200 modules: every go.sum line verifies through HTTP; a second mirror serving a
        /// modified zip of one module is named (and only it), while `go mod download` from
        /// that mirror fails with `checksum mismatch`.
        @Test(LabGate.trait)
        func modifiedZipOnOneMirrorIsNamed() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let scratch = await lab.scratchPath("verify")
                let server = chain.serverInterface.ipv4
                let honest = try await lab.makeModuleTree()
                let modules = (0..<200).map { LabModule(path: "example.com/mod\($0)", version: "v1.0.\($0)") }
                let hashes = try await lab.addModules(modules, to: honest)
                let altered = ModuleTree(root: scratch + "/altered/root", goSumPath: scratch + "/altered/go.sum")
                try FileManager.default.createDirectory(atPath: altered.root, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: altered.goSumPath, contents: Data())
                var tampered = modules
                tampered[7].files["extra.go"] = "package mod\n\n// injected\n"
                let alteredHashes = try await lab.addModules(tampered, to: altered)
                #expect(alteredHashes[7].zipHash != hashes[7].zipHash && alteredHashes[8] == hashes[8])
                let sumdb = try await lab.startSumDB(on: chain.server, tree: honest, address: server)
                try await lab.startGoProxy(on: chain.server, tree: honest, port: 80)
                try await lab.startGoProxy(on: chain.server, tree: altered, port: 8080)

                let project = try Self.project(scratch, hashes: hashes)
                let environment = [
                    "GOPROXY": "http://\(server),http://\(server):8080", "GOSUMDB": sumdb.gosumdb(), "GOFLAGS": "-mod=mod",
                    "GOMOD_DOCTOR_STATE_DIR": scratch + "/state", "GOPATH": scratch + "/gopath",
                ]
                let result = try await lab.run(in: chain.client, [try DoctorRun.binary, "verify", "--zips", "--json", project],
                                               environment: environment, timeout: .seconds(300))
                #expect(result.exitStatus == 1, "a failure was found: \(result.stderr)")
                let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
                let report = document.verify
                #expect(report.lines.count == 400 && report.lines.allSatisfy { $0.status == .verified },
                        "\(report.lines.filter { $0.status != .verified }.prefix(3))")
                #expect(report.missing.isEmpty)
                let differs = try #require(report.mirrors).filter { $0.status != .matches }
                #expect(differs.count == 1)
                #expect(differs.first?.mirror == "http://\(server):8080" && differs.first?.path == "example.com/mod7"
                        && differs.first?.file == "zip" && differs.first?.hash == alteredHashes[7].zipHash
                        && differs.first?.goSumHash == hashes[7].zipHash && differs.first?.databaseHash == hashes[7].zipHash)
                #expect(document.findings.map(\.id) == ["verify.mirror.differs"])
                // The lab database appends a record per first lookup, so trees differ between
                // lookups; still no tile is fetched twice.
                #expect(report.tileRequests > 0 && report.tileRequests == report.distinctTiles)

                // The go command on the altered mirror alone.
                let go = try await lab.run(in: chain.client, ["go", "mod", "download", "-json", "example.com/mod7@v1.0.7"], environment: [
                    "GOPROXY": "http://\(server):8080", "GOSUMDB": sumdb.gosumdb(), "GOPATH": scratch + "/gopath-go",
                    "GOFLAGS": "-modcacherw", "GO111MODULE": "on",
                ], workingDirectory: scratch + "/altered", timeout: .seconds(120))
                #expect(!go.succeeded && go.stdout.contains("checksum mismatch"), "go: \(go.stdout) \(go.stderr)")
                #expect(go.stdout.contains(alteredHashes[7].zipHash) && go.stdout.contains(hashes[7].zipHash))
            }
        }

        /// A proxy whose `/sumdb/` view is a fork (same key, different log) is caught with the
        /// proof, while the same database behind another proxy is consistent. The forked view
        /// is first used through the real `supported` walk, which also shows a go.sum line that
        /// differs from that database.
        @Test(LabGate.trait)
        func forkedProxyViewIsCaught() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let scratch = await lab.scratchPath("verify")
                let server = chain.serverInterface.ipv4
                try await lab.setResolver(on: chain.client, nameservers: [server])
                let modules = (0..<8).map { LabModule(path: "example.com/f\($0)", version: "v1.0.\($0)") }
                let honest = try await lab.makeModuleTree()
                let hashes = try await lab.addModules(modules, to: honest)
                let forkTree = ModuleTree(root: scratch + "/fork/root", goSumPath: scratch + "/fork/go.sum")
                let forkedLines = hashes.flatMap(\.goSumLines).map {
                    $0.hasPrefix("example.com/f3 v1.0.3 ") ? "example.com/f3 v1.0.3 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" : $0
                }
                try FileManager.default.createDirectory(atPath: forkTree.root, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: forkTree.goSumPath, contents: Data((forkedLines.joined(separator: "\n") + "\n").utf8))
                let keys = scratch + "/sumdb.keys"
                let prefix = "/sumdb/sum.lab.example"
                let direct = try await lab.startSumDB(on: chain.server, tree: honest, address: server, port: 8081,
                                                      keysFile: keys, pathPrefix: prefix)
                let fork = try await lab.startSumDB(on: chain.server, tree: forkTree, address: server, port: 8082,
                                                    keysFile: keys, pathPrefix: prefix)
                #expect(direct.verifierKey == fork.verifierKey)
                let project = try Self.project(scratch, hashes: hashes)

                // Through the forked proxy by the supported walk (GOSUMDB names no URL).
                let first = try await lab.run(in: chain.client, [try DoctorRun.binary, "verify", "--json", project], environment: [
                    "GOPROXY": "http://\(server):8082", "GOSUMDB": direct.verifierKey, "GOFLAGS": "-mod=mod",
                    "GOMOD_DOCTOR_STATE_DIR": scratch + "/state1",
                ], timeout: .seconds(120))
                let viaFork = try JSONDecoder().decode(Document.self, from: Data(first.stdout.utf8)).verify
                #expect(viaFork.databaseURL == "http://\(server):8082/sumdb/sum.lab.example")
                #expect(viaFork.lines.filter { $0.status == .mismatch }.map(\.moduleVersion) == ["example.com/f3 v1.0.3"])
                #expect(viaFork.lines.filter { $0.status == .verified }.count == 15)

                // Directly (explicit URL), with the honest and the forked proxy configured.
                let second = try await lab.run(in: chain.client, [try DoctorRun.binary, "verify", "--json", project], environment: [
                    "GOPROXY": "http://\(server):8081,http://\(server):8082",
                    "GOSUMDB": direct.verifierKey + " http://\(server):8081" + prefix, "GOFLAGS": "-mod=mod",
                    "GOMOD_DOCTOR_STATE_DIR": scratch + "/state2",
                ], timeout: .seconds(120))
                let document = try JSONDecoder().decode(Document.self, from: Data(second.stdout.utf8))
                let report = document.verify
                #expect(report.lines.allSatisfy { $0.status == .verified })
                #expect(report.treeViews.map(\.status) == [.consistent, .misbehavior], "\(report.treeViews)")
                let proof = report.treeViews.last?.proof ?? ""
                #expect(proof.hasPrefix("SECURITY ERROR\ngo.sum database server misbehavior detected!"))
                #expect(proof.contains("proof of misbehavior:"))
                #expect(document.findings.map(\.id) == ["verify.sumdb.fork"])
                #expect(second.exitStatus == 1)
            }
        }

        /// A project requiring every module of `hashes`, with their go.sum lines.
        static func project(_ scratch: String, hashes: [ModuleHashes]) throws -> String {
            let directory = scratch + "/project"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let requires = hashes.map { "\t\($0.path) \($0.version)" }.joined(separator: "\n")
            try "module example.com/app\n\ngo 1.19\n\nrequire (\n\(requires)\n)\n".write(toFile: directory + "/go.mod", atomically: true, encoding: .utf8)
            try (hashes.flatMap(\.goSumLines).joined(separator: "\n") + "\n").write(toFile: directory + "/go.sum", atomically: true, encoding: .utf8)
            return directory
        }
    }
}
