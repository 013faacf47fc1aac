import Foundation
import GoModConfig

/// Merging a newly seen signed tree head with the latest one: the older of the two must
/// be a prefix of the newer, proven from the newer tree's authenticated tiles.
extension SumDBClient {
    enum When { case past, now, future }

    /// Merges `message` (a signed tree note, possibly empty) and persists a newer head.
    // golang.org/x/mod/sumdb/client.go mergeLatest
    func mergeLatest(_ message: [UInt8]) async throws(ModuleFetchError) {
        guard try await mergeLatestMemory(message) == .future else { return }
        // The tree in memory is newer than the stored one: write it back, merging with
        // whatever another process stored meanwhile.
        while true {
            let stored = try await ops.readConfig(name + "/latest").get()
            guard try await mergeLatestMemory(stored) == .past else { return }
            let current = latestNote
            if try await ops.writeConfig(name + "/latest", old: stored, new: current).get() { return }
        }
    }

    // golang.org/x/mod/sumdb/client.go mergeLatestMem
    func mergeLatestMemory(_ message: [UInt8]) async throws(ModuleFetchError) -> When {
        if message.isEmpty { return latest.size == 0 ? .now : .past }
        // The very note installed as the latest (every lookup of an audit returns it): its
        // signature was verified and its tree checked against the one before when it was
        // installed, and every record read in it is still authenticated through its tiles up
        // to its root (checkRecord). Verifying the same bytes again proves nothing new.
        if message == latestNote { return .now }
        let note: SignedNote
        do throws(ModuleFetchError) {
            note = try SignedNote.open(message, verifiers: verifiers)
        } catch {
            throw ModuleFetchError("note", "reading tree note: \(error.message)\nnote:\n\(String(decoding: message, as: UTF8.self))")
        }
        let tree: LogTree
        do throws(ModuleFetchError) {
            tree = try LogTree.parse(Array(note.text.utf8))
        } catch {
            throw ModuleFetchError("note", "reading tree: \(error.message)\ntree:\n\(note.text)")
        }
        var known = latest
        var knownNote = latestNote
        while true {
            if tree.size <= known.size {
                try await checkTrees(older: tree, olderNote: message, newer: known, newerNote: knownNote)
                return tree.size < known.size ? .past : .now
            }
            try await checkTrees(older: known, olderNote: knownNote, newer: tree, newerNote: message)
            // Another lookup may have installed a newer head while we awaited tiles.
            if latest == known {
                latest = tree
                latestNote = message
                return .future
            }
            known = latest
            knownNote = latestNote
        }
    }

    /// Checks that `older` is a prefix of `newer`; on mismatch reports the go command's
    /// SECURITY ERROR with both notes and the consistency proof, and fails.
    // golang.org/x/mod/sumdb/client.go checkTrees
    func checkTrees(older: LogTree, olderNote: [UInt8], newer: LogTree, newerNote: [UInt8]) async throws(ModuleFetchError) {
        let reader = TileHashReader(tree: newer, tileReader: tiles)
        let hash: LogHash
        do throws(ModuleFetchError) {
            hash = try await TransparencyLog.treeHash(older.size, reader: reader)
        } catch {
            let what = older.size == newer.size ? "checking tree#\(older.size)" : "checking tree#\(older.size) against tree#\(newer.size)"
            throw ModuleFetchError(error.code, "\(what): \(error.message)")
        }
        if hash == older.hash { return }
        var text = "SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n"
        let indent = { (bytes: [UInt8]) in String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\n\t") }
        text += "old database:\n\t\(indent(olderNote))\n"
        text += "new database:\n\t\(indent(newerNote))\n"
        text += "proof of misbehavior:\n\t\(hash)"
        do throws(ModuleFetchError) {
            let proof = try await TransparencyLog.proveTree(t: newer.size, n: older.size, reader: reader)
            do throws(ModuleFetchError) {
                try TransparencyLog.checkTree(proof: proof, t: newer.size, root: newer.hash, n: older.size, old: hash)
                for step in proof { text += "\n\t\(step)" }
            } catch {
                text += "\tinternal error: generated inconsistent proof\n"
            }
        } catch {
            text += "\tinternal error: \(error.message)\n"
        }
        await ops.securityError(text)
        throw ModuleFetchError("sumdb-misbehavior", "security error: misbehaving server")
    }
}
