/// Everything `gomod-doctor verify` found (the `--json` document's `verify` member).
public struct VerifyReport: Sendable, Codable, Equatable {
    public var goSumPath: String?
    /// Why go.sum could not be read (the go command's text).
    public var goSumError: String?
    /// The checksum database name, nil when GOSUMDB=off.
    public var database: String?
    /// The base URL database requests went to (after the `supported` walk).
    public var databaseURL: String?
    /// Why the database could not be used (invalid GOSUMDB, failed walk).
    public var databaseError: String?
    public var lines: [GoSumCheck]
    public var missing: [MissingGoSumEntry]
    /// `--zips` only.
    public var mirrors: [MirrorFileCheck]?
    public var treeViews: [TreeViewCheck]
    /// `--cache` only.
    public var cache: [CacheModuleCheck]?
    /// Database requests made (`/lookup`, `/tile`, `/latest`, `supported`) and tiles among them.
    public var databaseRequests: Int
    public var tileRequests: Int
    /// Distinct tile URLs among them (equal to `tileRequests` when no tile is fetched twice).
    public var distinctTiles: Int
    /// SECURITY ERROR texts raised while looking records up (a tree inconsistent with the
    /// one stored from an earlier run).
    public var securityErrors: [String]

    public init(goSumPath: String? = nil, goSumError: String? = nil, database: String? = nil, databaseURL: String? = nil,
                databaseError: String? = nil, lines: [GoSumCheck] = [], missing: [MissingGoSumEntry] = [],
                mirrors: [MirrorFileCheck]? = nil, treeViews: [TreeViewCheck] = [], cache: [CacheModuleCheck]? = nil,
                databaseRequests: Int = 0, tileRequests: Int = 0, distinctTiles: Int = 0, securityErrors: [String] = []) {
        self.goSumPath = goSumPath
        self.goSumError = goSumError
        self.database = database
        self.databaseURL = databaseURL
        self.databaseError = databaseError
        self.lines = lines
        self.missing = missing
        self.mirrors = mirrors
        self.treeViews = treeViews
        self.cache = cache
        self.databaseRequests = databaseRequests
        self.tileRequests = tileRequests
        self.distinctTiles = distinctTiles
        self.securityErrors = securityErrors
    }
}
