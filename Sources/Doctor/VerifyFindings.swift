import ModuleFetch

/// Conclusions from a `VerifyReport`: each problem becomes a finding with the go command's
/// consequence and the fix. Verified and skipped lines are not findings (the report lists them).
public enum VerifyFindings {
    public static func evaluate(_ report: VerifyReport) -> [Finding] {
        var findings: [Finding] = []
        if let error = report.goSumError {
            findings.append(Finding(id: "verify.gosum.unreadable", layer: .integrity, severity: .failure, target: "go.sum",
                                    arguments: ["error": error]))
        }
        if let error = report.databaseError {
            let name = report.database ?? "GOSUMDB"
            findings.append(Finding(id: "verify.sumdb.unavailable", layer: .sumdb, severity: .failure, target: name,
                                    arguments: ["database": name, "error": error]))
        }
        for line in report.lines {
            let target = line.moduleVersion
            switch line.status {
            case .mismatch:
                findings.append(Finding(
                    id: "verify.gosum.differs", layer: .integrity, severity: .failure, target: target,
                    arguments: ["module": target, "line": "\(line.line)", "gosum": line.goSumHash,
                                "database": line.databaseHash ?? "", "name": report.database ?? ""],
                    fix: Fix(commands: ["go mod download -x \(line.path)@\(line.version)"], explanationKey: "fix.verify.gosum-differs")))
            case .notInDatabase:
                findings.append(Finding(id: "verify.gosum.not-in-database", layer: .sumdb, severity: .warning, target: target,
                                        arguments: ["module": target, "name": report.database ?? ""], evidence: [line.detail ?? ""]))
            case .failed where report.databaseError == nil:
                findings.append(Finding(id: "verify.lookup.failed", layer: .sumdb, severity: .failure, target: target,
                                        arguments: ["module": target, "error": line.detail ?? ""]))
            default:
                break
            }
        }
        for missing in report.missing {
            let what = missing.missingGoMod ? "\(missing.version)/go.mod" : missing.version
            findings.append(Finding(id: "verify.gosum.missing", layer: .integrity, severity: .warning,
                                    target: "\(missing.path)@\(missing.version)",
                                    arguments: ["module": "\(missing.path) \(what)"],
                                    fix: Fix(commands: ["go mod download \(missing.path)@\(missing.version)"])))
        }
        for text in report.securityErrors {
            findings.append(Finding(id: "verify.sumdb.misbehavior", layer: .sumdb, severity: .failure,
                                    target: report.database ?? "", arguments: ["name": report.database ?? ""], evidence: [text]))
        }
        for view in report.treeViews where view.status == .misbehavior {
            findings.append(Finding(id: "verify.sumdb.fork", layer: .sumdb, severity: .failure, target: view.proxy,
                                    arguments: ["proxy": view.proxy, "direct": view.directURL,
                                                "directSize": view.directSize.map { "\($0)" } ?? "?",
                                                "proxySize": view.proxySize.map { "\($0)" } ?? "?"],
                                    evidence: [view.proof ?? view.detail ?? ""]))
        }
        for file in report.mirrors ?? [] where file.status == .differs {
            findings.append(Finding(
                id: "verify.mirror.differs", layer: .integrity, severity: .failure, target: file.mirror,
                arguments: ["mirror": file.mirror, "module": "\(file.path)@\(file.version)", "file": file.file,
                            "hash": file.hash ?? "", "expected": file.goSumHash ?? file.databaseHash ?? ""]))
        }
        // Fail closed: a mirror file that could not be downloaded whole, broke the zip rules or
        // could not be hashed was not verified — a failure, never "no problem". Not-found is the
        // go command's "try the next entry" and stays out.
        for file in report.mirrors ?? [] where file.status == .failed {
            findings.append(Finding(
                id: "verify.mirror.unverifiable", layer: .integrity, severity: .failure, target: file.mirror,
                arguments: ["mirror": file.mirror, "module": "\(file.path)@\(file.version)", "file": file.file,
                            "detail": file.detail ?? ""],
                evidence: [file.detail ?? ""].filter { !$0.isEmpty }))
        }
        for module in report.cache ?? [] where module.status == .modified || module.status == .failed {
            findings.append(Finding(
                id: "verify.cache.modified", layer: .integrity, severity: .failure, target: "\(module.path)@\(module.version)",
                arguments: ["module": "\(module.path) \(module.version)",
                            "files": module.files.map { "\($0.file) (\($0.change))" }.joined(separator: ", ")],
                evidence: module.problems,
                fix: Fix(commands: ["go clean -modcache"], explanationKey: "fix.verify.cache")))
        }
        return findings
    }
}
