import Testing
@testable import SimModels
import SimEngine

/// The dispatcher's clocks, on the engine, against SwarmKit's constants: a node goes Down
/// 3 chosen heartbeat periods (13.5–16.5 s) after its last heartbeat; after a leader change
/// every node goes Unknown and, if it never registers, Down 6 periods (27–33 s) later.
@Suite struct DispatcherTimingTests {
    /// A store that knows one node.
    private struct OneNodeStore: DispatcherStore {
        var object: NodeObject
        func node(_ id: NodeID) -> NodeObject? { id == object.id ? object : nil }
        var nodesSortedByID: [NodeObject] { [object] }
        func tasksAssigned(to node: NodeID) -> [TaskObject] { [] }
    }

    /// The dispatcher under test, recording what it proposes (committed at once) and sends.
    private final class Bench {
        let sim: Simulation
        let dispatcher: Dispatcher
        let node: NodeObject

        init(seed: UInt64) {
            sim = Simulation(seed: seed)
            let leader = sim.addHost(named: "m1") { _ in nil }
            sim.addHost(named: "w1") { _ in nil }
            for host in sim.hosts { host.powerOn() }
            let node = NodeObject(id: SwarmID("w1w1w1w1w1w1w1w1w1w1w1w1w"), spec: NodeSpec(desiredRole: .worker), role: .worker,
                                  description: NodeDescription(hostname: "w1", nanoCPUs: 1, memoryBytes: 1), status: NodeStatus(state: .ready))
            self.node = node
            let box = Box()
            let simulation = sim
            dispatcher = Dispatcher(
                simulation: sim, host: leader, heartbeatPeriod: .seconds(5),
                store: { OneNodeStore(object: node) },
                send: { message, _ in
                    if case let .reply(.dispatcher(reply)) = message { box.replies.append(reply) }
                },
                managerHosts: { [0] },
                propose: { writes, completion in
                    for write in writes { box.writes.append((simulation.now, write)) }
                    completion(true)
                })
            self.box = box
        }

        let box: Box

        final class Box {
            var writes: [(SimInstant, DispatcherWrite)] = []
            var replies: [DispatcherReply] = []
        }

        func request(_ body: DispatcherRequest.Body, session: String, id: UInt64) {
            dispatcher.handle(DispatcherRequest(nodeID: node.id, agentHost: 1, sessionID: session, requestID: id, body: body), proxy: 0)
        }

        /// When the dispatcher wrote `state` for the node, if it did.
        func time(of state: NodeState) -> SimInstant? {
            box.writes.first { entry in
                if case let .nodeStatus(id, status, _) = entry.1 { return id == node.id && status.state == state }
                return false
            }?.0
        }
    }

    @Test(arguments: 1...25)
    func aNodeGoesDownThreeChosenPeriodsAfterItsLastHeartbeat(seed: Int) throws {
        let bench = Bench(seed: UInt64(seed))
        bench.dispatcher.start()
        bench.request(.register(description: bench.node.description), session: "", id: 1)
        bench.sim.run(for: .seconds(1))
        guard case let .sessionStarted(sessionID, _, _, _)? = bench.box.replies.first?.body else {
            Issue.record("no session: \(bench.box.replies)")
            return
        }
        // A few heartbeats, each answered with the next period; then silence.
        var lastHeartbeat = bench.sim.now
        for id in 2...4 {
            lastHeartbeat = bench.sim.now
            bench.request(.heartbeat, session: sessionID, id: UInt64(id))
            guard case let .heartbeatAccepted(period)? = bench.box.replies.last?.body else {
                Issue.record("heartbeat not accepted")
                return
            }
            #expect(period >= .milliseconds(4500) && period < .milliseconds(5500), "period \(period)")
            bench.sim.run(for: period)
        }
        bench.sim.run(for: .seconds(30))
        let down = try #require(bench.time(of: .down), "never marked Down")
        let after = down - lastHeartbeat
        // The status write is batched: proposed up to 100 ms after the expiry fires.
        #expect(after >= .milliseconds(13_500) && after <= .milliseconds(16_600), "Down \(after) after the last heartbeat")
    }

    @Test(arguments: 1...25)
    func afterALeaderChangeANodeIsUnknownThenDownIfItNeverRegisters(seed: Int) throws {
        let bench = Bench(seed: UInt64(seed))
        let startedAt = bench.sim.now
        bench.dispatcher.start()
        bench.sim.run(for: .seconds(40))
        let unknown = try #require(bench.time(of: .unknown))
        #expect(unknown - startedAt <= .milliseconds(100), "Unknown at once (batched)")
        let down = try #require(bench.time(of: .down))
        let grace = down - startedAt
        #expect(grace >= .seconds(27) && grace <= .milliseconds(33_100), "Down \(grace) after the leader change")
    }
}
