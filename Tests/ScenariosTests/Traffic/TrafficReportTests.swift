import SimEngine
import SimModels
import Testing
@testable import Scenarios

/// Outages, summaries and the client conditions, from streams of `RequestRecord`s alone.
@Suite struct TrafficReportTests {
    /// A request of `client` numbered `sequence`, started at `ms` milliseconds, ending after
    /// `latency` ms.
    static func record(_ sequence: Int, at ms: Int64, _ outcome: RequestOutcome, latency: Int64 = 2,
                       client: String = "users", through node: String? = "w1", task: String? = "web.1") -> RequestRecord {
        RequestRecord(client: client, sequence: sequence, started: .zero + .milliseconds(ms), ended: .zero + .milliseconds(ms + latency),
                      outcome: outcome, entryNode: node, task: task)
    }

    /// An outage runs from the first failed request to the first answered one after it, in the
    /// order requests *started*, even when a timeout ends after the answers that follow it.
    @Test func outageInStartOrderDespiteLateTimeouts() {
        var outages: [ClientOutage] = []
        let ledger = TrafficLedger(clients: ["users"]) { outages.append($0) }
        ledger.requestEnded(Self.record(1, at: 0, .ok))
        // Request 2 times out at 1.1 s; 3 is refused; 4 is answered before 2 ends.
        ledger.requestEnded(Self.record(3, at: 200, .refused, latency: 1, through: "w2", task: nil))
        ledger.requestEnded(Self.record(4, at: 300, .ok))
        #expect(outages.isEmpty)  // request 2 has not ended: nothing can be said yet
        ledger.requestEnded(Self.record(2, at: 100, .timeout, latency: 1000, task: "web.2"))
        ledger.requestEnded(Self.record(5, at: 1200, .ok))
        #expect(outages.isEmpty)  // answered for less than a second since the last failure
        ledger.requestEnded(Self.record(6, at: 1300, .ok))
        #expect(outages.count == 1)
        let outage = outages[0]
        #expect(outage.from == .zero + .milliseconds(100))
        #expect(outage.to == .zero + .milliseconds(300))
        #expect(outage.counts[.timeout] == 1 && outage.counts[.refused] == 1 && outage.counts.total == 2)
        #expect(outage.entryNodes == ["w1", "w2"])
        #expect(outage.tasks == ["web.2"])
        #expect(outage.text == "client users: outage 0.100s to 0.300s (200ms): 1 refused, 1 timeout, through w1, w2 to web.2")
        #expect(outage.counts[.ok] == 0)
        #expect(outage.fields.map(\.name).prefix(4) == ["client", "from_ns", "to_ns", "counts"])
        #expect(outage.fields[3].value == .string("refused=1,timeout=1"))
    }

    /// Requests through entry nodes in turn, one of them dead: one outage with the answered
    /// requests counted, not one per failure.
    @Test func oneInNFailuresAreOneOutage() {
        var outages: [ClientOutage] = []
        let ledger = TrafficLedger(clients: ["users"]) { outages.append($0) }
        for n in 1...40 {
            let failing = n >= 9 && n <= 28 && n % 4 == 1
            ledger.requestEnded(Self.record(n, at: Int64(n) * 100, failing ? .timeout : .ok, through: failing ? "w2" : "w1"))
        }
        #expect(outages.count == 1)
        #expect(outages.first?.from == .zero + .milliseconds(900))
        #expect(outages.first?.to == .zero + .milliseconds(2600))
        #expect(outages.first?.text == "client users: outage 0.900s to 2.600s (1.7s): 5 timeout, 12 ok, through w2 to web.1")
    }

    @Test func openOutageClosesAtTheEndOfTheRun() {
        var outages: [ClientOutage] = []
        let ledger = TrafficLedger(clients: ["users"]) { outages.append($0) }
        ledger.requestEnded(Self.record(1, at: 0, .ok))
        ledger.requestEnded(Self.record(2, at: 100, .refused))
        ledger.requestEnded(Self.record(3, at: 200, .refused))
        #expect(outages.isEmpty)
        ledger.finish(at: .zero + .seconds(1))
        #expect(outages.count == 1)
        #expect(outages[0].isOngoing)
        #expect(outages[0].to == .zero + .seconds(1))
        #expect(outages[0].text.contains("to the end of the run"))
    }

    @Test func summaryCountsLatencyAndLongestOutage() {
        let ledger = TrafficLedger(clients: ["users", "idle"]) { _ in }
        var sequence = 0
        func add(_ ms: Int64, _ outcome: RequestOutcome, latency: Int64 = 2) {
            sequence += 1
            ledger.requestEnded(Self.record(sequence, at: ms, outcome, latency: latency))
        }
        for ms in stride(from: Int64(0), to: 1000, by: 100) { add(ms, .ok, latency: ms / 100 + 1) }  // latencies 1..10 ms
        add(1000, .timeout, latency: 1000)
        add(1100, .ok)
        add(1200, .refused)
        add(1300, .reset)
        add(1400, .refused)
        add(1500, .ok)
        ledger.finish(at: .zero + .seconds(2))
        let summaries = ledger.summaries
        #expect(summaries.map(\.client) == ["users"])  // idle sent nothing; curl neither
        let users = summaries[0]
        #expect(users.counts.total == 16 && users.counts[.ok] == 12 && users.counts.failures == 4)
        // The failures from 1 s to 1.4 s, with an answer at 1.1 s between them, are one outage
        // that ends at the answer of 1.5 s (closed at the run's end, which came before 2.5 s).
        #expect(users.outageCount == 1)
        #expect(users.longestOutage?.from == .zero + .milliseconds(1000))
        #expect(users.longestOutage?.length == .milliseconds(500))
        #expect(users.longestOutage?.counts[.ok] == 1)
        #expect(users.longestOutage?.isOngoing == false)
        #expect(users.p50 == .milliseconds(4))  // ok latencies 1..10, 2, 2 sorted: 1 2 2 2 3 4..., the 6th of 12
        #expect(users.p99 == .milliseconds(10))
        #expect(users.text == "client users: 16 requests, 12 of 16 ok (75%), failures: 2 refused, 1 timeout, 1 reset; "
                + "p50 4ms, p99 10ms; 1 outage, longest 500ms from 1.000s")
    }

    /// Percentages are exact: 199 of 200 is 99.5%, not "about" it; 2 of 3 is not 66.67%.
    @Test func percentagesAreExact() {
        let p = { (scaled: Int64) in PercentValue(scaled: scaled) }
        #expect(PercentRequirement.exactly(p(995_000)).isSatisfied(part: 199, of: 200))
        #expect(!PercentRequirement.exactly(p(995_000)).isSatisfied(part: 198, of: 200))
        #expect(!PercentRequirement.exactly(p(666_700)).isSatisfied(part: 2, of: 3))
        #expect(PercentRequirement.atLeast(p(666_600)).isSatisfied(part: 2, of: 3))
        #expect(!PercentRequirement.atLeast(p(666_700)).isSatisfied(part: 2, of: 3))
        #expect(PercentRequirement.atMost(p(1_000_000)).isSatisfied(part: 3, of: 3))
        #expect(p(995_000).description == "99.5%" && p(1_000_000).description == "100%" && p(5).description == "0.0005%")
    }

    /// Client conditions count the requests *started* in the window, each by its outcome
    /// whenever it came.
    @Test func conditionsJudgeRequestsStartedInTheWindow() {
        let ledger = TrafficLedger(clients: ["users"]) { _ in }
        ledger.requestEnded(Self.record(1, at: 1000, .ok))
        ledger.requestEnded(Self.record(2, at: 2000, .timeout, latency: 5000))  // started in the window, ended after it
        ledger.requestEnded(Self.record(3, at: 3000, .ok, latency: 40))
        ledger.requestEnded(Self.record(4, at: 9000, .refused))
        let window = ExpectationWindow.during(from: .zero + .seconds(2), to: .zero + .seconds(3))
        let judge = { (measure: ClientMeasure, window: ExpectationWindow) in
            ledger.judge(ClientCondition(client: "users", measure: measure), in: window)
        }
        #expect(judge(.outcome(.timeout, .exactly(1)), window).holds)
        #expect(judge(.failures(.exactly(1)), window).holds)
        #expect(!judge(.failures(.exactly(0)), window).holds)
        #expect(judge(.failures(.exactly(2)), .always).holds)
        #expect(judge(.outcome(.refused, .exactly(1)), .atEnd).holds)
        #expect(judge(.success(.exactly(PercentValue(scaled: 500_000))), window).holds)
        #expect(judge(.success(.exactly(PercentValue(scaled: 500_000))), window).observed == "client users: 1 of 2 ok (50%)")
        #expect(judge(.latency(.max, .atMost(.milliseconds(40))), window).holds)
        #expect(!judge(.latency(.max, .atMost(.milliseconds(39))), window).holds)
        #expect(judge(.latency(.p50, .atMost(.milliseconds(2))), .always).holds)
        // A client that sent nothing has no latency to meet, and no share but `at most`.
        #expect(!ledger.judge(ClientCondition(client: "curl", measure: .latency(.p99, .atMost(.seconds(1)))), in: .always).holds)
        #expect(!ledger.judge(ClientCondition(client: "curl", measure: .success(.atLeast(PercentValue(scaled: 0)))), in: .always).holds)
    }
}
