/// ICMP type/code → what it means for a trace, with traceroute's marks (!H, !N, !P, …).
/// The table follows traceroute 2.1's `parse_icmp_res` so our marks equal its output.
public enum TraceICMPCodes {
    /// The answer an ICMP error (or echo reply) stands for, or nil when it is not one a trace uses.
    public static func answer(ipv6: Bool, type: Int, code: Int, from: String) -> TraceAnswer? {
        ipv6 ? answerV6(type: type, code: code, from: from) : answerV4(type: type, code: code, from: from)
    }

    static func answerV4(type: Int, code: Int, from: String) -> TraceAnswer? {
        switch type {
        case 0:
            return TraceAnswer(kind: .echoReply, from: from, icmpType: type, icmpCode: code)
        case 11:
            return TraceAnswer(kind: .timeExceeded, from: from, icmpType: type, icmpCode: code)
        case 3 where code == 3:
            return TraceAnswer(kind: .portUnreachable, from: from, icmpType: type, icmpCode: code)
        case 3:
            return TraceAnswer(kind: .unreachable, from: from, icmpType: type, icmpCode: code,
                               annotation: annotationV4(code: code))
        default:
            return nil
        }
    }

    static func answerV6(type: Int, code: Int, from: String) -> TraceAnswer? {
        switch type {
        case 129:
            return TraceAnswer(kind: .echoReply, from: from, icmpType: type, icmpCode: code)
        case 3:
            return TraceAnswer(kind: .timeExceeded, from: from, icmpType: type, icmpCode: code)
        case 1 where code == 4:
            return TraceAnswer(kind: .portUnreachable, from: from, icmpType: type, icmpCode: code)
        case 1:
            return TraceAnswer(kind: .unreachable, from: from, icmpType: type, icmpCode: code,
                               annotation: annotationV6(code: code))
        default:
            return nil
        }
    }

    /// ICMPv4 destination unreachable codes (RFC 792, RFC 1812).
    static func annotationV4(code: Int) -> String {
        switch code {
        case 0, 6, 8, 11: "!N"      // net unreachable, net unknown, source isolated, TOS net
        case 1, 7, 12: "!H"         // host unreachable, host unknown, TOS host
        case 2: "!P"                // protocol unreachable
        case 4: "!F"                // fragmentation needed
        case 5: "!S"                // source route failed
        case 9, 10, 13: "!X"        // net / host / communication administratively prohibited
        case 14: "!V"               // host precedence violation
        case 15: "!C"               // precedence cutoff
        default: "!<\(code)>"
        }
    }

    /// ICMPv6 destination unreachable codes (RFC 4443).
    static func annotationV6(code: Int) -> String {
        switch code {
        case 0: "!N"                // no route
        case 1, 5, 6: "!X"          // administratively prohibited, policy, reject route
        case 2: "!S"                // beyond scope of source address
        case 3: "!H"                // address unreachable
        default: "!<\(code)>"
        }
    }
}
