import GoModConfig

extension ConfigRules {
    /// A go.mod, go.sum, GOENV or $GOROOT/go.env file that exists but was not read. The go
    /// command reads these whole (see `ConfigFileLimits`), so whatever it holds — `GOPROXY=off`,
    /// the go.sum line a module needs — is unknown to every other rule: that is a failure of
    /// the diagnosis itself, never the same as the file being absent.
    static func unreadFiles(_ c: ConfigContext) -> [Finding] {
        let problems = c.project.fileProblems + [c.env.envFile.readProblem, c.env.envFile.gorootReadProblem].compactMap { $0 }
        return problems.map { problem in
            switch problem.reason {
            case .tooLarge:
                let size = problem.size.map(String.init) ?? "?"
                let limit = problem.limit.map(String.init) ?? "?"
                return Finding(id: "config.file.too-large", severity: .failure, target: problem.path,
                               arguments: ["file": problem.role.rawValue, "path": problem.path, "size": size, "limit": limit],
                               evidence: ["\(problem.path): \(size) bytes, limit \(limit) bytes"])
            case .timedOut:
                return Finding(id: "config.file.timed-out", severity: .failure, target: problem.path,
                               arguments: ["file": problem.role.rawValue, "path": problem.path, "line": problem.detail ?? ""],
                               evidence: ["\(problem.path): not read to the end before the deadline (\(problem.detail ?? "start"))"])
            case .unreadable:
                let detail = problem.detail ?? ""
                return Finding(id: "config.file.unreadable", severity: .failure, target: problem.path,
                               arguments: ["file": problem.role.rawValue, "path": problem.path, "error": detail],
                               evidence: ["\(problem.path): \(detail)"])
            }
        }
    }
}
