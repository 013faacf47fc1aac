import Foundation
import Testing
import GoModConfig

/// The go command on this machine (Debian's golang-go), or nil.
private let realGo: String? = ["/usr/bin/go", "/usr/local/go/bin/go", "/usr/lib/go/bin/go"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
private let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
/// Every installed release (Debian's 1.19 and scripts/install-go-toolchains' 1.21, 1.24, 1.27).
private let releases = GoToolchain.installed.map(\.version)

/// One configuration: process environment on top of a minimal base, and GOENV file content.
struct EnvConfiguration: Sendable, CustomTestStringConvertible {
    var name: String
    var environment: [String: String] = [:]
    /// Written to $HOME/.config/go/env (the default location) unless `goenvAt` says otherwise.
    var goenvFile: String?
    /// Relative to the temporary home: where to write the file instead.
    var goenvAt: String?
    var removeHome = false
    var testDescription: String { name }
}

private let configurations: [EnvConfiguration] = [
    EnvConfiguration(name: "nothing set"),
    EnvConfiguration(name: "GOPROXY in environment", environment: ["GOPROXY": "https://goproxy.cn,direct"]),
    EnvConfiguration(name: "GOPROXY in GOENV file", goenvFile: "GOPROXY=https://goproxy.io|direct\n"),
    EnvConfiguration(name: "environment beats file", environment: ["GOPROXY": "https://a.example"], goenvFile: "GOPROXY=https://b.example\n"),
    EnvConfiguration(name: "empty environment value falls to file", environment: ["GOPROXY": ""], goenvFile: "GOPROXY=https://b.example,off\n"),
    EnvConfiguration(name: "GOPRIVATE derives GONOPROXY and GONOSUMDB", environment: ["GOPRIVATE": "*.corp.example.com,rsc.io/private"]),
    EnvConfiguration(name: "explicit GONOPROXY beats GOPRIVATE", environment: ["GOPRIVATE": "git.corp", "GONOPROXY": "none"]),
    EnvConfiguration(name: "GOPRIVATE in file, GONOSUMDB in environment", environment: ["GONOSUMDB": "example.com/x"], goenvFile: "GOPRIVATE=corp.example\n"),
    EnvConfiguration(name: "GOENV=off ignores the file", environment: ["GOENV": "off"], goenvFile: "GOPROXY=https://ignored.example\nGOSUMDB=off\n"),
    EnvConfiguration(name: "GOENV names another file", environment: ["GOENV": "@HOME/custom/env"], goenvFile: "GOSUMDB=off\nGOFLAGS=-mod=mod\n", goenvAt: "custom/env"),
    EnvConfiguration(name: "GOENV names a missing file", environment: ["GOENV": "@HOME/missing/env"]),
    EnvConfiguration(name: "XDG_CONFIG_HOME with trailing slash", environment: ["XDG_CONFIG_HOME": "@HOME/xdg/"], goenvFile: "GOPROXY=direct\n", goenvAt: "xdg/go/env"),
    EnvConfiguration(name: "duplicate keys: last wins", goenvFile: "GOPROXY=https://first.example\nGOPROXY=https://second.example\n"),
    EnvConfiguration(name: "junk lines ignored", goenvFile: "# comment\ngoproxy=lower\nNOEQUALS\n\n=x\nGOINSECURE=*.lab\n"),
    EnvConfiguration(name: "GOPATH list: module cache from first", environment: ["GOPATH": "@HOME/one:@HOME/two"]),
    EnvConfiguration(name: "GOPATH in file", goenvFile: "GOPATH=@HOME/fromfile//sub/\n"),
    EnvConfiguration(name: "GOMODCACHE in environment", environment: ["GOMODCACHE": "@HOME/cache"]),
    EnvConfiguration(name: "no HOME, no XDG", removeHome: true),
    EnvConfiguration(name: "GO111MODULE and GOFLAGS", environment: ["GO111MODULE": "off"], goenvFile: "GOFLAGS=-mod=vendor -modcacherw\n"),
    EnvConfiguration(name: "GOSUMDB off, GOINSECURE, GOVCS", environment: ["GOVCS": "private:all,public:git"], goenvFile: "GOSUMDB=off\nGOINSECURE=*.internal\n"),
    EnvConfiguration(name: "CRLF GOENV file keeps the carriage return", goenvFile: "GOPROXY=https://goproxy.cn\r\nGOPRIVATE=corp.example\r\n"),
    EnvConfiguration(name: "empty entry in file means default", goenvFile: "GOPROXY=\nGOSUMDB=\n"),
    EnvConfiguration(name: "empty file entry, environment set", environment: ["GOPRIVATE": "a.example"], goenvFile: "GOPRIVATE=\nGONOSUMDB=b.example\n"),
    EnvConfiguration(name: "GOSUMDB key with URL", environment: ["GOSUMDB": "sum.golang.org https://sum.golang.google.cn"]),
    EnvConfiguration(name: "proxy variables do not disturb go vars", environment: ["HTTPS_PROXY": "http://user:secret@proxy.lab:3128", "no_proxy": "corp.example"]),
    EnvConfiguration(name: "GOMODCACHE in file beats GOPATH", environment: ["GOPATH": "@HOME/gp"], goenvFile: "GOMODCACHE=@HOME/mc\n"),
]

@Suite("go env differential: our resolution equals `go env -json`",
       .enabled(if: realGo != nil || inCI, "needs Debian's golang-go (apt-get install golang-go)"))
struct GoEnvDifferentialTests {
    static let comparedKeys = ["GO111MODULE", "GOFLAGS", "GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB",
                               "GOINSECURE", "GOVCS", "GOPATH", "GOMODCACHE", "GOENV", "GOROOT"]

    /// Compared on every release; GOTOOLCHAIN from Go 1.21 on, GOAUTH from 1.24 on (older ones
    /// do not know them).
    static func keys(for release: GoToolchain) -> [String] {
        let parts = release.version.split(separator: ".").compactMap { Int($0) }
        let minor = parts.count >= 2 ? parts[1] : 0
        return comparedKeys + (minor >= 21 ? ["GOTOOLCHAIN"] : []) + (release.readsGoAuth ? ["GOAUTH"] : [])
    }

    /// One test case per release and configuration, named by both ("1.24.11", "GOPROXY in GOENV file").
    @Test(arguments: releases, configurations)
    func resolvedValuesEqualTheGoCommand(release version: String, _ configuration: EnvConfiguration) throws {
        let release = try #require(GoToolchain.installed.first { $0.version == version })
        let go = release.executable
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gd-env-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }

        var environment = ["PATH": URL(fileURLWithPath: go).deletingLastPathComponent().path, "HOME": home]
        if configuration.removeHome { environment["HOME"] = nil }
        for (key, value) in configuration.environment {
            environment[key] = value.replacingOccurrences(of: "@HOME", with: home)
        }
        if let content = configuration.goenvFile {
            let path = home + "/" + (configuration.goenvAt ?? ".config/go/env")
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.replacingOccurrences(of: "@HOME", with: home).write(toFile: path, atomically: true, encoding: .utf8)
        }

        let theirs = try GoCommandEnvReader.read(executable: go, environment: environment, workingDirectory: home).get()
        let fileSystem = LocalFileSystem()
        let installation = GoInstallation.locate(environment: environment, hostOS: .linux, fileSystem: fileSystem)
        #expect(installation != nil)
        let ours = GoEnvResolver(environment: environment, hostOS: .linux, fileSystem: fileSystem, installation: installation).resolve()

        for key in Self.keys(for: release) {
            let theirValue = try #require(theirs[key], "go env -json has no \(key)")
            #expect(ours[key] == theirValue, "go\(version) \(key): ours \(ours[key].debugDescription), go \(theirValue.debugDescription)")
        }
        #expect(ours.disagreements(with: theirs).isEmpty)
    }

    @Test func atLeastTwentyConfigurations() {
        #expect(configurations.count >= 20)
    }

    /// In CI every release the differential claims is there: 1.19, 1.21, 1.24 and 1.27.
    @Test func everyReleaseIsCompared() {
        guard inCI else { return }
        for minor in [19, 21, 24, 27] {
            #expect(releases.contains { $0.hasPrefix("1.\(minor)") }, "Go 1.\(minor) is not installed: \(releases)")
        }
    }
}
