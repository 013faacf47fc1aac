import Foundation
import GoModConfig
import NetProbes

/// Whether the toolchain that go.mod asks for can be downloaded through the route.
public struct ToolchainCheck: Sendable, Equatable, Codable {
    /// "go1.22.0".
    public var required: String
    /// `golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64`.
    public var module: String
    public var version: String
    public var willSwitch: Bool
    public var reason: String
    /// `go 1.22` (a language version) with Go ≥ 1.21 semantics: no toolchain of that exact
    /// name exists before 1.21 and from 1.21 on releases are named `go1.N.0`.
    public var languageVersionOnly: Bool
    /// The .info/.mod walk (with the checksum database, which toolchains always need).
    public var fetch: ModuleFetchOutcome?
    /// The go command's error when the toolchain it selects refuses go.mod (ToolchainRoute).
    public var refusal: String?

    /// The download the go command makes: `fetch` when it switches. When it refuses instead,
    /// `fetch` is what GOTOOLCHAIN=auto would download, not a module the go command fetches.
    public var download: ModuleFetchOutcome? { willSwitch ? fetch : nil }
}

/// Checks a toolchain switch under GOTOOLCHAIN=auto (cmd/go/internal/toolchain, Go 1.21+):
/// module `golang.org/toolchain`, fetched through GOPROXY like any module and always verified
/// against the checksum database.
public struct ToolchainChecker: Sendable {
    public var fetcher: ModuleFetcher

    public init(fetcher: ModuleFetcher) {
        self.fetcher = fetcher
    }

    public func check(_ route: ToolchainRoute, deadline: ProbeDeadline) async -> ToolchainCheck {
        var check = ToolchainCheck(required: route.required, module: route.module, version: route.version,
                                   willSwitch: route.willSwitch, reason: route.reason,
                                   languageVersionOnly: Self.isLanguageVersionOnly(route.required), fetch: nil, refusal: route.refusal)
        // A refusal is checked too: whether GOTOOLCHAIN=auto would get the toolchain decides its fix.
        guard route.willSwitch || (route.refusal != nil && !route.sources.isEmpty) else { return check }
        // modfetch.useSumDB: toolchains always need the database, unless GOPROXY is one file:// URL.
        let singleFileProxy = route.sources.count == 1 && route.sources[0].url?.hasPrefix("file://") == true
        if fetcher.sumdb == nil, !singleFileProxy {
            check.fetch = ModuleFetchOutcome(
                path: route.module, version: route.version, status: .fails,
                failure: FetchFailure(layer: .sumdb, failureClass: "disabled",
                                      message: "\(route.module)@\(route.version): verifying module: checksum database disabled by GOSUMDB=off"),
                failedAt: "sumdb")
            return check
        }
        let request = ModuleFetchRequest(path: route.module, version: route.version, steps: route.sources,
                                         checksumDatabase: singleFileProxy ? nil : fetcher.sumdb?.name, insecure: false, isPrivate: false, fetchZip: false)
        check.fetch = await fetcher.fetch(request, deadline: deadline)
        return check
    }

    /// "go1.22" (minor ≥ 21, no patch): a language version, not a release name.
    public static func isLanguageVersionOnly(_ required: String) -> Bool {
        let name = required.hasPrefix("go") ? String(required.dropFirst(2)) : required
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "1", let minor = Int(parts[1]) else { return false }
        return minor >= 21
    }
}
