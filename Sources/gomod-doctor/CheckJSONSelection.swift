import Doctor

/// `selection` in the check JSON (docs/json-check.md): the checks that ran and those
/// `--only` left out (not run at all, no traffic).
struct CheckJSONSelection: Encodable {
    var checks: [String]
    var skipped: [String]

    init(_ result: CheckRun.Result) {
        checks = result.selectedChecks.map(\.rawValue)
        skipped = CheckName.allCases.filter { !result.selectedChecks.contains($0) }.map(\.rawValue)
    }
}
