import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the platform resolver (getaddrinfo: /etc/hosts, nsswitch, resolv.conf) answered —
/// the path the go command takes when cgo resolution is in use, and the one most tools use.
public struct PlatformResolution: Sendable, Codable, Equatable {
    public var host: String
    /// In the order getaddrinfo returned them (RFC 6724 sorted), duplicates removed.
    public var addresses: [ResolvedAddress]
    /// gai_strerror text when resolution failed.
    public var error: String?
    /// Bounded class: "nxdomain" (EAI_NONAME), "no-data" (EAI_NODATA), "temporary" (EAI_AGAIN),
    /// "failure" (EAI_FAIL), "timeout" (deadline), "other".
    public var errorClass: String?
    public var durationSeconds: Double

    public var ipv4: [ResolvedAddress] { addresses.filter { $0.family == .ipv4 } }
    public var ipv6: [ResolvedAddress] { addresses.filter { $0.family == .ipv6 } }
}

/// getaddrinfo under a deadline. getaddrinfo blocks and cannot be cancelled, so it runs on its
/// own thread; past the deadline its answer is ignored (and reported as a timeout).
public enum PlatformAddressResolver {
    public static func resolve(_ host: String, deadline: ProbeDeadline) async -> PlatformResolution {
        if let literal = ResolvedAddress(literal: host) {
            return PlatformResolution(host: host, addresses: [literal], error: nil, errorClass: nil, durationSeconds: 0)
        }
        let start = ContinuousClock.now
        let answer = await withDeadline(deadline) {
            await withCheckedContinuation { (continuation: CheckedContinuation<PlatformResolution, Never>) in
                Thread.detachNewThread { continuation.resume(returning: lookup(host, start: start)) }
            }
        }
        return answer ?? PlatformResolution(host: host, addresses: [], error: "no answer before the deadline",
                                            errorClass: "timeout", durationSeconds: seconds(since: start))
    }

    static func lookup(_ host: String, start: ContinuousClock.Instant) -> PlatformResolution {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else {
            let message = String(cString: gai_strerror(status))
            return PlatformResolution(host: host, addresses: [], error: message, errorClass: errorClass(status),
                                      durationSeconds: seconds(since: start))
        }
        var addresses: [ResolvedAddress] = []
        var cursor = list
        while let entry = cursor {
            if let address = entry.pointee.ai_addr, let resolved = format(address), !addresses.contains(resolved) {
                addresses.append(resolved)
            }
            cursor = entry.pointee.ai_next
        }
        return PlatformResolution(host: host, addresses: addresses, error: nil, errorClass: nil, durationSeconds: seconds(since: start))
    }

    static func format(_ address: UnsafeMutablePointer<sockaddr>) -> ResolvedAddress? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                var raw = pointer.pointee.sin_addr
                guard inet_ntop(AF_INET, &raw, &buffer, socklen_t(buffer.count)) != nil else { return nil }
                return ResolvedAddress(ip: text(buffer), family: .ipv4)
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                var raw = pointer.pointee.sin6_addr
                guard inet_ntop(AF_INET6, &raw, &buffer, socklen_t(buffer.count)) != nil else { return nil }
                return ResolvedAddress(ip: text(buffer), family: .ipv6)
            }
        default:
            return nil
        }
    }

    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func errorClass(_ status: Int32) -> String {
        switch status {
        case EAI_NONAME: return "nxdomain"
        case EAI_AGAIN: return "temporary"
        case EAI_FAIL: return "failure"
        default:
            // EAI_NODATA (glibc -5) is hidden behind _GNU_SOURCE in the Swift overlay.
            #if canImport(Glibc)
            if status == -5 { return "no-data" }
            #endif
            return "other"
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
