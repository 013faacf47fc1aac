import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// A response body kept on disk instead of in memory: a temporary file with no name, so it
/// cannot outlive the process however the process ends (SIGTERM, SIGINT, SIGKILL). On Linux it
/// is created nameless (`O_TMPFILE`); where that is refused it is created `gomod-doctor-*.zip`
/// and unlinked at once. Readers reach it through `path` (`/proc/self/fd/N`, the open
/// descriptor) — a module zip of up to 500 MiB is written chunk by chunk as it arrives and hashed
/// from there, never held whole in memory.
///
/// Written on one event loop while the response arrives, read after the fetch returned (the
/// response promise orders the two), so the mutable offset needs no lock.
public final class HTTPBodyFile: @unchecked Sendable, Equatable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public let descriptor: Int32
    /// Bytes written so far.
    public private(set) var size = 0

    /// A nameless file in `directory` (TMPDIR when nil).
    public init(directory: String? = nil) throws(Failure) {
        let dir = directory ?? Self.temporaryDirectory()
        #if os(Linux)
        // O_TMPFILE is a C macro Swift does not import: __O_TMPFILE (020000000 on Linux's
        // generic and x86 ABIs) with O_DIRECTORY. A kernel or file system without it refuses (EISDIR/EOPNOTSUPP).
        let fd = open(dir, 0o20000000 | O_DIRECTORY | O_RDWR | O_CLOEXEC, 0o600)
        if fd >= 0 {
            descriptor = fd
            return
        }
        #endif
        var template = Array((dir.hasSuffix("/") ? dir : dir + "/").utf8CString.dropLast()) + Array("gomod-doctor-XXXXXX.zip".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard made >= 0 else {
            throw Failure(description: "cannot create a temporary file in \(dir): \(String(cString: strerror(errno)))")
        }
        // The name exists for the time of one system call: nothing is left behind by any end.
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        descriptor = made
    }

    deinit { close(descriptor) }

    /// `/proc/self/fd/N` on Linux: opening it opens this very file, for readers that take a path.
    public var path: String {
        #if os(Linux)
        return "/proc/self/fd/\(descriptor)"
        #else
        return "/dev/fd/\(descriptor)"
        #endif
    }

    /// Appends `buffer`'s readable bytes.
    public func append(_ buffer: ByteBuffer) throws(Failure) {
        var failure: Failure?
        buffer.withUnsafeReadableBytes { bytes in
            failure = write(bytes)
        }
        if let failure { throw failure }
    }

    /// Appends `bytes`.
    public func append(_ bytes: [UInt8]) throws(Failure) {
        if let failure = bytes.withUnsafeBytes({ write($0) }) { throw failure }
    }

    /// Empties the file (a new response begins: a redirect's body is not the file's).
    public func reset() throws(Failure) {
        guard ftruncate(descriptor, 0) == 0 else { throw Self.failure("cannot empty the temporary file") }
        size = 0
    }

    private func write(_ bytes: UnsafeRawBufferPointer) -> Failure? {
        var done = 0
        while done < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(size + done))
            if n < 0 {
                if errno == EINTR { continue }
                return Self.failure("cannot store the response body in a temporary file")
            }
            done += n
        }
        size += done
        return nil
    }

    /// Reads up to `count` bytes at `offset`; empty at the end.
    public func read(at offset: Int, count: Int) throws(Failure) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot read the temporary file")
            }
            if n == 0 { break }
            got += n
        }
        out.removeLast(count - got)
        return out
    }

    static func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }

    /// TMPDIR, else /tmp (Foundation's rule).
    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.path
    }

    public static func == (a: HTTPBodyFile, b: HTTPBodyFile) -> Bool { a === b }
}
