import Foundation
import LabKit
import Testing

/// Whether lab tests can run here. Outside CI (CI unset) a lab test is skipped with a
/// comment naming what is missing; with CI=true it runs anyway, and `Lab.with` fails it
/// with the same list — CI must never skip the lab silently.
enum LabGate {
    static let missing = LabTool.missing()
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static var trait: ConditionTrait {
        .enabled(
            if: missing.isEmpty || isCI,
            Comment(rawValue: "lab test skipped (CI unset); missing: " + missing.joined(separator: ", ")))
    }
}
