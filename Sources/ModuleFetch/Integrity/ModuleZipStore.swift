import NetProbes

/// Where a zip is hashed from: always a nameless temporary file (`HTTPBodyFile`), so ZIPFoundation
/// can seek in it, memory holds none of it, and no signal or kill can leave it in TMPDIR.
enum ModuleZipStore {
    /// The file a download streamed to, else a new one holding the in-memory body (scripted
    /// transports, tests). No answer at all is an empty file: "not a valid zip file", never a pass.
    static func file(for served: TransportResponse?) throws(ModuleFetchError) -> HTTPBodyFile {
        if let file = served?.bodyFile { return file }
        return try file(for: served?.body ?? [])
    }

    /// A new nameless file holding `bytes`.
    static func file(for bytes: [UInt8]) throws(ModuleFetchError) -> HTTPBodyFile {
        do throws(HTTPBodyFile.Failure) {
            let file = try HTTPBodyFile()
            try file.append(bytes)
            return file
        } catch {
            throw ModuleFetchError("local-io", error.description)
        }
    }
}
