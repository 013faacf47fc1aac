import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reverse DNS for hop addresses (getnameinfo with NI_NAMEREQD, the platform resolver a
/// user's traceroute uses). Each lookup runs on its own thread because getnameinfo blocks and
/// cannot be cancelled; past the deadline the answers are ignored.
public enum TraceNameResolver {
    public static func names(for addresses: [String], deadline: ProbeDeadline) async -> [String: String] {
        await withTaskGroup(of: (String, String?).self) { group in
            for address in Set(addresses) {
                group.addTask {
                    let name = await withDeadline(deadline) {
                        await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
                            Thread.detachNewThread { continuation.resume(returning: lookup(address)) }
                        }
                    }
                    return (address, name ?? nil)
                }
            }
            var names: [String: String] = [:]
            for await (address, name) in group {
                if let name { names[address] = name }
            }
            return names
        }
    }

    static func lookup(_ ip: String) -> String? {
        #if canImport(Glibc)
        guard var address = TraceSocketAddress(ip: ip, port: 0) else { return nil }
        var host = [CChar](repeating: 0, count: 1025)
        let status = address.withSockaddr { pointer, length in
            getnameinfo(pointer, length, &host, socklen_t(host.count), nil, 0, NI_NAMEREQD)
        }
        guard status == 0 else { return nil }
        return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return nil
        #endif
    }
}
