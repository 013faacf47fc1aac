/// A module-protocol failure in the go command's words, with a bounded class for metrics.
/// Protocol code returns these as evidence; nothing here throws for a misbehaving server.
public struct ModuleFetchError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Bounded: "not-found", "http-status", "invalid-response", "too-large", "bad-zip",
    /// "checksum-mismatch", "sumdb-misbehavior", "note", "tlog", "transport".
    public var code: String
    /// The go command's text where one exists ("verifying module: checksum mismatch…").
    public var message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
