import Foundation

/// Looks a name up the way the go command's pure-Go resolver does (net/dnsclient_unix.go
/// goLookupIPCNAMEOrder, tryOneName): resolv.conf's servers in order, `attempts` rounds of
/// one try per server with `timeout` each, A and AAAA side by side, the search list in
/// nameList order — so the server and the error it reports are the go command's.
///
/// Meant for failure paths only (getaddrinfo already failed): it tells SERVFAIL, NXDOMAIN,
/// no address and timeout apart where getaddrinfo says "Temporary failure in name
/// resolution" for several of them. `options rotate` is not imitated: Go starts each lookup
/// at a process-wide counter, which no outside observer can know; the first server is used.
public struct GoResolverLookup: Sendable {
    public struct Result: Sendable, Equatable {
        /// nil when nothing was asked (the deadline had passed, or no usable server).
        public var outcome: GoResolverRules.LookupOutcome?
        /// Every question asked, in order.
        public var queries: [DNSQueryEvidence]
    }

    public var resolvConfPath: String

    public init(resolvConfPath: String = "/etc/resolv.conf") {
        self.resolvConfPath = resolvConfPath
    }

    public func run(_ name: String, deadline: ProbeDeadline) async -> Result {
        // net/dnsconfig_unix.go dnsReadConfig: an unreadable file means the default servers.
        let text = (try? String(contentsOfFile: resolvConfPath, encoding: .utf8)) ?? ""
        return await Self.run(name, conf: ResolvConf.parse(text), deadline: deadline)
    }

    /// - Parameter servers: the servers to ask instead of resolv.conf's (tests: a scripted
    ///   server on a loopback port, where resolv.conf can only name port 53).
    public static func run(_ name: String, conf: ResolvConf, servers: [DNSServerAddress]? = nil,
                           deadline: ProbeDeadline) async -> Result {
        let servers = servers ?? conf.nameservers.compactMap { DNSServerAddress(parsing: $0) }
        // dnsmessage's builder always adds an OPT record with maxDNSPacketSize (1232).
        let options = DNSQueryOptions(timeoutPerAttempt: .seconds(conf.timeoutSeconds), attempts: 1, tcpOnly: conf.useTCP,
                                      ednsPayloadSize: 1232)
        var candidates: [(fqdn: String, outcomes: [GoResolverRules.NameOutcome])] = []
        var queries: [DNSQueryEvidence] = []
        for fqdn in conf.candidates(for: name) {
            guard !deadline.hasPassed, !Task.isCancelled, let dnsName = try? DNSName(parsing: fqdn) else { break }
            async let a = tryOneName(dnsName, fqdn: fqdn, type: .a, servers: servers, attempts: conf.attempts,
                                     options: options, deadline: deadline)
            async let aaaa = tryOneName(dnsName, fqdn: fqdn, type: .aaaa, servers: servers, attempts: conf.attempts,
                                        options: options, deadline: deadline)
            let results = await [a, aaaa]
            queries += results.flatMap(\.queries)
            let outcomes = results.compactMap(\.outcome)
            candidates.append((fqdn, outcomes))
            if outcomes.contains(where: { if case .addresses = $0 { return true } else { return false } }) { break }
        }
        return Result(outcome: GoResolverRules.lookup(name: name, candidates: candidates), queries: queries)
    }

    /// tryOneName: `attempts` rounds over the servers, stopping at the first answer or
    /// definitive not-found.
    static func tryOneName(_ name: DNSName, fqdn: String, type: DNSRecordType, servers: [DNSServerAddress], attempts: Int,
                           options: DNSQueryOptions, deadline: ProbeDeadline)
        async -> (outcome: GoResolverRules.NameOutcome?, queries: [DNSQueryEvidence]) {
        var replies: [GoDNSReply] = []
        var queries: [DNSQueryEvidence] = []
        rounds: for _ in 0..<max(1, attempts) {
            for server in servers {
                guard !deadline.hasPassed, !Task.isCancelled else { break rounds }
                let result = await DNSClient().query(DNSQuestion(name: name, type: type), server: server, options: options,
                                                     deadline: deadline)
                queries.append(result.evidence)
                let reply = GoDNSReply(result.evidence)
                replies.append(reply)
                if case .next = GoResolverRules.judge(reply, name: fqdn) { continue }
                break rounds
            }
        }
        return (GoResolverRules.tryOneName(replies, name: fqdn), queries)
    }
}
