import ArgumentParser
import Doctor
import Foundation
import NetProbes
import Report

/// `gomod-doctor dig [@server] [-p port] name [type] [+short] [+tcp] [--json]`: one DNS query
/// with dig's syntax and dig's output; `--compare` asks resolv.conf's servers, `@server` and
/// the public set (or `--resolver` IPs instead) side by side and flags disagreement.
/// Exit status as dig's: 0 when a server answered (whatever the RCODE), 9 when none did,
/// 1 for usage errors; with --compare 1 also when poisoning is suspected.
struct DigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dig",
        abstract: "Ask a DNS server like dig does, or compare several resolvers (--compare).",
        discussion: "Examples: dig proxy.golang.org · dig @10.0.0.1 -p 5353 goproxy.cn AAAA +short · dig --compare sum.golang.org"
    )

    @Flag(name: .long, help: "Ask the system's resolvers, @server and the public set, and flag differences.")
    var compare = false

    @Flag(name: .long, help: "Show the system resolver's view: resolv.conf, its servers asked along the search list, and getaddrinfo.")
    var system = false

    @Option(name: .long, help: "A resolver IP for --compare (repeatable; replaces 8.8.8.8 114.114.114.114 223.5.5.5 1.1.1.1).")
    var resolver: [String] = []

    @Option(name: .long, help: "resolv.conf to read (default /etc/resolv.conf).")
    var resolvConf = "/etc/resolv.conf"

    @OptionGroup var output: OutputOptions

    @Argument(parsing: .allUnrecognized, help: "dig arguments: [@server] [-p port] [-t type] [-x addr] name [type] [+short] [+tcp] [+time=N] [+tries=N] [+noedns]")
    var digArguments: [String] = []

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let catalog = MessageCatalog(language: output.language(environment: environment))
        let request: DigRequest
        do {
            request = try DigRequest.parse(digArguments)
        } catch {
            TerminalOutput.error(catalog.text("ui.dig.usage-error", ["detail": error.description]) + "\n")
            throw ExitCode(1)
        }
        let conf = (try? String(contentsOfFile: resolvConf, encoding: .utf8)).map(ResolvConf.parse)
        if system {
            try await runSystemView(request, catalog: catalog)
        } else if compare {
            try await runComparison(request, conf: conf, catalog: catalog)
        } else {
            try await runQuery(request, conf: conf, catalog: catalog)
        }
    }

    func runQuery(_ request: DigRequest, conf: ResolvConf?, catalog: MessageCatalog) async throws {
        let serverText = request.server ?? conf?.nameservers.first ?? "127.0.0.1"
        guard let server = DNSServerAddress(parsing: serverText, defaultPort: request.port).map({
            DNSServerAddress(ip: $0.ip, port: request.port)
        }) else {
            TerminalOutput.error(catalog.text("ui.dig.usage-error", ["detail": "\(serverText): not an IP address"]) + "\n")
            throw ExitCode(1)
        }
        let name = try DNSName(parsing: request.queryName)
        let budget = Double(request.timeoutSeconds * (request.tries + 1)) + 1
        let result = await DNSClient().query(DNSQuestion(name: name, type: request.queryType), server: server,
                                             options: request.options, deadline: .after(seconds: budget))
        if output.json {
            TerminalOutput.json(try Self.json(result))
        } else if request.short {
            BoundedList.lines(result.evidence.answers.map(\.data), more: { catalog.text("ui.list.more-records", ["count": String($0)]) })
                .forEach { TerminalOutput.text($0) }
        } else {
            TerminalOutput.text(Self.digText(result, catalog: catalog))
        }
        if result.evidence.rcode == nil { throw ExitCode(9) }
    }

    func runComparison(_ request: DigRequest, conf: ResolvConf?, catalog: MessageCatalog) async throws {
        var configured: [DNSServerAddress] = []
        if let server = request.server {
            guard let address = DNSServerAddress(parsing: server) else { throw ValidationError("\(server): not an IP address") }
            configured.append(DNSServerAddress(ip: address.ip, port: request.port))
        }
        let publicTexts = resolver.isEmpty ? ResolverComparison.defaultPublicResolvers : resolver
        var publicSet: [DNSServerAddress] = []
        for text in publicTexts {
            guard let address = DNSServerAddress(parsing: text) else { throw ValidationError("--resolver \(text): not an IP address") }
            publicSet.append(address)
        }
        let specs = ResolverComparison.resolverSet(resolvConf: conf, configured: configured, publicResolvers: publicSet)
        let types: [DNSRecordType] = request.type.map { [$0] } ?? [.a, .aaaa]
        let comparison = ResolverComparison(
            resolvers: specs, types: types,
            options: DNSQueryOptions(timeoutPerAttempt: .seconds(min(request.timeoutSeconds, 2)), attempts: min(request.tries, 2),
                                     tcpOnly: request.tcp, ednsPayloadSize: request.ednsPayloadSize))
        let result = await comparison.run(request.queryName, deadline: .after(seconds: 10))
        if output.json {
            TerminalOutput.json(try Self.json(result))
        } else {
            TerminalOutput.text(Self.comparisonText(result.evidence, catalog: catalog))
        }
        if result.outcome.failure?.code == "dns-poisoning" { throw ExitCode(1) }
        if result.outcome.failure?.code == "unreachable" { throw ExitCode(9) }
    }

    func runSystemView(_ request: DigRequest, catalog: MessageCatalog) async throws {
        let types: [DNSRecordType] = request.type.map { [$0] } ?? [.a, .aaaa]
        let result = await SystemResolverView(path: resolvConf, types: types).run(request.queryName, deadline: .after(seconds: 30))
        if output.json {
            TerminalOutput.json(try Self.json(result))
            return
        }
        let evidence = result.evidence
        var lines = [catalog.text("ui.dig.system.title", ["name": request.queryName, "path": evidence.path])]
        if let error = evidence.readError { lines.append("  " + error) }
        lines.append("  " + catalog.text("ui.dig.system.candidates", ["names": evidence.candidates.joined(separator: " ")]))
        for query in evidence.queries {
            let status = query.rcode ?? (query.outcome.failure?.code ?? "")
            lines.append("  @\(query.server) \(query.name) \(query.type) \(status) \(Self.addressList(query.addresses, catalog: catalog))")
        }
        let platform = evidence.platform
        let seen = platform.addresses.isEmpty ? (platform.error ?? "") : Self.addressList(platform.addresses.map(\.ip), catalog: catalog)
        lines.append("  " + catalog.text("ui.dig.compare.platform") + ": " + seen)
        TerminalOutput.text(lines.joined(separator: "\n"))
    }

    /// Addresses on one line, cut with "… and N more" (BoundedList).
    static func addressList(_ addresses: [String], catalog: MessageCatalog) -> String {
        BoundedList.join(addresses) { catalog.text("ui.list.more", ["count": String($0)]) }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        return try CommandFormatting.json(value)
    }

    /// dig's layout: header, question, answer and authority sections, query time, server.
    static func digText(_ result: ProbeResult<DNSQueryEvidence>, catalog: MessageCatalog) -> String {
        let evidence = result.evidence
        let more = { (count: Int) in catalog.text("ui.list.more", ["count": String(count)]) }
        let moreRecords = { (count: Int) in catalog.text("ui.list.more-records", ["count": String(count)]) }
        var lines = ["; <<>> gomod-doctor dig <<>> \(evidence.name) \(evidence.type)"]
        guard let rcode = evidence.rcode else {
            if evidence.truncatedUDPAnswer != nil, let failure = result.outcome.failure {
                if evidence.retriedOverTCP { lines.append(";; " + catalog.text("ui.dig.retried-tcp")) }
                lines.append(";; " + catalog.text("ui.dig.truncated-tcp-failed", ["detail": failure.detail]))
                return lines.joined(separator: "\n")
            }
            let detail = evidence.attempts.last?.detail ?? "no response"
            lines.append(";; " + catalog.text("ui.dig.no-response", ["server": evidence.server, "detail": detail]))
            return lines.joined(separator: "\n")
        }
        lines.append(";; ->>HEADER<<- opcode: QUERY, status: \(rcode)")
        lines.append(";; flags: \(evidence.flags.joined(separator: " ")); QUERY: 1, ANSWER: \(evidence.answers.count), "
                     + "AUTHORITY: \(evidence.authority.count), ADDITIONAL: \(evidence.additional.count)")
        if evidence.retriedOverTCP { lines.append(";; " + catalog.text("ui.dig.retried-tcp")) }
        let ignored = evidence.attempts.flatMap(\.ignored)
        if !ignored.isEmpty {
            lines.append(";; " + catalog.text("ui.dig.ignored", ["count": "\(ignored.count)",
                                                                 "detail": BoundedList.join(ignored, separator: "; ", limit: 5, more: more)]))
        }
        lines += ["", ";; QUESTION SECTION:", ";\(evidence.name)\t\t\tIN\t\(evidence.type)"]
        for (title, records) in [("ANSWER", evidence.answers), ("AUTHORITY", evidence.authority), ("ADDITIONAL", evidence.additional)]
        where !records.isEmpty {
            // A flood of records is cut per section (JSON keeps them all).
            lines += ["", ";; \(title) SECTION:"]
                + BoundedList.lines(records.map { "\($0.name)\t\($0.ttl)\tIN\t\($0.type)\t\($0.data)" }, more: { ";; " + moreRecords($0) })
        }
        let milliseconds = Int(((evidence.queryTimeSeconds ?? 0) * 1000).rounded())
        lines += ["", ";; Query time: \(milliseconds) msec", ";; SERVER: \(evidence.server) (\(evidence.transport?.uppercased() ?? "UDP"))",
                  ";; MSG SIZE  rcvd: \(evidence.responseBytes ?? 0)"]
        return lines.joined(separator: "\n")
    }

    static func comparisonText(_ evidence: ResolverComparisonEvidence, catalog: MessageCatalog) -> String {
        var lines = [catalog.text("ui.dig.compare.title", ["name": evidence.name])]
        for answer in evidence.answers {
            let status = answer.rcode ?? (answer.outcome.failure?.code ?? catalog.text("ui.dig.compare.no-answer"))
            let time = answer.queryTimeSeconds.map { " \(Int(($0 * 1000).rounded())) ms" } ?? ""
            lines.append("  \(answer.resolver) (\(answer.role)) \(answer.type) \(status) \(Self.addressList(answer.addresses, catalog: catalog))\(time)")
        }
        if let platform = evidence.platform {
            let seen = platform.addresses.isEmpty ? (platform.error ?? "") : Self.addressList(platform.addresses.map(\.ip), catalog: catalog)
            lines.append("  " + catalog.text("ui.dig.compare.platform") + ": " + seen)
        }
        if evidence.answers.allSatisfy({ $0.rcode == nil }) {
            lines.append("! " + catalog.text("ui.dig.compare.none-answered"))
        } else if evidence.flags.isEmpty {
            lines.append(catalog.text("ui.dig.compare.agree"))
        }
        for flag in evidence.flags {
            lines.append("! " + catalog.text("ui.dig.flag.\(flag.code)", ["type": flag.type, "detail": flag.detail]))
        }
        return lines.joined(separator: "\n")
    }
}
