import Foundation
import Testing
@testable import NetProbes

/// /proc/net/tcp and tcp6 lines captured on this machine (Linux 6.18, x86-64) for known
/// sockets: a listener on 10.77.4.2:8443, a connection 10.77.4.2:51570 → :9000, a listener
/// on [fd77:0:0:4::2]:443, a dual-stack listener on [::]:9000 and its IPv4-mapped peer.
struct SocketTableParserTests {
    static let tcp = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 02044D0A:20FB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 759474 1 000000008e14fabf 100 0 0 10 0
           1: 02044D0A:C972 02044D0A:2328 01 00000000:00000000 00:00000000 00000000     0        0 759477 2 000000005aea594d 20 0 0 10 -1
           2: 0201A8C0:C8F2 02044D0A:01BB 02 00000000:00000001 01:00000064 00000002  1000        0 12345 2 0000000000000000 100 0 0 10 -1

        """
    static let tcp6 = """
          sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 000077FD040000000000000002000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 759473 1 00000000fc9b3227 100 0 0 10 0
           1: 00000000000000000000000000000000:2328 00000000000000000000000000000000:0000 0A 00000000:00000001 00:00000000 00000000     0        0 759476 2 00000000572642ce 100 0 0 10 0
           2: 0000000000000000FFFF000002044D0A:2328 0000000000000000FFFF000002044D0A:C972 01 00000000:00000000 00:00000000 00000000     0        0 0 1 0000000079619e8c 20 0 0 10 -1
        """

    @Test func ipv4LinesInLittleEndianWords() {
        let parsed = ProcNetTCPParser(hostIsLittleEndian: true).parse(Self.tcp, family: .ipv4)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.entries.map(\.local) == ["10.77.4.2:8443", "10.77.4.2:51570", "192.168.1.2:51442"])
        #expect(parsed.entries.map(\.remote) == ["0.0.0.0:0", "10.77.4.2:9000", "10.77.4.2:443"])
        #expect(parsed.entries.map(\.state) == [.listen, .established, .synSent])
        let synSent = parsed.entries[2]
        #expect(synSent == SocketTableEntry(
            family: .ipv4, localAddress: "192.168.1.2", localPort: 51442, remoteAddress: "10.77.4.2", remotePort: 443,
            state: .synSent, transmitQueue: 0, receiveQueue: 1, timer: .retransmit, timerTicks: 100, retransmits: 2,
            uid: 1000, probes: 0, inode: 12345))
    }

    @Test func ipv6LinesAreFourLittleEndianWords() {
        let parsed = ProcNetTCPParser(hostIsLittleEndian: true).parse(Self.tcp6, family: .ipv6)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.entries.map(\.local) == ["[fd77:0:0:4::2]:443", "[::]:9000", "[::ffff:10.77.4.2]:9000"])
        #expect(parsed.entries[0].localAddress == "fd77:0:0:4::2")
        #expect(parsed.entries[2].remote == "[::ffff:10.77.4.2]:51570")
        #expect(parsed.entries[1].receiveQueue == 1)
        #expect(parsed.entries[2].inode == 0)
    }

    @Test func bigEndianHostsPrintAddressesInNetworkOrder() {
        let line = "   0: 0A4D0402:01BB 00000000:0000 02 00000000:00000000 00:00000000 00000000     0        0 1 1"
        let parsed = ProcNetTCPParser(hostIsLittleEndian: false).parse(line, family: .ipv4)
        #expect(parsed.entries.first?.local == "10.77.4.2:443")
    }

    @Test func brokenLinesAreReportedNotSkippedSilently() {
        let text = Self.tcp + "   3: ZZZZ:01BB 00000000:0000 02\n   4: 0100007F:0050 00000000:0000 0D 0:0 0:0 0 0 0 1\n"
        let parsed = ProcNetTCPParser(hostIsLittleEndian: true).parse(text, family: .ipv4)
        #expect(parsed.entries.count == 3)
        #expect(parsed.errors.map(\.line) == [5, 6])
        #expect(parsed.errors[1].message.contains("state"))
    }

    @Test func ipv6TextFollowsRFC5952() {
        func text(_ groups: [Int]) -> String {
            ProcNetTCPParser.ipv6Text(groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] })
        }
        #expect(text([0, 0, 0, 0, 0, 0, 0, 1]) == "::1")
        #expect(text([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]) == "2001:db8::1:0:0:1")
        #expect(text([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1]) == "2001:db8:0:1:1:1:1:1")
        #expect(text([0xfe80, 0, 0, 0, 0, 0, 0, 0]) == "fe80::")
    }

    @Test func statesByCodeAndByArgument() {
        #expect(TCPSocketState(code: 2) == .synSent)
        #expect(TCPSocketState(code: 10) == .listen)
        #expect(TCPSocketState(code: 13) == nil)
        #expect(TCPSocketState(argument: "syn-sent") == .synSent)
        #expect(TCPSocketState(argument: "SYN_SENT") == .synSent)
        #expect(TCPSocketState(argument: "timewait") == .timeWait)
        #expect(TCPSocketState(argument: "sent") == nil)
    }

    @Test func filterMatchesEitherPortAndTheState() {
        let entries = ProcNetTCPParser(hostIsLittleEndian: true).parse(Self.tcp, family: .ipv4).entries
        #expect(entries.filter(SocketFilter(port: 443).matches).map(\.localPort) == [51442])
        #expect(entries.filter(SocketFilter(port: 9000).matches).count == 1)
        #expect(entries.filter(SocketFilter(state: .listen).matches).map(\.localPort) == [8443])
        #expect(entries.filter(SocketFilter(port: 443, state: .listen).matches).isEmpty)
    }
}
