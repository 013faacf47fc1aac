import Doctor
import Report

/// `fromError` in the check JSON (docs/json-check.md), present only with `--from-error`: each
/// error explained as `explain --json` does, and the hosts and modules the check focused on.
struct CheckJSONFromError: Encodable {
    var errors: [ExplainReport.Entry]
    var hosts: [String]
    var modules: [String]

    init(report: ExplainReport, focus: CheckFocus?) {
        errors = report.errors
        hosts = focus?.hosts ?? []
        modules = focus?.modules ?? []
    }
}
