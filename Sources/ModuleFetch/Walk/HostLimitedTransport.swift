import Foundation
import NetProbes

/// Admits at most `limit` requests at once per host; later ones wait their turn in order.
actor HostGate {
    let limit: Int
    var active: [String: Int] = [:]
    var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func acquire(_ host: String) async {
        if active[host, default: 0] < limit {
            active[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        } else {
            active[host, default: 1] -= 1
        }
    }
}

/// A transport that keeps at most `perHost` requests in flight to any one host, so a
/// fetch of many modules does not hammer one proxy.
public struct HostLimitedTransport: ModuleTransport {
    public var base: any ModuleTransport
    let gate: HostGate

    public init(base: any ModuleTransport, perHost: Int) {
        self.base = base
        self.gate = HostGate(limit: perHost)
    }

    public func get(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse {
        let host = URL(string: url)?.host ?? url
        await gate.acquire(host)
        let response = await base.get(url, maxBodyBytes: maxBodyBytes, insecure: insecure, deadline: deadline)
        await gate.release(host)
        return response
    }

    public func download(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse {
        let host = URL(string: url)?.host ?? url
        await gate.acquire(host)
        let response = await base.download(url, maxBodyBytes: maxBodyBytes, insecure: insecure, deadline: deadline)
        await gate.release(host)
        return response
    }
}
