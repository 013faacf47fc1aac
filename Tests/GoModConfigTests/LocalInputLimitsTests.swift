import Foundation
import Testing
@testable import GoModConfig

/// Issue #13 item 6: the limits the go command lives with on local input, each an error that
/// names the file, the line and the limit; and the deadline that bounds parsing.
@Suite struct LocalInputLimitsTests {
    static func goMod(require path: String, version: String = "v1.0.0") -> String {
        "module example.com/m\n\ngo 1.21\n\nrequire \(path) \(version)\n"
    }

    @Test func requireElementOverNameMaxNamesFileLineAndLimit() throws {
        let path = "example.com/" + String(repeating: "a", count: 256)
        let error = try #require(GoModFile.errors(in: Self.goMod(require: path), fileName: "/p/go.mod").first)
        #expect(error.input == "/p/go.mod")
        #expect(error.line == 5)
        #expect(error.message.contains("module path element 2 is 256 bytes"))
        #expect(error.message.contains("at most 255 bytes (NAME_MAX)"))
        #expect(!error.message.contains(path), "an over-long path is abbreviated, not repeated")
    }

    @Test func requireAtTheLimitIsAccepted() throws {
        // 255 bytes is what the module cache still stores (go 1.27 downloads it).
        let path = "example.com/" + String(repeating: "a", count: 200)
        let file = try GoModFile.parse(Self.goMod(require: path), fileName: "go.mod")
        #expect(file.requires.map(\.path) == [path])
        #expect(ModuleCacheLimits.problem(path: "example.com/" + String(repeating: "a", count: 255), version: nil) == nil)
    }

    @Test func upperCaseCountsTwiceAsTheCacheEscapesIt() {
        // module.EscapePath turns each upper-case letter into "!x".
        let element = String(repeating: "A", count: 128)
        #expect(ModuleCacheLimits.problem(path: "example.com/" + element, version: nil)?.contains("256 bytes") == true)
    }

    @Test func wholePathOverPathMax() throws {
        let path = "example.com/" + Array(repeating: String(repeating: "a", count: 200), count: 21).joined(separator: "/")
        let error = try #require(GoModFile.errors(in: Self.goMod(require: path), fileName: "go.mod").first)
        #expect(error.line == 5)
        #expect(error.message.contains("at most 4095 bytes (PATH_MAX)"))
    }

    @Test func tenMegabyteRequireIsRefusedQuickly() throws {
        let path = "example.com/" + String(repeating: "a", count: 10 << 20)
        let start = ContinuousClock.now
        let error = try #require(GoModFile.errors(in: Self.goMod(require: path), fileName: "go.mod").first)
        #expect(error.message.contains("10485760 bytes"))
        #expect(error.description.utf8.count < 1000)
        #expect(ContinuousClock.now - start < .seconds(30), "generous: linear work on 10 MB")
    }

    @Test func replacementTargetOverTheLimit() throws {
        let text = "module example.com/m\n\nreplace example.com/a => example.com/\(String(repeating: "b", count: 300)) v1.0.0\n"
        let error = try #require(GoModFile.errors(in: text, fileName: "go.mod").first)
        #expect(error.line == 3)
        #expect(error.message.contains("NAME_MAX"))
    }

    @Test func longMainModulePathStaysAccepted() throws {
        // The go command never downloads the main module: `go list -m` prints a 10 MB path.
        let path = "example.com/" + String(repeating: "a", count: 1 << 20)
        #expect(try GoModFile.parse("module \(path)\n", fileName: "go.mod").modulePath == path)
    }

    @Test func goEnvLineOverMaxArgStrlenIsKeptOutAndNamed() {
        let long = "GOPROXY=https://" + String(repeating: "p", count: GoEnvFile.maxLineBytes)
        let data = Data(("GOFLAGS=-mod=mod\n" + long + "\nGOSUMDB=off\n").utf8)
        let file = GoEnvFile.parse(data, path: "/h/.config/go/env")
        #expect(file.longLines == [GoEnvFile.LongLine(line: 2, key: "GOPROXY", bytes: long.utf8.count)])
        #expect(file.entry(for: "GOPROXY") == nil, "an over-long value is not used")
        #expect(file.entry(for: "GOSUMDB")?.line == 3)
        #expect(file.entry(for: "GOFLAGS")?.value == "-mod=mod")
    }

    @Test func goEnvLineAtTheLimitIsUsed() {
        let value = String(repeating: "x", count: GoEnvFile.maxLineBytes - "GOPRIVATE=".utf8.count)
        let file = GoEnvFile.parse(Data("GOPRIVATE=\(value)\n".utf8), path: "env")
        #expect(file.longLines.isEmpty)
        #expect(file.entry(for: "GOPRIVATE")?.value == value)
    }

    @Test func goEnvParseKeepsTheGoCommandsRules() {
        let file = GoEnvFile.parse(Data("GOPROXY=off\nlower=1\n\nNOEQ\nGOFLAGS=-mod=mod\r\nGOPROXY=https://x\n".utf8), path: "env")
        #expect(file.entries.map(\.key) == ["GOPROXY", "GOFLAGS", "GOPROXY"])
        #expect(file.entry(for: "GOPROXY")?.line == 6, "the last duplicate wins")
        #expect(file.entry(for: "GOFLAGS")?.value == "-mod=mod\r")
        #expect(file.ignoredLines.map(\.line) == [2, 3, 4])
    }

    @Test func passedDeadlineStopsGoSumAndGoModParsing() throws {
        let lines = (0..<10_000).map { "example.com/m\($0) v1.0.0 h1:x=" }.joined(separator: "\n")
        let past = ContinuousClock.now - .seconds(1)
        #expect(throws: ConfigInputError.self) { try GoSumFile.parse(lines, fileName: "go.sum", deadline: past) }
        do {
            _ = try GoSumFile.parse(lines, fileName: "go.sum", deadline: past)
        } catch {
            #expect(error.stoppedAtDeadline)
            #expect(error.line == 4096)
        }
        let mod = "module example.com/m\n\nrequire (\n" + (0..<5000).map { "\texample.com/m\($0) v1.0.0\n" }.joined() + ")\n"
        do {
            _ = try GoModFile.parse(mod, fileName: "go.mod", deadline: past)
            Issue.record("parsing past the deadline must stop")
        } catch {
            #expect(error.stoppedAtDeadline)
        }
        #expect(try GoModFile.parse(mod, fileName: "go.mod", deadline: nil).requires.count == 5000)
    }

    @Test func snapshotRecordsATimedOutFileNotAMalformedOne() {
        let mod = "module example.com/m\n\nrequire (\n" + (0..<5000).map { "\texample.com/m\($0) v1.0.0\n" }.joined() + ")\n"
        let fs = InMemoryFileSystem(files: ["/p/go.mod": mod])
        let snapshot = ProjectSnapshot.load(directory: "/p", fileSystem: fs, deadline: ContinuousClock.now - .seconds(1))
        #expect(snapshot.goModError == nil)
        #expect(snapshot.fileProblem(.goMod)?.reason == .timedOut)
    }

    @Test func prefixPatternSetAgreesWithMatchPrefixPatterns() {
        let lists = ["", "git.corp.example.com", "*.corp.example.com,github.com/acme", "github.com/acme/", "g[a-z]t.io/x,*/*",
                     "example.com/a/b,[", "github.com/acme/*,other.org"]
        let targets = ["git.corp.example.com/x", "a.corp.example.com", "github.com/acme", "github.com/acme/tool/v2",
                       "github.com/other", "git.io/x/y", "example.com/a/b/c", "example.com/a", ""]
        for list in lists {
            let set = PrefixPatternSet(list)
            for target in targets {
                #expect(set.matches(target) == PrefixPatterns.match(list, target), "\(list) vs \(target)")
            }
        }
    }

    @Test func routeTableScalesLinearlyEnoughForManyRequirements() {
        let n = 20_000
        let mod = "module example.com/m\n\nrequire (\n" + (0..<n).map { "\tgithub.com/o\($0 / 10)/r\($0) v1.0.\($0 % 9)\n" }.joined() + ")\n"
            + "replace github.com/o0/r0 => github.com/o0/fork v1.0.0\nexclude github.com/o0/r1 v1.0.1\n"
        let sum = (0..<n).map { "github.com/o\($0 / 10)/r\($0) v1.0.\($0 % 9) h1:a=\ngithub.com/o\($0 / 10)/r\($0) v1.0.\($0 % 9)/go.mod h1:b=" }
            .joined(separator: "\n")
        let fs = InMemoryFileSystem(files: ["/p/go.mod": mod, "/p/go.sum": sum])
        let env = GoEnvResolver(environment: ["GOENV": "off", "GOPRIVATE": "github.com/o1"], fileSystem: fs, installation: nil).resolve()
        let project = ProjectSnapshot.load(directory: "/p", fileSystem: fs)
        let start = ContinuousClock.now
        let table = RouteTableBuilder(env: env, project: project).build()
        #expect(ContinuousClock.now - start < .seconds(60), "quadratic work on 20k modules took minutes")
        #expect(table.modules.count == n)
        #expect(table.modules[0].path == "github.com/o0/fork")
        #expect(table.modules[1].disposition == .excluded)
        #expect(table.modules[10].matchesGOPRIVATE)
        #expect(table.modules[5].checksum.goSumHasEntry == true)
        #expect(table.unfinished == nil)
        let stopped = RouteTableBuilder(env: env, project: project).build(deadline: ContinuousClock.now - .seconds(1))
        #expect(stopped.unfinished == RouteTable.Unfinished(requirementsRouted: 0, requirements: n))
    }
}
