import Foundation
import Testing
@testable import Doctor

/// Drift between two env --json documents, decoded tolerantly.
struct EnvDiffTests {
    func snapshot(_ json: String) throws -> EnvDiffSnapshot {
        try JSONDecoder().decode(EnvDiffSnapshot.self, from: Data(json.utf8))
    }

    @Test func tolerantDecodingSkipsWhatItCannotRead() throws {
        let value = try snapshot("""
        {"schemaVersion": "two", "variables": [{"name": "GOPROXY", "value": "direct"}, {"value": "no name"}, 7],
         "findings": [{"id": "x"}, {}], "routes": {"modules": [{"path": "m"}, {"version": "v1"}]}, "extra": true}
        """)
        #expect(value.schemaVersion == nil)
        #expect(value.variables.map(\.name) == ["GOPROXY"])
        #expect(value.findings.map(\.id) == ["x"])
        #expect(value.routes?.modules.map(\.path) == ["m"])
        #expect(throws: (any Error).self) { try snapshot("[]") }
        #expect(try snapshot("{}").variables.isEmpty)
    }

    @Test func valueAndSourceDifferencesCountOriginsAloneDoNot() throws {
        let a = try snapshot("""
        {"rules": "go1.19", "goInstallation": {"versionText": "go1.19.8"},
         "variables": [{"name": "GOPROXY", "value": "https://goproxy.cn,direct", "source": "goenv-file", "origin": "/home/a/.config/go/env:1"},
                       {"name": "GOSUMDB", "value": "sum.golang.org", "source": "default"},
                       {"name": "GOFLAGS", "value": "", "source": "unset"}],
         "findings": [{"id": "config.goproxy.no-direct", "target": "GOPROXY", "severity": "info"}],
         "routes": {"modules": [{"path": "m", "version": "v1", "sources": [{"kind": "proxy", "url": "https://goproxy.cn", "action": "fetch-from-proxy"}]}]}}
        """)
        let b = try snapshot("""
        {"rules": "go1.22", "goInstallation": {"versionText": "go1.22.1"},
         "variables": [{"name": "GOPROXY", "value": "https://goproxy.cn,direct", "source": "goenv-file", "origin": "/home/ci/.config/go/env:1"},
                       {"name": "GOSUMDB", "value": "off", "source": "environment", "origin": "GOSUMDB"}],
         "routes": {"modules": [{"path": "m", "version": "v1", "sources": [{"kind": "direct", "action": "fetch-direct"}]}, {"path": "n", "version": "v2"}]}}
        """)
        let diff = EnvDiff.compare(a, b)
        #expect(diff.goVersion == EnvDiff.Pair(left: "go1.19.8", right: "go1.22.1"))
        #expect(diff.rules == EnvDiff.Pair(left: "go1.19", right: "go1.22"))
        #expect(diff.variables.map(\.name) == ["GOSUMDB", "GOFLAGS"])
        #expect(diff.variables.last?.right == nil)
        #expect(diff.routes.map(\.module) == ["m", "n"])
        #expect(diff.routes.first?.left == "v1 · https://goproxy.cn")
        #expect(diff.routes.first?.right == "v1 · direct")
        #expect(diff.findingsOnlyLeft.map(\.id) == ["config.goproxy.no-direct"])
        #expect(diff.findingsOnlyRight.isEmpty)
        #expect(EnvDiff.compare(a, a).isEmpty)
    }
}
