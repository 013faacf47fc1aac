import Foundation
import LabKit
import Testing

/// A second, untampered GOPROXY under a well-known name: the only kind of replacement proxy
/// `check` can verify in the lab (issue 11: a fix names another proxy only when this run
/// fetched the blocked modules' files through it).
extension CheckScenarioSetup {
    static let mirrorName = "proxy.golang.org"
    static let mirrorURL = "https://proxy.golang.org"

    /// Serves a fresh copy of the scenario's modules (built from the same `LabModule` values,
    /// so its hashes are the checksum database's whatever `tamperZip` did to the primary tree)
    /// on port 443 of the server, with a certificate for `name` from the lab CA. `name` must be
    /// among `start`'s `names` (the lab DNS is started there): checked from the client, so a
    /// scenario without it fails here rather than in a confusing verdict.
    @discardableResult
    func startVerifiedMirror(name: String = mirrorName) async throws -> LabGoProxy {
        let resolved = try await lab.run(in: chain.client, ["getent", "ahostsv4", name])
        try #require(resolved.succeeded && resolved.stdout.contains(ip), "\(name) must resolve to \(ip) in the lab DNS (start's names:): \(resolved)")
        let mirrorTree = try await lab.makeModuleTree()
        try await lab.addModules(modules, to: mirrorTree)
        let certificate = try await lab.issueCertificate(from: ca, commonName: name, dnsNames: [name])
        return try await lab.startGoProxy(on: chain.server, tree: mirrorTree, port: 443, certificate: certificate)
    }

    /// Replaces `module`'s zip in the primary proxy's tree by a modified, still valid one; a
    /// mirror started with `startVerifiedMirror` keeps serving the original.
    @discardableResult
    func tamperZip(module path: String) async throws -> ModuleHashes {
        let module = try #require(modules.first { $0.path == path }, "\(path) is not one of the scenario's modules")
        return try await lab.tamperZip(module, in: tree)
    }
}
