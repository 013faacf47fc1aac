/// The decisions of Go's pure-Go resolver over answers already received, pure so they are
/// unit-tested from decoded replies: net/dnsclient_unix.go checkHeader + skipToAnswer (one
/// reply), tryOneName (the servers of resolv.conf for one name and type), and
/// goLookupIPCNAMEOrder (the search list and both address types). Go 1.19 and 1.27 agree on
/// everything here except the lame-referral test (1.27 also requires an empty additional
/// section; the stricter 1.27 test is used).
public enum GoResolverRules {
    /// Where one reply leaves tryOneName.
    public enum Step: Sendable, Equatable {
        /// A record of the asked type: this server's answer is the lookup's.
        case answered([String])
        /// NXDOMAIN or no record of the type: "trying another server won't help".
        case stop(GoDNSError)
        /// This server failed; Go asks the next one, and reports this error if it was the last.
        case next(GoDNSError)
    }

    /// The end of tryOneName for one name and type.
    public enum NameOutcome: Sendable, Equatable {
        case addresses([String], server: String)
        case failed(GoDNSError)
    }

    /// The end of a whole lookup (every search candidate, A and AAAA).
    public enum LookupOutcome: Sendable, Equatable {
        case addresses([String])
        case failed(GoDNSError)

        public var error: GoDNSError? {
            if case .failed(let error) = self { return error }
            return nil
        }
    }

    /// checkHeader, then skipToAnswer, for one reply to a question about `name`.
    public static func judge(_ reply: GoDNSReply, name: String) -> Step {
        func error(_ kind: GoDNSError.Kind, _ err: String) -> GoDNSError {
            GoDNSError(kind: kind, name: name, server: reply.server, rcode: reply.rcode, err: err)
        }
        guard let rcode = reply.rcode else {
            switch reply.noReply {
            case "unreachable": return .next(error(.unreachable, "read udp \(reply.server): \(goSyscallText(reply.detail))"))
            case "malformed": return .next(error(.malformed, "cannot unmarshal DNS message"))
            case "error": return .next(error(.socket, reply.detail ?? "socket error"))
            // Go names its own socket too (`read udp 10.0.0.2:41234->10.0.0.53:53`); that
            // address and port belong to the go command's process, not ours.
            default: return .next(error(.timeout, "read udp \(reply.server): i/o timeout"))
            }
        }
        switch rcode {
        case "NXDOMAIN":
            return .stop(error(.nxdomain, "no such host"))
        case "NOERROR":
            // golang.org/issue/15434: libresolv moves on after an invalid referral.
            if !reply.authoritative, !reply.recursionAvailable, reply.answerSectionEmpty, !reply.hasAdditional {
                return .next(error(.lameReferral, "lame referral"))
            }
            return reply.hasAnswerOfType ? .answered(reply.addresses) : .stop(error(.noAddress, "no such host"))
        case "SERVFAIL":
            return .next(error(.servfail, "server misbehaving"))
        case "REFUSED":
            return .next(error(.refused, "server misbehaving"))
        default:
            return .next(error(.otherRcode, "server misbehaving"))
        }
    }

    /// Our socket's "recv: connection refused" in Go's syscall words ("read: connection
    /// refused": the ICMP error surfaces on the read of a connected UDP socket).
    static func goSyscallText(_ detail: String?) -> String {
        guard let detail else { return "read: connection refused" }
        for (ours, go) in [("recv: ", "read: "), ("send: ", "write: ")] where detail.hasPrefix(ours) {
            return go + detail.dropFirst(ours.count)
        }
        return detail
    }

    /// tryOneName over the replies in the order Go asked (attempts × servers): the first
    /// answer or definitive not-found wins, else the last failure is the error. nil when no
    /// server was asked.
    public static func tryOneName(_ replies: [GoDNSReply], name: String) -> NameOutcome? {
        var last: GoDNSError?
        for reply in replies {
            switch judge(reply, name: name) {
            case .answered(let addresses): return .addresses(addresses, server: reply.server)
            case .stop(let error): return .failed(error)
            case .next(let error): last = error
            }
        }
        return last.map(NameOutcome.failed)
    }

    /// goLookupIPCNAMEOrder: the candidates in nameList order, each with its per-type
    /// outcomes (A, then AAAA); the first candidate with any address ends the lookup. The
    /// error kept is the first one, unless the original name's own comes later ("prefer error
    /// for original name"), and it names the original name. nil when nothing was asked.
    public static func lookup(name: String, candidates: [(fqdn: String, outcomes: [NameOutcome])]) -> LookupOutcome? {
        var lastError: GoDNSError?
        for candidate in candidates {
            var addresses: [String] = []
            for outcome in candidate.outcomes {
                switch outcome {
                case .addresses(let found, _): addresses += found
                case .failed(let error):
                    if lastError == nil || candidate.fqdn == name + "." { lastError = error }
                }
            }
            if !addresses.isEmpty { return .addresses(addresses) }
        }
        guard var error = lastError else { return nil }
        error.name = name
        return .failed(error)
    }
}
