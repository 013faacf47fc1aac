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
        await admitted(url) { await base.get(url, maxBodyBytes: maxBodyBytes, insecure: insecure, deadline: deadline) }
    }

    public func download(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse {
        await admitted(url) { await base.download(url, maxBodyBytes: maxBodyBytes, insecure: insecure, deadline: deadline) }
    }

    /// Runs `request` once the host has a free slot. A request whose task was cancelled while
    /// it waited (a module's speculative walk that an earlier failure made moot) is not sent.
    private func admitted(_ url: String, _ request: () async -> TransportResponse) async -> TransportResponse {
        let host = URL(string: url)?.host ?? url
        await gate.acquire(host)
        let response = Task.isCancelled
            ? TransportResponse(url: url, status: nil,
                                failure: FetchFailure(layer: .http, failureClass: "cancelled", message: "request cancelled before it was sent"))
            : await request()
        await gate.release(host)
        return response
    }
}
