import Foundation
import Testing
@testable import NetProbes

struct TraceCodecTests {
    @Test func hopStatisticsAsMtrComputesThem() {
        let stats = HopStatistics(sent: 5, rttsMs: [10, 12, 14, 16])
        #expect(stats.received == 4)
        #expect(stats.lossPercent == 20)
        #expect(stats.lastMs == 16)
        #expect(stats.avgMs == 13)
        #expect(stats.bestMs == 10)
        #expect(stats.worstMs == 16)
        #expect(abs((stats.stdevMs ?? 0) - (20.0 / 3).squareRoot()) < 1e-9)   // sample deviation, n − 1
        let silent = HopStatistics(sent: 3, rttsMs: [])
        #expect(silent.lossPercent == 100 && silent.avgMs == nil && silent.stdevMs == nil)
        #expect(HopStatistics(sent: 1, rttsMs: [3]).stdevMs == 0)
        #expect(HopStatistics(sent: 0, rttsMs: []).lossPercent == 0)
    }

    @Test func icmpCodesCarryTracerouteMarks() {
        func answer(_ v6: Bool, _ type: Int, _ code: Int) -> TraceAnswer? {
            TraceICMPCodes.answer(ipv6: v6, type: type, code: code, from: "x")
        }
        #expect(answer(false, 11, 0)?.kind == .timeExceeded)
        #expect(answer(false, 0, 0)?.kind == .echoReply)
        #expect(answer(false, 3, 3)?.kind == .portUnreachable)
        #expect(answer(false, 3, 3)?.annotation == nil)
        #expect([0, 1, 2, 4, 5, 9, 10, 13, 14, 15, 99].map { answer(false, 3, $0)?.annotation ?? "" }
                == ["!N", "!H", "!P", "!F", "!S", "!X", "!X", "!X", "!V", "!C", "!<99>"])
        #expect(answer(true, 3, 0)?.kind == .timeExceeded)
        #expect(answer(true, 129, 0)?.kind == .echoReply)
        #expect(answer(true, 1, 4)?.kind == .portUnreachable)
        #expect([0, 1, 2, 3, 5, 6, 7].map { answer(true, 1, $0)?.annotation ?? "" } == ["!N", "!X", "!S", "!H", "!X", "!X", "!<7>"])
        #expect(answer(false, 5, 0) == nil)
        #expect(answer(true, 135, 0) == nil)   // neighbour solicitation
        #expect(answer(false, 11, 0)?.endsPath == false)
        #expect(answer(false, 3, 1)?.endsPath == true)
    }

    @Test func echoRequestChecksumVerifies() {
        let packet = TraceICMPPacket.echoRequest(ipv6: false, identifier: 0x1234, sequence: 7, payloadSize: 31)
        #expect(packet.count == 39)
        #expect(Array(packet[0..<2]) == [8, 0])
        #expect(Array(packet[4..<8]) == [0x12, 0x34, 0, 7])
        #expect(TraceICMPPacket.checksum(packet) == 0)   // a correct checksum sums to zero
        #expect(TraceICMPPacket.echoRequest(ipv6: true, identifier: 1, sequence: 2)[0] == 128)
        // RFC 1071's example.
        #expect(TraceICMPPacket.checksum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]) == ~UInt16(0xddf2))
    }

    func ipv4Header(protocol proto: UInt8, length: Int) -> [UInt8] {
        [0x45, 0, UInt8(length >> 8), UInt8(length & 0xff), 0, 0, 0, 0, 64, proto, 0, 0, 10, 77, 1, 2, 10, 77, 1, 1]
    }

    @Test func decodesEchoRepliesAndQuotedRequestsForOurIdentifierOnly() {
        let request = TraceICMPPacket.echoRequest(ipv6: false, identifier: 0xbeef, sequence: 42, payloadSize: 8)
        var reply = request
        reply[0] = 0
        let echo = ipv4Header(protocol: 1, length: 20 + reply.count) + reply
        #expect(TraceICMPPacket.decode(echo, ipv6: false, identifier: 0xbeef) == .init(type: 0, code: 0, sequence: 42))
        #expect(TraceICMPPacket.decode(echo, ipv6: false, identifier: 0xbeee) == nil)

        let quoted = ipv4Header(protocol: 1, length: 20 + request.count) + request
        let timeExceeded = ipv4Header(protocol: 1, length: 48) + [11, 0, 0, 0, 0, 0, 0, 0] + quoted
        #expect(TraceICMPPacket.decode(timeExceeded, ipv6: false, identifier: 0xbeef) == .init(type: 11, code: 0, sequence: 42))
        // A quote of a UDP packet, or one cut short, is not ours.
        let udpQuote = ipv4Header(protocol: 1, length: 48) + [11, 0, 0, 0, 0, 0, 0, 0] + ipv4Header(protocol: 17, length: 28) + Array(request[0..<8])
        #expect(TraceICMPPacket.decode(udpQuote, ipv6: false, identifier: 0xbeef) == nil)
        #expect(TraceICMPPacket.decode(Array(timeExceeded[0..<40]), ipv6: false, identifier: 0xbeef) == nil)
        #expect(TraceICMPPacket.decode([], ipv6: false, identifier: 0xbeef) == nil)

        let request6 = TraceICMPPacket.echoRequest(ipv6: true, identifier: 0xbeef, sequence: 3, payloadSize: 8)
        var header6 = [UInt8](repeating: 0, count: 40)
        header6[0] = 0x60
        header6[6] = 58
        let unreachable6 = [1, 4, 0, 0, 0, 0, 0, 0] + header6 + request6
        #expect(TraceICMPPacket.decode(unreachable6, ipv6: true, identifier: 0xbeef) == .init(type: 1, code: 4, sequence: 3))
        var reply6 = request6
        reply6[0] = 129
        #expect(TraceICMPPacket.decode(reply6, ipv6: true, identifier: 0xbeef)?.sequence == 3)
    }

    #if canImport(Glibc)
    @Test func errorQueueControlMessageGivesTypeCodeAndOffender() {
        // cmsghdr(len 48, SOL_IP, IP_RECVERR) + sock_extended_err(EHOSTUNREACH, origin ICMP, type 11, code 0)
        // + offender sockaddr_in 10.77.2.2 (CMSG_LEN(16 + 16) = 48).
        var control: [UInt8] = []
        control += withUnsafeBytes(of: UInt64(48).littleEndian, Array.init)
        control += withUnsafeBytes(of: Int32(0).littleEndian, Array.init)
        control += withUnsafeBytes(of: Int32(11).littleEndian, Array.init)
        control += withUnsafeBytes(of: UInt32(113).littleEndian, Array.init) + [2, 11, 0, 0] + [UInt8](repeating: 0, count: 8)
        control += [2, 0, 0, 0, 10, 77, 2, 2] + [UInt8](repeating: 0, count: 8)
        let queued = TraceQueuedError(control: SocketControlMessages(parsing: control), destinationPort: 33437)
        #expect(queued?.answer == TraceAnswer(kind: .timeExceeded, from: "10.77.2.2", icmpType: 11, icmpCode: 0))
        #expect(queued?.destinationPort == 33437)
        // A truncated control buffer yields nothing.
        let short = Array(control[0..<30])
        #expect(TraceQueuedError(control: SocketControlMessages(parsing: short), destinationPort: nil) == nil)
    }
    #endif

    @Test func outcomesTellRejectFromDropFromNothing() {
        let config = TraceConfiguration(maxTTL: 8)
        func hop(_ ttl: Int, _ ip: String?) -> TraceHop {
            TraceHop(ttl: ttl, responders: ip.map { [.init(ip: $0, answers: 1)] } ?? [],
                     statistics: HopStatistics(sent: 1, rttsMs: ip == nil ? [] : [1]), answerKinds: [], annotations: [])
        }
        var evidence = TraceEvidence(host: "h", address: "10.77.4.2", family: .ipv4, configuration: config, mechanism: "ip-recverr",
                                     hops: [hop(1, "10.77.1.2"), hop(2, "10.77.2.2")], silentAfterHop: 2)
        #expect(TraceProbe.outcome(evidence).failure?.code == "path-silent")
        #expect(TraceProbe.outcome(evidence).failure?.detail.contains("after hop 2 (10.77.2.2)") == true)
        evidence.endHop = 3
        evidence.silentAfterHop = nil
        evidence.lastAnswer = TraceAnswer(kind: .portUnreachable, from: "10.77.3.2", icmpType: 3, icmpCode: 3)
        #expect(TraceProbe.outcome(evidence).failure?.code == "rejected")
        evidence.lastAnswer = TraceAnswer(kind: .unreachable, from: "10.77.3.2", icmpType: 3, icmpCode: 13, annotation: "!X")
        #expect(TraceProbe.outcome(evidence).failure?.detail.contains("!X") == true)
        evidence.reachedDestination = true
        #expect(TraceProbe.outcome(evidence) == .ok)
        let empty = TraceEvidence(host: "h", address: "10.77.4.2", family: .ipv4, configuration: config, mechanism: "raw-socket",
                                  silentAfterHop: 0)
        #expect(TraceProbe.outcome(empty).failure?.code == "no-answer")
        #expect(TraceProbe.outcome(empty, permissionDenied: true).failure?.code == "permission")
        // Nothing answered: still valid JSON, and it decodes back to the same evidence.
        let data = try? JSONEncoder().encode(ProbeResult(target: "h", outcome: TraceProbe.outcome(empty), evidence: empty, durationSeconds: 1))
        #expect(data.flatMap { try? JSONDecoder().decode(ProbeResult<TraceEvidence>.self, from: $0) }?.evidence == empty)
    }
}
