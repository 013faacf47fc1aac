/// The go command's toolchain selection (Go ≥ 1.21, cmd/go/internal/toolchain/select.go and
/// switch.go, cmd/go/internal/gover/toolchain.go TooNewError), and what Go 1.19 says about a
/// go.mod written for a newer Go (x/mod/modfile/rule.go). A failed download of the new
/// toolchain (`go: download go1.N: <error>`) is classified by its inner error, not here.
extension GoErrorClassifier {
    static func toolchainCause(_ t: String) -> GoErrorClassification? {
        func c(_ failureClass: String, _ cause: String, _ stage: String) -> GoErrorClassification {
            GoErrorClassification(layer: .config, failureClass: failureClass, cause: cause, stage: stage)
        }
        // select.go: `download go1.N for GOOS/GOARCH: toolchain not available` (the proxy has no such zip).
        if t.contains("toolchain not available") { return c("not-found", "toolchain-unavailable", "proxy") }
        // gover.TooNewError: `X requires go >= 1.N (running go 1.M[; GOTOOLCHAIN=local][; go.mod sets …])`.
        if t.contains("requires go >= ") && t.contains("(running go ") {
            let forbidden = t.contains("; GOTOOLCHAIN=local") || t.contains("; GOTOOLCHAIN=path")
            return c("toolchain", forbidden ? "toolchain-switch-forbidden" : "toolchain-too-old", "local")
        }
        // switch.go: `X requires go >= 1.N; switching to go1.N.P` — progress, not an error by itself.
        if t.contains("; switching to go") { return c("toolchain", "toolchain-switch", "local") }
        // Go 1.19 reading a go.mod that Go ≥ 1.21 wrote: the `toolchain` line, or `go 1.21.0` (three parts).
        if t.contains("unknown directive: toolchain") || (t.contains("invalid go version '") && t.contains("must match format 1.23")) {
            return c("toolchain", "go-too-old-for-gomod", "local")
        }
        return nil
    }
}
