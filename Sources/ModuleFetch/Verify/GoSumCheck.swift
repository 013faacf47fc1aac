/// The verdict on one go.sum line against the checksum database.
public struct GoSumCheck: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// The database holds the same hash.
        case verified
        /// "go.sum differs from the database": both hashes are given.
        case mismatch
        /// GOSUMDB=off or GONOSUMDB matches: the go command does not consult the database.
        case skipped
        /// The database answered 404/410 for the module version.
        case notInDatabase = "not-in-database"
        /// The lookup failed (network, misbehaving server): `detail` has the go command's text.
        case failed
    }

    public var path: String
    public var version: String
    public var isGoMod: Bool
    /// Line number in go.sum.
    public var line: Int
    public var goSumHash: String
    /// The hash the database holds (present for verified and mismatch).
    public var databaseHash: String?
    public var status: Status
    /// Why skipped, or the failure text.
    public var detail: String?

    public init(path: String, version: String, isGoMod: Bool, line: Int, goSumHash: String,
                databaseHash: String? = nil, status: Status, detail: String? = nil) {
        self.path = path
        self.version = version
        self.isGoMod = isGoMod
        self.line = line
        self.goSumHash = goSumHash
        self.databaseHash = databaseHash
        self.status = status
        self.detail = detail
    }

    /// `path version` or `path version/go.mod`, as go.sum spells it.
    public var moduleVersion: String { path + " " + version + (isGoMod ? "/go.mod" : "") }
}

/// A requirement of go.mod that go.sum lacks a line for (the go command then fails with
/// `missing go.sum entry for module providing package …` or `… for go.mod file`).
public struct MissingGoSumEntry: Sendable, Codable, Equatable {
    public var path: String
    public var version: String
    /// The `/go.mod` line is missing (needed for every module in the graph).
    public var missingGoMod: Bool
    /// The zip line is missing (needed to build packages from the module).
    public var missingZip: Bool

    public init(path: String, version: String, missingGoMod: Bool, missingZip: Bool) {
        self.path = path
        self.version = version
        self.missingGoMod = missingGoMod
        self.missingZip = missingZip
    }
}
