import Testing
@testable import NetProbes

/// net/dial.go partialDeadline: an equal share of the time left per remaining address, at
/// least 2 s (or all that is left). The race itself is exercised in the lab (IPv6 dropped,
/// IPv4 working: CheckScenarioLabTests.ipv6BlackholedIPv4Works).
struct DialRaceTests {
    func seconds(_ deadline: ProbeDeadline) -> Double {
        let left = deadline.remaining
        return Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
    }

    @Test func lastAddressGetsEverythingLeft() {
        let deadline = ProbeDeadline.after(seconds: 9)
        #expect(DialRace.partialDeadline(deadline, addressesLeft: 1) == deadline)
    }

    @Test func timeIsSharedEquallyAboveTheSaneMinimum() {
        let share = seconds(DialRace.partialDeadline(.after(seconds: 9), addressesLeft: 3))
        #expect(share > 2.5 && share <= 3.0)
    }

    @Test func shareNeverFallsBelowTwoSecondsUnlessLessIsLeft() {
        let share = seconds(DialRace.partialDeadline(.after(seconds: 5), addressesLeft: 4))
        #expect(share > 1.5 && share <= 2.0)
        let short = seconds(DialRace.partialDeadline(.after(seconds: 1), addressesLeft: 4))
        #expect(short > 0.5 && short <= 1.0)
    }

    @Test func noAddressesMeansNoAttempt() async {
        let outcome = await DialRace.run([], deadline: .after(seconds: 1)) { _, _ in
            Issue.record("no connect expected")
            return (ConnectAttempt(address: "", errorClass: "other", error: nil, durationSeconds: 0), nil)
        }
        #expect(outcome.attempts.isEmpty && outcome.channel == nil)
    }
}

/// A dial given the lookup already made connects without asking again: the name here cannot
/// resolve (`.invalid`, and the test namespace has no resolver), yet the dial reaches the
/// loopback listener the given answer names.
struct HTTPDialerResolvedTests {
    @Test func givenAnswerIsUsedInsteadOfALookup() async throws {
        let listener = try TCPLoopbackTests.Listener(.hold)
        defer { listener.stop() }
        let name = "already-resolved.invalid"
        let known = PlatformResolution(host: name, addresses: [try #require(ResolvedAddress(literal: "127.0.0.1"))], error: nil,
                                       errorClass: nil, durationSeconds: 0.004)
        let dial = await HTTPDialer.dial(host: name, port: listener.port, resolved: known, deadline: .after(seconds: 5))
        #expect(dial.channel != nil, "\(dial.attempts)")
        #expect(dial.resolution == known)
        try? await dial.channel?.close().get()
        let unknown = await HTTPDialer.dial(host: name, port: listener.port, deadline: .after(seconds: 5))
        #expect(unknown.channel == nil && unknown.resolution.addresses.isEmpty)
    }
}
