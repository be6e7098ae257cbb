import Testing
@testable import SimEngine

/// Events held in buckets come out exactly where a single heap would put them.
@Suite struct LaterEventsTests {
    /// A reference model: every live event in one list, run in `(time, sequence)` order.
    private struct Reference {
        var pending: [(time: Int64, sequence: Int, id: Int)] = []
        mutating func next() -> (time: Int64, sequence: Int, id: Int)? {
            guard let index = pending.indices.min(by: { (pending[$0].time, pending[$0].sequence) < (pending[$1].time, pending[$1].sequence) }) else { return nil }
            return pending.remove(at: index)
        }
    }

    @Test func runOrderMatchesASingleOrderedListWithCancelsAndFarTimers() {
        for seed in 0..<12 {
            let sim = Simulation(seed: UInt64(seed))
            var random = RandomStream(seed: UInt64(seed))
            var reference = Reference()
            var ran: [Int] = []
            var timers: [Int: TimerID] = [:]
            var sequence = 0
            var nextID = 0
            // Delays from a nanosecond to past the buckets' horizon, many on bucket edges.
            let width = LaterEvents.width, horizon = LaterEvents.width * LaterEvents.count
            let delays: [Int64] = [1, width - 1, width, width + 1, 5 * width - 1, 5 * width, 1_000_000_000, 5_000_000_000,
                                   15_000_000_000, horizon - 1, horizon, horizon + width, 300_000_000_000]
            func schedule(at base: Int64) {
                let delay = random.nextBool(probability: 0.5)
                    ? delays[random.nextInt(below: delays.count)]
                    : Int64(random.nextInt(below: 70_000_000_000))
                let id = nextID
                nextID += 1
                let time = base + delay
                reference.pending.append((time, sequence, id))
                sequence += 1
                timers[id] = sim.schedule(at: SimInstant(nanoseconds: time)) {
                    ran.append(id)
                    timers[id] = nil
                    // Re-arm like a heartbeat: cancel something pending, schedule more.
                    if random.nextBool(probability: 0.5), let victim = timers.keys.sorted().first(where: { _ in random.nextBool(probability: 0.3) }) {
                        sim.cancel(timers[victim]!)
                        timers[victim] = nil
                        reference.pending.removeAll { $0.id == victim }
                    }
                    for _ in 0..<random.nextInt(below: 3) { schedule(at: sim.now.nanoseconds) }
                }
            }
            for _ in 0..<300 { schedule(at: 0) }
            sim.run(until: SimInstant(nanoseconds: 900_000_000_000))
            var expected: [Int] = []
            while let event = reference.next(), event.time <= 900_000_000_000 { expected.append(event.id) }
            let firstDifference = zip(ran, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(ran.count == expected.count && firstDifference == nil, "seed \(seed): first difference at \(firstDifference ?? -1)")
            #expect(ran.count > 300)
        }
    }
}
