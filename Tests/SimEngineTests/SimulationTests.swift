import Testing
@testable import SimEngine

@Suite struct SimulationTests {
    @Test func eventsAtTheSameInstantRunInTheOrderScheduled() {
        let sim = Simulation(seed: 1)
        var order: [Int] = []
        for i in 0..<100 {
            sim.schedule(at: SimInstant(nanoseconds: 5)) { order.append(i) }
        }
        sim.schedule(at: SimInstant(nanoseconds: 3)) { order.append(-1) }
        sim.run(until: SimInstant(nanoseconds: 10))
        #expect(order == [-1] + Array(0..<100))
    }

    @Test func eventsScheduledFromAnEventAtTheSameInstantRunAfterThoseAlreadyQueued() {
        let sim = Simulation(seed: 1)
        var order: [String] = []
        sim.schedule(at: SimInstant(nanoseconds: 5)) {
            order.append("a")
            sim.schedule(after: .zero) { order.append("c") }
        }
        sim.schedule(at: SimInstant(nanoseconds: 5)) { order.append("b") }
        sim.run(until: SimInstant(nanoseconds: 5))
        #expect(order == ["a", "b", "c"])
    }

    @Test func timeNeverMovesBackwards() {
        let sim = Simulation(seed: 2)
        var random = RandomStream(seed: 2)
        var seen: [Int64] = []
        for _ in 0..<2000 {
            sim.schedule(at: SimInstant(nanoseconds: Int64(random.nextInt(below: 1_000_000)))) {
                seen.append(sim.now.nanoseconds)
                // Asking for a time in the past runs at the current time instead.
                sim.schedule(at: SimInstant(nanoseconds: sim.now.nanoseconds - 500)) { seen.append(sim.now.nanoseconds) }
            }
        }
        sim.run(until: SimInstant(nanoseconds: 2_000_000))
        #expect(seen.count == 4000)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(sim.now == SimInstant(nanoseconds: 2_000_000))
    }

    @Test func heapMatchesASortedReferenceOverManySeeds() {
        for seed in 0..<30 {
            var random = RandomStream(seed: UInt64(seed))
            var queue = EventQueue()
            var reference: [(Int64, UInt64)] = []
            var sequence: UInt64 = 0
            for _ in 0..<400 {
                if random.nextInt(below: 3) > 0 || reference.isEmpty {
                    let time = Int64(random.nextInt(below: 50))
                    queue.insert(QueuedEvent(time: time, sequence: sequence, slot: 0))
                    reference.append((time, sequence))
                    sequence += 1
                } else {
                    reference.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                    let expected = reference.removeFirst()
                    let got = queue.removeFirst()!
                    #expect(got.time == expected.0 && got.sequence == expected.1, "seed \(seed)")
                }
            }
        }
    }

    @Test func cancelledEventsDoNotRun() {
        let sim = Simulation(seed: 1)
        var ran: [Int] = []
        let a = sim.schedule(after: .seconds(1)) { ran.append(1) }
        let b = sim.schedule(after: .seconds(2)) { ran.append(2) }
        sim.schedule(after: .seconds(3)) { ran.append(3) }
        #expect(sim.isPending(a))
        sim.cancel(a)
        #expect(!sim.isPending(a))
        sim.run(until: SimInstant(nanoseconds: 2_500_000_000))
        sim.cancel(b)  // already ran: harmless
        sim.run(for: .seconds(10))
        #expect(ran == [2, 3])
        #expect(sim.eventsProcessed == 2)
    }

    @Test func aStaleTimerIDCannotCancelTheEventThatReusedItsSlot() {
        let sim = Simulation(seed: 1)
        var ran: [Int] = []
        let old = sim.schedule(after: .seconds(1)) { ran.append(1) }
        sim.run(for: .seconds(2))
        sim.schedule(after: .seconds(1)) { ran.append(2) }  // reuses the freed slot
        sim.cancel(old)
        sim.run(for: .seconds(2))
        #expect(ran == [1, 2])
    }

    @Test func observersRunOnceAfterEachInstantWithEveryEventDone() {
        let sim = Simulation(seed: 1)
        var counter = 0
        var observed: [(Int64, Int)] = []
        sim.afterEachInstant { observed.append(($0.nanoseconds, counter)) }
        for t in [1, 1, 2, 5, 5, 5] {
            sim.schedule(at: SimInstant(nanoseconds: Int64(t))) { counter += 1 }
        }
        sim.run(until: SimInstant(nanoseconds: 10))
        #expect(observed.map(\.0) == [1, 2, 5])
        #expect(observed.map(\.1) == [2, 3, 6])
    }

    /// An observer until done is called in its place among the others until it returns true,
    /// and never again after that.
    @Test func observersUntilDoneAreDroppedOnceDone() {
        let sim = Simulation(seed: 1)
        var calls: [String] = []
        sim.afterEachInstant { calls.append("a\($0.nanoseconds)") }
        sim.afterEachInstantUntilDone { now in
            calls.append("b\(now.nanoseconds)")
            return now.nanoseconds >= 2
        }
        sim.afterEachInstant { calls.append("c\($0.nanoseconds)") }
        for t in [1, 2, 3] {
            sim.schedule(at: SimInstant(nanoseconds: Int64(t))) {}
        }
        sim.run(until: SimInstant(nanoseconds: 10))
        #expect(calls == ["a1", "b1", "c1", "a2", "b2", "c2", "a3", "c3"])
    }

    /// A woken observer runs after instants at which something woke it, and at the instants it
    /// asked for; not after the others.
    @Test func wokenObserversRunWhenWokenAndWhenDue() {
        let sim = Simulation(seed: 1)
        var calls: [Int64] = []
        sim.afterWokenInstants { now in
            calls.append(now.nanoseconds)
            return now.nanoseconds < 5 ? SimInstant(nanoseconds: 7) : .distantFuture
        }
        for t in 1...9 {
            sim.schedule(at: SimInstant(nanoseconds: Int64(t))) {
                if t == 3 || t == 8 { sim.wakeObservers() }
            }
        }
        sim.run(until: SimInstant(nanoseconds: 10))
        // 1: first instant; 3: woken; 7: due; 8: woken.
        #expect(calls == [1, 3, 7, 8])
    }

    /// A wake while the observers run (the swarm came up, at 2) makes a woken observer earlier
    /// in the order, which has already passed this instant, run at the next one.
    @Test func aWakeDuringTheObserversRunsThemAtTheNextInstant() {
        let sim = Simulation(seed: 1)
        var first: [Int64] = []
        sim.afterWokenInstants { now in
            first.append(now.nanoseconds)
            return .distantFuture
        }
        sim.afterEachInstantUntilDone { now in
            if now.nanoseconds == 2 { sim.wakeObservers() }
            return now.nanoseconds >= 2
        }
        for t in 1...5 { sim.schedule(at: SimInstant(nanoseconds: Int64(t))) {} }
        sim.run(until: SimInstant(nanoseconds: 10))
        #expect(first == [1, 3])
    }

    @Test func runStopsAtTheLimitAndKeepsLaterEvents() {
        let sim = Simulation(seed: 1)
        var ran = 0
        sim.schedule(after: .seconds(5)) { ran += 1 }
        sim.run(until: SimInstant.zero + .seconds(4))
        #expect(ran == 0)
        #expect(sim.now == SimInstant.zero + .seconds(4))
        sim.run(for: .seconds(1))
        #expect(ran == 1)
    }
}

@Suite struct ObserverSchedulingTests {
    /// An observer that schedules an event at the current instant: it runs at that instant,
    /// before later events, and the observers see that instant again afterwards.
    @Test func eventsScheduledByObserversRunAtTheirInstant() {
        let sim = Simulation(seed: 1)
        var log: [String] = []
        var scheduled = false
        sim.afterEachInstant { now in
            log.append("observe \(now.nanoseconds)")
            if !scheduled {
                scheduled = true
                sim.schedule(after: .zero) { log.append("from observer at \(sim.now.nanoseconds)") }
            }
        }
        sim.schedule(at: SimInstant(nanoseconds: 5)) { log.append("a") }
        sim.schedule(at: SimInstant(nanoseconds: 9)) { log.append("b") }
        sim.run(until: SimInstant(nanoseconds: 20))
        #expect(log == ["a", "observe 5", "from observer at 5", "observe 5", "b", "observe 9"])
    }
}
