import Testing
@testable import Doctor

/// Real go error texts with the layer and cause they mean, for `ExplainCorpusTests`.
///
/// Each entry cites where the wording comes from: a `stderr` expectation of the go command's
/// own script tests (regular expressions there are written out with the values the script
/// sets — its `$GOPROXY`, `$WORK` — put in), a line of the Go source that prints the text
/// (composed the way the go command wraps it: `go: path@version: ` … `Get "url": ` …), or a
/// public issue thread where a user pasted the output. The expected labels come from what the
/// error means in the Go source, not from what the classifier says. `goproxy` is the GOPROXY of
/// the failing run where the wording alone cannot tell the cause (`GOPROXY=off` vs `p,off`).
struct ExplainCorpusEntry: Sendable, CustomTestStringConvertible {
    var text: String
    var layer: Layer
    var cause: String
    var source: String
    var goVersion: String
    var goproxy: String?

    var testDescription: String { "\(cause) ← \(source)" }
}

enum ExplainCorpus {
    static let s19 = "go1.19 src/cmd/go/testdata/script/"
    static let s27 = "go1.27.3 src/cmd/go/testdata/script/"
    static let g19 = "go1.19 src/"
    static let g27 = "go1.27.3 src/"

    static func e(_ text: String, _ layer: Layer, _ cause: String, _ source: String, _ goVersion: String,
                  goproxy: String? = nil) -> ExplainCorpusEntry {
        ExplainCorpusEntry(text: text, layer: layer, cause: cause, source: source, goVersion: goVersion, goproxy: goproxy)
    }

    static let sumdbNote = """
    go.sum database tree
    18943210
    lcCE3VEvsd1dNBR4ucBpx9k8IXxGSPqoBp9yUJJTfA4=

    — sum.golang.org Az3grnmrwUyYPlAndWHIYVqSBVB31l+1QI5eZAoIXy9ZV4hhSZiTr+wNGEeqHrFZR+BtM3q7WgWAjX4ABo4xv+ncewQ=
    """

    static let goSumMismatchParagraph = """


    SECURITY ERROR
    This download does NOT match an earlier download recorded in go.sum.
    The bits may have been replaced on the origin server, or an attacker may
    have intercepted the download attempt.

    For more information, see 'go help module-auth'.
    """

    static let sumdbMismatchParagraph = """


    SECURITY ERROR
    This download does NOT match the one reported by the checksum server.
    The bits may have been replaced on the origin server, or an attacker may
    have intercepted the download attempt.

    For more information, see 'go help module-auth'.
    """

    static let gitHelp19 = "\nConfirm the import path was entered correctly.\nIf this is a private repository, see https://golang.org/doc/faq#git_https for additional information."
    static let gitHelp27 = "\nConfirm the import path was entered correctly.\nIf this is a private repository, see https://go.dev/doc/faq#git_https for additional information."

    static let entries: [ExplainCorpusEntry] = scripts + connectRefusals + eofAndHTTP2 + transport + statuses + git + toolchain + sumdb + config
}
