/// `go mod verify` for one module version in the local module cache, with the file that
/// differs named.
public struct CacheModuleCheck: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case verified
        /// Neither zip nor extracted directory present: nothing to verify.
        case notDownloaded = "not-downloaded"
        /// The zip, the extracted directory or the recorded hash differs (see `problems`).
        case modified
        case failed
    }

    /// One file of the extracted directory that differs from the zip.
    public struct FileDifference: Sendable, Codable, Equatable {
        public init(file: String, change: String) {
            self.file = file
            self.change = change
        }

        /// Path inside the module (`sub/file.go`).
        public var file: String
        /// "modified", "missing" (in the zip, not on disk) or "added" (on disk only).
        public var change: String
    }

    public var path: String
    public var version: String
    public var zip: String
    public var directory: String
    public var status: Status
    /// The go command's texts (`<path> <version>: zip has been modified (<zip>)` …) and ours.
    public var problems: [String]
    public var files: [FileDifference]
}
