import Testing
import SimEngine
@testable import SimModels

/// The suspicion timeout's arithmetic against memberlist's (`util.go` `suspicionTimeout`,
/// `suspicion.go` `remainingSuspicionTime`) and NETWORK_FACTS.md §0.
@Suite struct SuspicionTests {
    @Test func minimumIsFourSecondsUnderTenNodesAndGrowsWithLog10() {
        let second = SimDuration.seconds(1)
        #expect(Suspicion.minimumTimeout(mult: 4, nodes: 3, interval: second) == .seconds(4))
        #expect(Suspicion.minimumTimeout(mult: 4, nodes: 9, interval: second) == .seconds(4))
        #expect(Suspicion.minimumTimeout(mult: 4, nodes: 100, interval: second) == .seconds(8))
        #expect(Suspicion.minimumTimeout(mult: 4, nodes: 1000, interval: second) == .seconds(12))
    }

    @Test func confirmationsShrinkFromMaxToMin() {
        let start = SimInstant(nanoseconds: 0)
        var suspicion = Suspicion(from: 1, k: 2, min: .seconds(4), max: .seconds(24), start: start)
        #expect(suspicion.deadline == start + .seconds(24))
        let confirmed1021 = suspicion.confirm(from: 2)
        #expect(confirmed1021)
        #expect(suspicion.deadline == start + .milliseconds(11_381))  // the facts' "≈ 11.4 s"
        let confirmed1160 = suspicion.confirm(from: 2)
        #expect(!confirmed1160)  // the same accuser counts once
        let confirmed1238 = suspicion.confirm(from: 1)
        #expect(!confirmed1238)  // so does the first
        let confirmed1305 = suspicion.confirm(from: 3)
        #expect(confirmed1305)
        #expect(suspicion.deadline == start + .seconds(4))
        let confirmed1408 = suspicion.confirm(from: 4)
        #expect(!confirmed1408)  // k reached
    }

    @Test func noConfirmationExpectedStartsAtMin() {
        let suspicion = Suspicion(from: 1, k: 0, min: .seconds(4), max: .seconds(24), start: .zero)
        #expect(suspicion.deadline == SimInstant.zero + .seconds(4))
    }

    @Test func retransmitLimitIsMultTimesDigits() {
        #expect(TransmitLimitedQueue<NetworkDBBroadcast>.retransmitLimit(mult: 4, nodes: 5) == 4)
        #expect(TransmitLimitedQueue<NetworkDBBroadcast>.retransmitLimit(mult: 4, nodes: 9) == 4)
        #expect(TransmitLimitedQueue<NetworkDBBroadcast>.retransmitLimit(mult: 4, nodes: 10) == 8)
        #expect(TransmitLimitedQueue<NetworkDBBroadcast>.retransmitLimit(mult: 4, nodes: 1000) == 16)
    }
}
