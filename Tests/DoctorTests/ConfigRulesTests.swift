import Testing
import GoModConfig
@testable import Doctor
@testable import Report

/// Each configuration finding from a machine described as values.
struct ConfigRulesTests {
    static let goMod = """
    module example.com/app

    go 1.19

    require (
        github.com/google/uuid v1.2.0
        git.corp.example.com/team/lib v1.0.0
    )
    """

    func diagnose(_ environment: [String: String], files extra: [String: String] = [:], goMod: String? = goMod,
                  directories: Set<String> = [], goCommandEnv: [String: String]? = nil) -> ConfigDiagnosis {
        var environment = environment
        if environment["HOME"] == nil { environment["HOME"] = "/h" }
        var files = extra
        if let goMod { files["/p/go.mod"] = goMod }
        return ConfigDiagnosis.run(environment: environment, directory: "/p", hostOS: .linux,
                                   fileSystem: InMemoryFileSystem(files: files, directories: directories),
                                   installation: nil, goCommandEnv: goCommandEnv)
    }

    func ids(_ diagnosis: ConfigDiagnosis) -> [String] { diagnosis.findings.map(\.id) }

    @Test func healthyPrivateSetupHasNoFailures() {
        let diagnosis = diagnose(["GOPRIVATE": "git.corp.example.com", "GOPROXY": "https://goproxy.cn,direct"])
        #expect(diagnosis.findings.allSatisfy { $0.severity != .failure }, "\(ids(diagnosis))")
        #expect(!ids(diagnosis).contains("config.private-module.not-in-goprivate"))
    }

    @Test func nonDefaultMirrorIsNeverAFinding() {
        let diagnosis = diagnose(["GOPROXY": "https://goproxy.cn,direct", "GOPRIVATE": "git.corp.example.com"])
        #expect(diagnosis.findings.isEmpty, "\(ids(diagnosis))")
    }

    @Test func goproxyOffIsAFailure() throws {
        let diagnosis = diagnose(["GOPROXY": "off", "GOPRIVATE": "git.corp.example.com"])
        let finding = try #require(diagnosis.findings.first { $0.id == "config.goproxy.off" })
        #expect(finding.severity == .failure)
        #expect(finding.arguments["count"] == "1")
        #expect(finding.fix?.commands == ["export GOPROXY=https://proxy.golang.org,direct", "go env -w GOPROXY=https://proxy.golang.org,direct"])
    }

    @Test func privateModuleNotInGoprivate() throws {
        let diagnosis = diagnose(["GOPRIVATE": "other.example"], files: ["/h/.config/go/env": "GOPRIVATE=other.example\n"])
        let finding = try #require(diagnosis.findings.first { $0.id == "config.private-module.not-in-goprivate" })
        #expect(finding.severity == .failure)
        #expect(finding.target == "git.corp.example.com")
        #expect(finding.fix?.commands.contains("go env -w GOPRIVATE=other.example,git.corp.example.com") == true)
        #expect(ids(diagnosis).contains("config.private-pattern.unused"))
    }

    /// Running the fixes of several findings one after another must not undo each other.
    @Test func privateFixesCompose() {
        let goMod = "module m\n\ngo 1.19\n\nrequire (\n  git.corp.example.com/a v1.0.0\n  gitlab.acme.io/b v1.0.0\n  corp/c v1.0.0\n)\n"
        let diagnosis = diagnose(["GOPRIVATE": "keep.example.com"], goMod: goMod)
        let fixes = diagnosis.findings.filter { $0.id == "config.private-module.not-in-goprivate" }.compactMap(\.fix?.commands)
        #expect(fixes.count == 3)
        #expect(Set(fixes).count == 1)
        #expect(fixes.first?.last == "go env -w GOPRIVATE=keep.example.com,corp,git.corp.example.com,gitlab.acme.io")
    }

    @Test func privateModuleInGonoproxyButNotGonosumdb() throws {
        let diagnosis = diagnose(["GONOPROXY": "git.corp.example.com"])
        let finding = try #require(diagnosis.findings.first { $0.id == "config.private-module.sumdb" })
        #expect(finding.fix?.commands == ["go env -w GONOSUMDB=git.corp.example.com"])
    }

    @Test func noDirectExplainsNoproxy() throws {
        let diagnosis = diagnose(["GOPROXY": "https://goproxy.cn", "GOPRIVATE": "git.corp.example.com"])
        let finding = try #require(diagnosis.findings.first { $0.id == "config.goproxy.no-direct" })
        #expect(finding.severity == .info)
        #expect(finding.arguments["private"] == "1")
    }

    @Test func plainHTTPProxyWarns() {
        let diagnosis = diagnose(["GOPROXY": "http://mirror.example.net,direct", "GOPRIVATE": "git.corp.example.com"])
        #expect(diagnosis.findings.contains { $0.id == "config.goproxy.plain-http" && $0.severity == .warning })
        let loopback = diagnose(["GOPROXY": "http://127.0.0.1:3000,direct", "GOPRIVATE": "git.corp.example.com"])
        #expect(!loopback.findings.contains { $0.id == "config.goproxy.plain-http" })
    }

    @Test func gosumdbOffAndBroadGonosumdbWarn() {
        #expect(diagnose(["GOSUMDB": "off", "GOPRIVATE": "git.corp.example.com"]).findings.contains { $0.id == "config.gosumdb.off" })
        let broad = diagnose(["GONOSUMDB": "*", "GOPRIVATE": "git.corp.example.com"])
        let finding = broad.findings.first { $0.id == "config.gonosumdb.everything" }
        #expect(finding?.fix?.commands == ["export GONOSUMDB=git.corp.example.com", "go env -w GONOSUMDB=git.corp.example.com"])
    }

    /// A key for sum.golang.org with a wrong hash (the kind copied from blog posts).
    @Test func wrongSumdbKeyIsNamed() throws {
        let diagnosis = diagnose(["GOSUMDB": "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn9"])
        let finding = try #require(diagnosis.findings.first { $0.id == "config.gosumdb.wrong-key" || $0.id == "config.gosumdb.invalid" })
        #expect(finding.severity == .failure)
        #expect(finding.fix?.commands.last == "go env -w GOSUMDB=sum.golang.org")
    }

    @Test func go111moduleOffWithGoModFails() {
        let diagnosis = diagnose(["GO111MODULE": "off", "GOPRIVATE": "git.corp.example.com"])
        let finding = diagnosis.findings.first { $0.id == "config.go111module.off" }
        #expect(finding?.severity == .failure)
        #expect(finding?.fix?.commands == ["unset GO111MODULE"])
    }

    @Test func vendorFlagWithoutVendorDirectory() {
        let diagnosis = diagnose(["GOFLAGS": "-mod=vendor -modcacherw", "GOPRIVATE": "git.corp.example.com"])
        let finding = diagnosis.findings.first { $0.id == "config.goflags.vendor-missing" }
        #expect(finding?.severity == .failure)
        #expect(finding?.fix?.commands.last == "go env -w GOFLAGS=-modcacherw")
        let withVendor = diagnose(["GOFLAGS": "-mod=vendor", "GOPRIVATE": "git.corp.example.com"], directories: ["/p/vendor"])
        #expect(!withVendor.findings.contains { $0.id == "config.goflags.vendor-missing" })
    }

    @Test func broadGoinsecureWarns() {
        #expect(diagnose(["GOINSECURE": "*", "GOPRIVATE": "git.corp.example.com"]).findings.contains { $0.id == "config.goinsecure.broad" })
        #expect(!diagnose(["GOINSECURE": "git.corp.example.com", "GOPRIVATE": "git.corp.example.com"]).findings.contains { $0.id == "config.goinsecure.broad" })
    }

    @Test func httpsProxyWithoutNoProxyForPrivateHosts() throws {
        let diagnosis = diagnose(["GOPRIVATE": "git.corp.example.com", "HTTPS_PROXY": "http://proxy.corp:3128"])
        let finding = try #require(diagnosis.findings.first { $0.id == "config.https-proxy.private-hosts-proxied" })
        #expect(finding.fix?.commands == ["export NO_PROXY=git.corp.example.com"])
        let exempted = diagnose(["GOPRIVATE": "git.corp.example.com", "HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": ".example.com"])
        #expect(!exempted.findings.contains { $0.id == "config.https-proxy.private-hosts-proxied" })
    }

    @Test func credentialsAreReportedRedacted() throws {
        let diagnosis = diagnose(["GOPROXY": "https://alice:t0ken@goproxy.corp.example,direct", "GOPRIVATE": "git.corp.example.com",
                                  "HTTPS_PROXY": "http://bob:hunter2@proxy.corp:3128", "NO_PROXY": "git.corp.example.com"])
        let findings = diagnosis.findings.filter { $0.id == "config.credentials-in-url" }
        #expect(findings.map(\.target).sorted() == ["GOPROXY", "HTTPS_PROXY"])
        let json = try EnvReport(diagnosis, language: .en).json()
        for secret in ["t0ken", "hunter2", "alice", "bob:"] {
            #expect(!json.contains(secret), "\(secret) leaked")
        }
        let text = EnvTextRenderer(language: .zh, style: TerminalStyle(enabled: false)).render(EnvReport(diagnosis, language: .zh))
        #expect(!text.contains("t0ken") && !text.contains("hunter2"))
    }

    @Test func invalidProxyURLWithUserNameIsRedactedInJSON() throws {
        let diagnosis = diagnose(["GOPROXY": "ftp://tokenuser:secret@mirror.example"])
        let json = try EnvReport(diagnosis, language: .en).json()
        #expect(json.contains("invalid proxy URL scheme"))
        #expect(!json.contains("tokenuser") && !json.contains("secret@"))
    }

    @Test func goenvFileProblems() {
        let file = "GOPROXY=https://goproxy.cn,direct\r\nHTTPS_PROXY=http://p:1\njunk line\nGOPRIVATE=a\nGOPRIVATE=git.corp.example.com\n"
        let diagnosis = diagnose([:], files: ["/h/.config/go/env": file])
        let found = Set(ids(diagnosis))
        #expect(found.isSuperset(of: ["config.goenv-file.crlf", "config.goenv-file.proxy-variables-ignored",
                                      "config.goenv-file.ignored-lines", "config.goenv-file.duplicate"]))
    }

    @Test func environmentHidingGoEnvWIsNoted() {
        let diagnosis = diagnose(["GOPROXY": "https://a.example,direct", "GOPRIVATE": "git.corp.example.com"],
                                 files: ["/h/.config/go/env": "GOPROXY=https://b.example,direct\n"])
        #expect(diagnosis.findings.contains { $0.id == "config.environment-overrides-goenv-file" && $0.fix?.commands == ["unset GOPROXY"] })
    }

    @Test func disagreementWithGoEnvIsReported() {
        let diagnosis = diagnose(["GOPRIVATE": "git.corp.example.com"], goCommandEnv: ["GOPROXY": "https://elsewhere.example", "GOSUMDB": "sum.golang.org"])
        #expect(diagnosis.findings.contains { $0.id == "config.go-env.disagreement" && $0.target == "GOPROXY" })
        #expect(!diagnosis.findings.contains { $0.id == "config.go-env.disagreement" && $0.target == "GOSUMDB" })
    }

    @Test func malformedGoModIsPositioned() throws {
        let diagnosis = diagnose([:], goMod: "module m\n\nrequire (\n  github.com/x/y\n)\n")
        let finding = try #require(diagnosis.findings.first { $0.id == "config.gomod.malformed" })
        #expect(finding.arguments["error"]?.hasPrefix("/p/go.mod:4") == true, "\(finding.arguments)")
    }

    @Test func invalidGovcsAndMalformedPatterns() throws {
        let diagnosis = diagnose(["GOVCS": "private:git|nonsense,bad", "GOPRIVATE": "git.corp.example.com,[broken"])
        #expect(diagnosis.findings.contains { $0.id == "config.govcs.invalid" && $0.severity == .failure })
        let malformed = try #require(diagnosis.findings.first { $0.id == "config.private-pattern.malformed" })
        #expect(malformed.arguments["patterns"] == "[broken")
        #expect(malformed.fix?.commands == ["export GOPRIVATE=git.corp.example.com", "go env -w GOPRIVATE=git.corp.example.com"])
    }

    @Test func everyFindingAndFixHasBothLanguages() {
        let scenarios = [
            diagnose(["GOPROXY": "off"]), diagnose(["GOPROXY": "ftp://x"]), diagnose(["GOSUMDB": "bogus+key"]),
            diagnose(["GO111MODULE": "maybe", "GOFLAGS": "notaflag"]), diagnose(["GOSUMDB": "off", "GONOSUMDB": "*", "GOINSECURE": "*"]),
            diagnose(["GOPROXY": "http://a.example,off", "HTTPS_PROXY": "http://u:p@x:1", "GONOPROXY": "git.corp.example.com"]),
            diagnose(["GOVCS": "bad", "GOPRIVATE": "[x"]),
        ]
        for finding in scenarios.flatMap(\.findings) {
            #expect(MessageCatalog.has(finding.messageKey), "no message for \(finding.id)")
            if let key = finding.fix?.explanationKey { #expect(MessageCatalog.has(key), "no fix text \(key)") }
            let en = MessageCatalog(language: .en).text(finding.messageKey, finding.arguments)
            let zh = MessageCatalog(language: .zh).text(finding.messageKey, finding.arguments)
            #expect(!en.contains("{") && !zh.contains("{"), "unfilled placeholder in \(finding.id): \(en) / \(zh)")
            #expect(en != zh)
        }
    }
}
