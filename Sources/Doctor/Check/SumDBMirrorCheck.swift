import GoModConfig
import ModuleFetch
import NetProbes

/// Proves a checksum-database mirror before a fix names it: its `/latest` must answer a tree
/// head signed by the database's own key (the mirror serves the same log, so the same key
/// verifies it). Anything else — no answer, a bad signature, not a tree note — is "not
/// verified": the fix then names no mirror.
struct SumDBMirrorCheck: Sendable {
    var transport: any ModuleTransport

    /// The aliases the go command knows for a database name (cmd/go/internal/modfetch/sumdb.go
    /// dbDial: "sum.golang.google.cn" serves sum.golang.org under its key).
    static func alias(of host: String) -> String? {
        switch host.lowercased() {
        case "sum.golang.org": return "sum.golang.google.cn"
        case "sum.golang.google.cn": return "sum.golang.org"
        default: return nil
        }
    }

    /// Whether `https://<host>/latest` answers a tree note that `key` verifies.
    func verify(host: String, key: VerifierKey, deadline: ProbeDeadline) async -> Bool {
        let response = await transport.get("https://\(host)/latest", maxBodyBytes: 1 << 16, insecure: false, deadline: deadline)
        guard response.failure == nil else { return false }
        let note: SignedNote
        do throws(ModuleFetchError) {
            note = try SignedNote.open(response.body, verifiers: NoteVerifiers([key]))
        } catch {
            return false
        }
        // tlog.ParseTree: the text of a tree head (golang.org/x/mod/sumdb/tlog/note.go).
        return note.text.hasPrefix("go.sum database tree\n")
    }
}
