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
    /// Look the name up as a dial does: an address is taken as it is (no server is asked,
    /// as getaddrinfo and Go's resolver do not), and resolv.conf's servers are judged silent
    /// early (`NameserverSilence`) instead of waited out. `dig` leaves it off: it asks for
    /// whatever name it is given and shows what the servers say, however slow.
    public var asDial = false
    /// Where a silence judgement is posted for the run's other lookups.
    public var silentPeers: SilentPeerBoard?

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

    /// resolv.conf as parsed (nil and the read error when it could not be read).
    func readConf() -> (conf: ResolvConf?, readError: String?) {
        do {
            return (ResolvConf.parse(try String(contentsOfFile: path, encoding: .utf8)), nil)
        } catch {
            return (ResolvConf.parse(""), "\(error.localizedDescription)")
        }
    }

    public func run(_ name: String, deadline: ProbeDeadline) async -> ProbeResult<SystemResolverEvidence> {
        guard asDial else { return await runFully(name, deadline: deadline) }
        let start = ContinuousClock.now
        let (conf, readError) = readConf()
        if let literal = ResolvedAddress(literal: name) {
            let platform = PlatformResolution(host: name, addresses: [literal], error: nil, errorClass: nil, durationSeconds: 0)
            return ProbeResult(target: name, outcome: .ok,
                               evidence: SystemResolverEvidence(path: path, readError: readError, resolvConf: conf, candidates: [],
                                                                queries: [], platform: platform),
                               durationSeconds: DNSClient.seconds(since: start))
        }
        let resolv = conf ?? ResolvConf.parse("")
        let servers = resolv.nameservers.compactMap { DNSServerAddress(parsing: $0) }
        enum First: Sendable { case full(ProbeResult<SystemResolverEvidence>), silent }
        let first: First? = await withTaskGroup(of: First?.self) { group -> First? in
            group.addTask { .full(await runFully(name, deadline: deadline, read: (conf, readError))) }
            group.addTask { await NameserverSilence.allSilent(servers, deadline: deadline) ? .silent : nil }
            for await first in group {
                guard let first else { continue }
                group.cancelAll()
                return first
            }
            return nil
        }
        if case .full(let result)? = first { return result }
        // Every server silent: what getaddrinfo and the real queries would end with, now.
        let seconds = DNSClient.seconds(since: start)
        for server in servers { silentPeers?.judgeSilent(NameserverSilence.boardKey(server), afterSeconds: seconds) }
        let candidates = resolv.candidates(for: name)
        let detail = "no response to the query or to \(NameserverSilence.questions) non-recursive questions "
            + "in \(PhaseClock.formatSeconds(seconds)): judged silent"
        let queries = servers.flatMap { server in
            types.map { type in
                var query = DNSQueryEvidence(server: server.description, name: candidates.first ?? name, type: type.description)
                query.attempts = [DNSAttempt(transport: "udp", result: "timeout", detail: detail, durationSeconds: seconds, ignored: [])]
                return query
            }
        }
        let platform = PlatformResolution(host: name, addresses: [], error: "no answer: every nameserver was judged silent",
                                          errorClass: "timeout", durationSeconds: seconds)
        let evidence = SystemResolverEvidence(path: path, readError: readError, resolvConf: conf, candidates: candidates,
                                              queries: queries, platform: platform)
        return ProbeResult(target: name, outcome: .failed(FailureClass("timeout", "getaddrinfo \(name): \(platform.error ?? "")")),
                           evidence: evidence, durationSeconds: seconds)
    }

    /// Every server asked and getaddrinfo waited for, to the deadline if need be.
    /// - Parameter read: resolv.conf as the caller already read it (`readConf`); nil: read it here.
    func runFully(_ name: String, deadline: ProbeDeadline,
                  read: (conf: ResolvConf?, readError: String?)? = nil) async -> ProbeResult<SystemResolverEvidence> {
        let start = ContinuousClock.now
        async let platform = PlatformAddressResolver.resolve(name, deadline: deadline)
        let (conf, readError) = read ?? readConf()
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
