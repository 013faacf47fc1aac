import GoModConfig
import Redaction

/// Fork check: the signed tree head read directly and through each proxy's `/sumdb/<name>/`
/// must describe one log. The larger view's client (fresh, in-memory state) first accepts
/// its own head, then merges the other: the go command's own mergeLatest, so a fork (two
/// trees of one size, or a larger tree not containing the smaller) yields its SECURITY
/// ERROR with the consistency proof. Tiles come from the view that signed the larger tree.
public struct TreeViewComparison: Sendable {
    public var key: VerifierKey
    public var getter: ModuleHTTPGetter

    public init(key: VerifierKey, getter: ModuleHTTPGetter) {
        self.key = key
        self.getter = getter
    }

    /// Compares the direct view at `directBase` with the view behind each of `proxies`.
    public func run(directBase: String, proxies: [String]) async -> [TreeViewCheck] {
        let direct = HTTPSumDBOps(name: key.name, base: directBase, getter: getter, state: nil)
        let directLatest = await direct.readRemote("/latest")
        var checks: [TreeViewCheck] = []
        for proxy in proxies {
            checks.append(await compare(direct: direct, directLatest: directLatest, directBase: directBase, proxy: proxy))
        }
        return checks
    }

    func compare(direct: HTTPSumDBOps, directLatest: Result<[UInt8], ModuleFetchError>, directBase: String,
                 proxy: String) async -> TreeViewCheck {
        var check = TreeViewCheck(proxy: SecretRedactor.redact(proxy), directURL: SecretRedactor.redact(directBase), status: .failed)
        let base = HTTPSumDBOps.trimmed(proxy) + "/sumdb/" + key.name
        switch await getter.get(base + "/supported") {
        case .success: break
        case .failure(let error):
            check.status = error.code == "not-found" ? .unsupported : .failed
            check.detail = error.message
            return check
        }
        let view = HTTPSumDBOps(name: key.name, base: base, getter: getter, state: nil)
        let directNote: [UInt8]
        let viewNote: [UInt8]
        let directTree: LogTree
        let viewTree: LogTree
        do throws(ModuleFetchError) {
            directNote = try directLatest.get()
            directTree = try tree(directNote, from: "direct")
            check.directSize = directTree.size
            viewNote = try await view.readRemote("/latest").get()
            viewTree = try tree(viewNote, from: "proxy")
            check.proxySize = viewTree.size
        } catch {
            check.detail = error.message
            return check
        }
        let (larger, largerNote, smallerNote) = viewTree.size > directTree.size
            ? (view, viewNote, directNote) : (direct, directNote, viewNote)
        let client = SumDBClient(key: key, ops: larger)
        let earlierProofs = await larger.securityErrors.count
        do throws(ModuleFetchError) {
            try await client.mergeLatest(largerNote)
            try await client.mergeLatest(smallerNote)
            check.status = .consistent
        } catch {
            let proofs = await larger.securityErrors.dropFirst(earlierProofs)
            check.status = proofs.isEmpty ? .failed : .misbehavior
            check.proof = proofs.last
            check.detail = error.message
        }
        return check
    }

    func tree(_ note: [UInt8], from view: String) throws(ModuleFetchError) -> LogTree {
        do throws(ModuleFetchError) {
            let opened = try SignedNote.open(note, verifiers: NoteVerifiers([key]))
            return try LogTree.parse(Array(opened.text.utf8))
        } catch {
            throw ModuleFetchError(error.code, "\(view) tree head: \(error.message)")
        }
    }
}
