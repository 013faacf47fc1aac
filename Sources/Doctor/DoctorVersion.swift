/// The tool's version, printed by `--version` and written into every JSON report.
public enum DoctorVersion {
    public static let string = "0.1.0"
    /// Bumped whenever a JSON field changes meaning or disappears (docs/json-schema.md).
    public static let jsonSchemaVersion = 1
}
