/// The bookkeeping of one ping run, as a state machine over explicit times (nanoseconds on one
/// clock): when to send next, which requests are still pending, what each became. The socket
/// loop feeds it events; everything here is pure, so timeouts, duplicates and late replies are
/// unit-tested without a network.
struct PingSession: Sendable {
    let count: Int
    let interval: Int64
    let timeout: Int64
    /// ping -A: the next request as soon as the previous one is answered.
    let adaptive: Bool
    /// The shortest gap between two requests in adaptive mode (iputils ping's own floor for -A
    /// is 2 ms for root, 200 ms otherwise; a diagnostic sending three requests needs neither).
    static let adaptiveFloor: Int64 = 2_000_000
    private(set) var replies: [PingReply] = []
    private var sentAt: [Int64] = []
    private(set) var duplicateRTTs: [Double] = []
    private var lastSend: Int64?
    /// When the latest reply arrived (adaptive mode sends the next one then).
    private var lastAnswer: Int64?
    private var pendingCount = 0
    /// Every request before this index is settled (requests settle mostly in order, so the
    /// scans below stay short even for tens of thousands of pings).
    private var oldestUnsettled = 0

    init(count: Int, intervalNanoseconds: Int64, timeoutNanoseconds: Int64, adaptive: Bool = false) {
        self.adaptive = adaptive
        self.count = max(count, 0)
        self.interval = max(intervalNanoseconds, 0)
        self.timeout = max(timeoutNanoseconds, 1)
    }

    var sentCount: Int { replies.count }
    var allSent: Bool { replies.count >= count }
    var hasPending: Bool { pendingCount > 0 }
    var isFinished: Bool { allSent && !hasPending }

    /// The sequence number the next request carries (1-based, as ping).
    var nextSequence: Int { replies.count + 1 }

    /// When the next request is due (the first at once, then `interval` after the previous, or
    /// in adaptive mode as soon as the previous one was answered); nil when all are sent.
    var nextSendTime: Int64? {
        guard !allSent else { return nil }
        guard let lastSend else { return .min }
        let regular = lastSend + interval
        if adaptive, !hasPending, let lastAnswer, lastAnswer >= lastSend {
            return min(regular, max(lastAnswer, lastSend + Self.adaptiveFloor))
        }
        return regular
    }

    /// The earliest time something happens without input: a send or a pending timeout.
    var nextWakeup: Int64? {
        let oldestPending = replies[oldestUnsettled...].firstIndex { $0.status == .pending }
        let expiry = oldestPending.map { sentAt[$0] + timeout }
        return [nextSendTime, expiry].compactMap { $0 }.min()
    }

    mutating func recordSend(at time: Int64) {
        replies.append(PingReply(sequence: nextSequence, status: .pending))
        sentAt.append(time)
        lastSend = time
        pendingCount += 1
    }

    mutating func recordSendFailure(at time: Int64, errno code: Int32) {
        var reply = PingReply(sequence: nextSequence, status: .sendError)
        reply.detail = "sendmsg: " + ErrnoText.describe(code)
        reply.sendErrno = code
        replies.append(reply)
        sentAt.append(time)
        lastSend = time
    }

    /// An echo reply for `sequence` (the wire's 16-bit value) at `time`. Returns the updated
    /// record, or nil when the sequence was never sent (a stray reply).
    @discardableResult
    mutating func recordReply(sequence wire: UInt16, at time: Int64, ttl: Int?, bytes: Int, from: String?) -> PingReply? {
        guard let index = index(of: wire) else { return nil }
        let rtt = Double(time - sentAt[index]) / 1_000_000
        var reply = replies[index]
        switch reply.status {
        case .pending where time - sentAt[index] <= timeout:
            settle(index)
            lastAnswer = max(lastAnswer ?? time, time)
            reply.status = .reply
            reply.rttMilliseconds = max(rtt, 0)
            reply.ttl = ttl
            reply.bytes = bytes
            reply.from = from
        case .pending, .timeout:
            if reply.status == .pending { settle(index) }
            reply.status = .timeout
            reply.lateRTTMilliseconds = reply.lateRTTMilliseconds ?? max(rtt, 0)
        case .reply:
            reply.duplicates += 1
            duplicateRTTs.append(max(rtt, 0))
        case .icmpError, .sendError:
            return nil
        }
        replies[index] = reply
        advanceOldestUnsettled()
        return reply
    }

    /// An ICMP error quoting request `sequence`. Only a pending request takes it.
    @discardableResult
    mutating func recordError(_ report: ICMPErrorReport, sequence wire: UInt16) -> PingReply? {
        guard let index = index(of: wire), replies[index].status == .pending else { return nil }
        settle(index)
        replies[index].status = .icmpError
        replies[index].icmpError = report
        replies[index].from = report.reporter
        replies[index].detail = report.text
        advanceOldestUnsettled()
        return replies[index]
    }

    /// Pending requests older than the timeout become timeouts; returns them.
    @discardableResult
    mutating func expire(now: Int64) -> [PingReply] {
        var expired: [PingReply] = []
        // Send times only grow, so the scan stops at the first request still inside its timeout.
        for index in replies.indices[oldestUnsettled...] {
            guard now - sentAt[index] > timeout else { break }
            guard replies[index].status == .pending else { continue }
            settle(index)
            replies[index].status = .timeout
            expired.append(replies[index])
        }
        advanceOldestUnsettled()
        return expired
    }

    /// Ends the run early (deadline or cancellation): whatever is pending timed out.
    mutating func abandonPending() {
        for index in replies.indices where replies[index].status == .pending { replies[index].status = .timeout }
        pendingCount = 0
        oldestUnsettled = replies.count
    }

    private mutating func settle(_ index: Int) {
        if replies[index].status == .pending { pendingCount -= 1 }
    }

    private mutating func advanceOldestUnsettled() {
        while oldestUnsettled < replies.count && replies[oldestUnsettled].status != .pending { oldestUnsettled += 1 }
    }

    var received: Int { replies.filter { $0.status == .reply }.count }
    var errors: Int { replies.filter { $0.status == .icmpError || $0.status == .sendError }.count }
    var duplicates: Int { replies.reduce(0) { $0 + $1.duplicates } }
    var lossPercent: Double { RTTStatistics.lossPercent(transmitted: sentCount, received: received) }
    var statistics: RTTStatistics? {
        RTTStatistics(samplesMilliseconds: replies.compactMap(\.rttMilliseconds) + duplicateRTTs)
    }

    /// Sequence numbers wrap at 65536; the most recent request with that wire value wins.
    private func index(of wire: UInt16) -> Int? {
        let latest = replies.count
        let sequence = latest - ((latest - Int(wire)) % 65536 + 65536) % 65536
        return sequence >= 1 ? sequence - 1 : nil
    }
}
