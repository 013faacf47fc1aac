import Foundation
import NetProbes

/// The go command's verification of downloaded bytes, in its order: the hash must be one
/// go.sum lists; only when go.sum lists none is the checksum database's line the reference
/// (cmd/go/internal/modfetch/fetch.go checkModSum, haveModSumLocked, checkSumDB). Fail closed:
/// bytes that cannot be hashed are a failure, never a pass.
enum DownloadVerification {
    /// A downloaded go.mod against go.sum's `/go.mod` hashes; nil when go.sum lists it (or
    /// lists none: then the checksum database decides, see `ModuleFetcher.checksumLookup`).
    static func checkGoMod(_ body: [UInt8], path: String, version: String, goSum: [String]) -> FetchFailure? {
        mismatch(DirHash.hashGoMod(body), listed: goSum, subject: "\(path)@\(version)/go.mod")
    }

    /// A downloaded zip: the download rules (entry prefix, zip rules, 500 MiB) and its h1
    /// hash, then that hash against go.sum, else against the checksum database's line when the
    /// database was consulted. `database`: the consulted database's name and its verified lines.
    /// `served` is the answer the walk chose (its body on disk, or in memory for scripted
    /// transports); the hashing stops at `deadline` (a "timeout", never a pass).
    static func checkZip(_ served: TransportResponse?, path: String, version: String, goSum: [String],
                         database: (name: String, lines: [String])?, deadline: ProbeDeadline? = nil) -> FetchFailure? {
        if served?.bodyTruncated == true {
            return FetchFailure(layer: .moduleProtocol, failureClass: "too-large", message: "downloaded zip file too large")
        }
        let hash: String
        switch hashZip(served, path: path, version: version, deadline: deadline) {
        case .success(let value): hash = value
        case .failure(let failure): return failure
        }
        if !goSum.isEmpty { return mismatch(hash, listed: goSum, subject: "\(path)@\(version)") }
        guard let database else { return nil }
        let prefix = "\(path) \(version) h1:"
        guard let line = database.lines.first(where: { $0.hasPrefix(prefix) }) else {
            // The database was asked but gave no line for the zip: nothing vouches for these bytes.
            return FetchFailure(layer: .sumdb, failureClass: "missing-line",
                                message: "verifying module: \(path)@\(version): the checksum database gave no hash for the zip")
        }
        guard line != "\(path) \(version) \(hash)" else { return nil }
        let expected = String(line.dropFirst(prefix.count - 3))
        return FetchFailure(layer: .integrity, failureClass: "checksum-mismatch", message:
            "verifying module: checksum mismatch\n\tdownloaded: \(hash)\n\t\(database.name): \(expected)" + ModuleFetcher.sumdbMismatch)
    }

    /// The zip's h1 after the go command's download checks; a zip that cannot be read or
    /// breaks a rule is the failure the go command reports. Hashed from the nameless file the
    /// download streamed to (a body in memory is first written to one): nothing is left in TMPDIR.
    static func hashZip(_ served: TransportResponse?, path: String, version: String,
                        deadline: ProbeDeadline?) -> Result<String, FetchFailure> {
        let file: HTTPBodyFile
        do throws(ModuleFetchError) {
            file = try ModuleZipStore.file(for: served)
        } catch {
            return .failure(FetchFailure(layer: .integrity, failureClass: "unverifiable",
                                         message: "\(path)@\(version): cannot store the zip to hash it: \(error.message)"))
        }
        do throws(ModuleFetchError) {
            return .success(try ModuleZipHasher.checkAndHash(at: URL(fileURLWithPath: file.path), path: path, version: version,
                                                             deadline: deadline))
        } catch {
            switch error.code {
            case "timeout":
                return .failure(FetchFailure(layer: .integrity, failureClass: "timeout", message: error.message))
            case "local-io":
                return .failure(FetchFailure(layer: .integrity, failureClass: "unverifiable", message: error.message))
            default:
                let failureClass = error.code == "too-large" ? "too-large" : "bad-zip"
                return .failure(FetchFailure(layer: .moduleProtocol, failureClass: failureClass, message: error.message))
            }
        }
    }

    /// haveModSumLocked: a hash go.sum lists passes; any other h1: line is a mismatch.
    static func mismatch(_ hash: String, listed: [String], subject: String) -> FetchFailure? {
        guard !listed.isEmpty, !listed.contains(hash), let recorded = listed.first(where: { $0.hasPrefix("h1:") }) else { return nil }
        return FetchFailure(layer: .integrity, failureClass: "checksum-mismatch", message:
            "verifying \(subject): checksum mismatch\n\tdownloaded: \(hash)\n\tgo.sum:     \(recorded)" + goSumMismatch)
    }

    // cmd/go/internal/modfetch/fetch.go goSumMismatch
    static let goSumMismatch = """


        SECURITY ERROR
        This download does NOT match an earlier download recorded in go.sum.
        The bits may have been replaced on the origin server, or an attacker may
        have intercepted the download attempt.

        For more information, see 'go help module-auth'.

        """
}
