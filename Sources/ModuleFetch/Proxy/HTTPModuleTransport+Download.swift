import Foundation
import NetProbes

/// `get` keeps bodies in memory (the small files: .info, .mod, lists, sumdb answers); `download`
/// streams a zip to a nameless temporary file, so memory stays bounded whatever the peer sends.
extension HTTPModuleTransport {
    public func get(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse {
        if url.hasPrefix("file://") { return getFile(url, maxBodyBytes: maxBodyBytes) }
        return await request(url, maxBodyBytes: maxBodyBytes, insecure: insecure, deadline: deadline, into: nil)
    }

    public func download(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse {
        let file: HTTPBodyFile
        do throws(HTTPBodyFile.Failure) {
            file = try HTTPBodyFile()
        } catch {
            return TransportResponse(url: SecretRedactor.redact(url), status: nil,
                                     failure: FetchFailure(layer: .integrity, failureClass: "local-io", message: error.description))
        }
        if url.hasPrefix("file://") { return copyFile(url, maxBodyBytes: maxBodyBytes, into: file, deadline: deadline) }
        return await request(url, maxBodyBytes: maxBodyBytes, insecure: insecure, deadline: deadline, into: file)
    }

    /// file:// like `getFile` (its 404 and 403), the content copied in 1 MiB pieces up to the limit.
    func copyFile(_ url: String, maxBodyBytes: Int, into file: HTTPBodyFile, deadline: ProbeDeadline) -> TransportResponse {
        let start = ContinuousClock.now
        // Existence, type and permission exactly as getFile decides them (reading nothing).
        let probe = getFile(url, maxBodyBytes: 0)
        guard probe.failure == nil, let path = URL(string: url)?.path, let handle = FileHandle(forReadingAtPath: path) else {
            return probe
        }
        defer { try? handle.close() }
        var total = 0
        do {
            while total <= maxBodyBytes {
                if deadline.hasPassed {
                    return TransportResponse(url: url, status: nil, failure: FetchFailure(
                        layer: .moduleProtocol, failureClass: "timeout",
                        message: "reading \(url): deadline reached after \(total) bytes"), seconds: Self.seconds(since: start))
                }
                guard let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
                try file.append(Array(chunk.prefix(maxBodyBytes + 1 - total)))
                total += chunk.count
            }
        } catch {
            return TransportResponse(url: url, status: nil, failure: FetchFailure(
                layer: .integrity, failureClass: "local-io", message: "reading \(url): \(error)"), seconds: Self.seconds(since: start))
        }
        var response = TransportResponse(url: url, status: 200, bodyTruncated: total > maxBodyBytes, seconds: Self.seconds(since: start))
        response.bodyFile = file
        return response
    }
}
