import Foundation

/// What the system resolver sees for a name: resolv.conf as parsed, each of its servers asked
/// by our own client (walking the search list like Go's resolver), and getaddrinfo side by
/// side — the go command resolves with either, depending on cgo and resolv.conf.
public struct SystemResolverEvidence: Sendable, Codable, Equatable {
    public var path: String
    public var readError: String?
    public var resolvConf: ResolvConf?
    /// The absolute names tried, in order.
    public var candidates: [String]
    public var queries: [DNSQueryEvidence]
    public var platform: PlatformResolution
}

public struct SystemResolverView: Sendable {
    public var path: String
    public var types: [DNSRecordType]

    public init(path: String = "/etc/resolv.conf", types: [DNSRecordType] = [.a, .aaaa]) {
        self.path = path
        self.types = types
    }

    public func run(_ name: String, deadline: ProbeDeadline) async -> ProbeResult<SystemResolverEvidence> {
        let start = ContinuousClock.now
        async let platform = PlatformAddressResolver.resolve(name, deadline: deadline)
        var readError: String?
        var conf: ResolvConf?
        do {
            conf = ResolvConf.parse(try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            readError = "\(error.localizedDescription)"
            conf = ResolvConf.parse("")
        }
        let resolv = conf ?? ResolvConf.parse("")
        let candidates = resolv.candidates(for: name)
        let options = DNSQueryOptions(resolvConf: resolv)
        let types = self.types
        var queries: [DNSQueryEvidence] = []
        await withTaskGroup(of: (Int, [DNSQueryEvidence]).self) { group in
            for (index, server) in resolv.nameservers.enumerated() {
                guard let address = DNSServerAddress(parsing: server) else { continue }
                group.addTask {
                    var asked: [DNSQueryEvidence] = []
                    for candidate in candidates {
                        guard let dnsName = try? DNSName(parsing: candidate) else { continue }
                        var answered = false
                        for type in types {
                            let result = await DNSClient().query(DNSQuestion(name: dnsName, type: type), server: address,
                                                                 options: options, deadline: deadline)
                            asked.append(result.evidence)
                            answered = answered || (result.evidence.rcode == "NOERROR" && !result.evidence.answers.isEmpty)
                        }
                        if answered { break }
                    }
                    return (index, asked)
                }
            }
            var ordered: [(Int, [DNSQueryEvidence])] = []
            for await item in group { ordered.append(item) }
            queries = ordered.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        let evidence = SystemResolverEvidence(path: path, readError: readError, resolvConf: conf, candidates: candidates,
                                              queries: queries, platform: await platform)
        let outcome: ProbeOutcome
        if evidence.platform.addresses.isEmpty {
            outcome = .failed(FailureClass(evidence.platform.errorClass ?? "failure",
                                           "getaddrinfo \(name): \(evidence.platform.error ?? "no addresses")"))
        } else {
            outcome = .ok
        }
        return ProbeResult(target: name, outcome: outcome, evidence: evidence, durationSeconds: DNSClient.seconds(since: start))
    }
}
