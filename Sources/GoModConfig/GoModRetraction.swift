/// One `retract` line: a closed version interval (`low == high` for a single version) and
/// the rationale the module author wrote in the comments around it.
public struct GoModRetraction: Sendable, Equatable, Codable {
    public var low: String
    public var high: String
    /// Comment text on or above the directive (or on its block), `//` and blanks stripped,
    /// lines joined with `\n` (modfile `parseDirectiveComment`).
    public var rationale: String
    public var line: Int

    public init(low: String, high: String, rationale: String, line: Int) {
        self.low = low
        self.high = high
        self.rationale = rationale
        self.line = line
    }
}
