/// How the go command would obtain one requirement of the main module.
public struct ModuleRoute: Sendable, Equatable, Codable {
    public enum Disposition: String, Sendable, Codable {
        /// Downloaded through `sources`.
        case download
        /// Replaced by a local directory: nothing is downloaded, no go.sum line.
        case localDirectory = "local-directory"
        /// The required version is excluded; the go command lists versions on the same route
        /// and takes the next one.
        case excluded
        /// -mod=vendor: taken from vendor/, no network.
        case vendored
    }

    /// The module that is fetched (after replace).
    public var path: String
    public var version: String
    /// The path as required in go.mod when a replace points elsewhere.
    public var requiredPath: String?
    public var requiredVersion: String?
    public var indirect: Bool
    public var disposition: Disposition
    /// The directory of a directory replacement.
    public var localDirectory: String?
    public var matchesGOPRIVATE: Bool
    public var matchesGONOPROXY: Bool
    public var matchesGONOSUMDB: Bool
    /// GOINSECURE applies (direct fetches only: http fallback, no certificate check).
    public var insecure: Bool
    /// The walk in order; empty when nothing is downloaded or GOPROXY is invalid.
    public var sources: [RouteStep]
    public var checksum: ChecksumCheck
    /// Why the lookup cannot even start (an invalid GOPROXY), in the go command's words.
    public var error: String?

    /// The first step that makes a request, if any.
    public var firstNetworkStep: RouteStep? { sources.first { $0.contactsNetwork } }
}
