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

    /// One query per type to one server: all at once when `together`, else one after another.
    static func ask(_ types: [DNSRecordType], name: DNSName, server: DNSServerAddress, options: DNSQueryOptions,
                    together: Bool, deadline: ProbeDeadline) async -> [DNSQueryEvidence] {
        guard together, types.count > 1 else {
            var asked: [DNSQueryEvidence] = []
            for type in types {
                asked.append(await DNSClient().query(DNSQuestion(name: name, type: type), server: server, options: options, deadline: deadline).evidence)
            }
            return asked
        }
        return await withTaskGroup(of: (Int, DNSQueryEvidence).self) { group in
            for (index, type) in types.enumerated() {
                group.addTask {
                    (index, await DNSClient().query(DNSQuestion(name: name, type: type), server: server, options: options, deadline: deadline).evidence)
                }
            }
            var answers: [(Int, DNSQueryEvidence)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
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
        let singleRequest = resolv.singleRequest
        var queries: [DNSQueryEvidence] = []
        await withTaskGroup(of: (Int, [DNSQueryEvidence]).self) { group in
            for (index, server) in resolv.nameservers.enumerated() {
                guard let address = DNSServerAddress(parsing: server) else { continue }
                group.addTask {
                    var asked: [DNSQueryEvidence] = []
                    for candidate in candidates {
                        guard let dnsName = try? DNSName(parsing: candidate) else { continue }
                        // The types are asked at once, as the go command's resolver and glibc ask A and
                        // AAAA, unless resolv.conf says single-request; evidence stays in type order.
                        let results = await Self.ask(types, name: dnsName, server: address, options: options,
                                                     together: !singleRequest, deadline: deadline)
                        asked += results
                        if results.contains(where: { $0.rcode == "NOERROR" && !$0.answers.isEmpty }) { break }
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
