import Foundation

/// The `diff --json` document: the two files compared and their drift (values as the
/// snapshots hold them, already redacted by `env --json`).
public struct EnvDiffReport: Sendable, Codable {
    public var schemaVersion = DoctorVersion.jsonSchemaVersion
    public var tool = EnvReport.Tool()
    public var left: String
    public var right: String
    public var identical: Bool
    public var diff: EnvDiff

    public init(left: String, right: String, diff: EnvDiff) {
        self.left = left
        self.right = right
        self.diff = diff
        identical = diff.isEmpty
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
