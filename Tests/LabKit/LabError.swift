import Foundation

/// Why the lab could not build or run what a test asked for. A lab error is a broken
/// test environment or a broken test, never a finding about the code under test.
public struct LabError: Error, Sendable, CustomStringConvertible {
    /// What the lab was doing ("ip link add …", "start dnsmasq").
    public var action: String
    /// What went wrong, with the failing command's stderr where there is one.
    public var detail: String

    public init(_ action: String, _ detail: String) {
        self.action = action
        self.detail = detail
    }

    public var description: String { "lab: \(action): \(detail)" }

    /// The error for a lab that cannot run on this machine at all.
    public static func missingRequirements(_ missing: [String]) -> LabError {
        LabError("requirements", "missing: " + missing.joined(separator: ", "))
    }
}
