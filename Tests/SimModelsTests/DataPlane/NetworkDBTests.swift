import Testing
import SimEngine
@testable import SimModels

/// NetworkDB through the engine: entries spread only by gossip, vanish when their owner fails
/// (not before) or leaves (at once), and come back when a firewalled owner is reachable again.
@Suite struct NetworkDBTests {
    /// Writes an entry on `owner` and records, per node, when it appeared and disappeared.
    final class EntryWatch {
        var appeared: [Int: SimInstant] = [:]
        var vanished: [Int: SimInstant] = [:]
    }

    static func watch(_ cluster: GossipCluster, key: String) -> EntryWatch {
        let watch = EntryWatch()
        for node in 0..<cluster.size {
            cluster.db(node)?.onChange = { [simulation = cluster.simulation] change in
                guard change.key == key else { return }
                switch change.kind {
                case .create, .update: watch.appeared[node] = simulation.now
                case .delete: watch.vanished[node] = simulation.now
                }
            }
        }
        return watch
    }

    static func holds(_ cluster: GossipCluster, _ node: Int, key: String) -> Bool {
        cluster.db(node)?.table("endpoints", network: "net").contains { $0.key == key } ?? false
    }

    /// A converged 5-node cluster where `owner` wrote `key` and every other node holds it.
    static func clusterWithEntry(seed: UInt64, owner: Int, key: String, value: String = "10.0.1.6")
        -> (cluster: GossipCluster, others: [Int]) {
        let cluster = GossipCluster(size: 5, seed: seed)
        _ = cluster.runUntil(within: .seconds(10)) { false }
        cluster.db(owner)?.createEntry(table: "endpoints", network: "net", key: key, value: value)
        _ = cluster.runUntil(within: .seconds(5)) { false }
        let others = (0..<5).filter { $0 != owner }
        #expect(others.allSatisfy { holds(cluster, $0, key: key) })
        return (cluster, others)
    }

    @Test(arguments: [5, 10])
    func entryReachesEveryNodeByGossipQuickly(size: Int) {
        let cluster = GossipCluster(size: size, seed: 3)
        _ = cluster.runUntil(within: .seconds(40)) { false }  // past the first bulk syncs
        #expect(cluster.converged)
        let watch = Self.watch(cluster, key: "web.1")
        let written = cluster.simulation.now
        cluster.db(0)?.createEntry(table: "endpoints", network: "net", key: "web.1", value: "10.0.1.3")
        let everywhere = cluster.runUntil(within: .seconds(20)) {
            (1..<size).allSatisfy { Self.holds(cluster, $0, key: "web.1") }
        }
        #expect(everywhere != nil)
        // Gossip rounds of 200 ms, not the 30 s bulk sync.
        if let everywhere { #expect(everywhere - written <= .seconds(2), "\(everywhere - written)") }
        #expect(watch.appeared.count == size - 1)
        #expect((1..<size).allSatisfy { cluster.db($0)?.table("endpoints", network: "net").first?.owner == 0 })
    }

    @Test func crashedOwnersEntriesVanishWhenDeclaredFailedNotBefore() {
        for seed: UInt64 in 1...5 {
            let cluster = GossipCluster(size: 5, seed: seed)
            _ = cluster.runUntil(within: .seconds(10)) { false }
            cluster.db(2)?.createEntry(table: "endpoints", network: "net", key: "web.2", value: "10.0.1.4")
            _ = cluster.runUntil(within: .seconds(10)) { false }
            let watch = Self.watch(cluster, key: "web.2")
            var declared: [Int: SimInstant] = [:]
            let survivors = [0, 1, 3, 4]
            #expect(survivors.allSatisfy { Self.holds(cluster, $0, key: "web.2") })
            let crashAt = cluster.simulation.now
            cluster.simulation.hosts[2].crash()
            _ = cluster.runUntil(within: .seconds(40)) {
                for node in survivors where declared[node] == nil && cluster.db(node)?.status(of: 2) == .failed {
                    declared[node] = cluster.simulation.now
                }
                return false
            }
            for node in survivors {
                #expect(declared[node] != nil, "seed \(seed) node \(node)")
                #expect(watch.vanished[node] == declared[node], "seed \(seed) node \(node)")
                #expect(!Self.holds(cluster, node, key: "web.2"))
                if let at = declared[node] { #expect(at - crashAt >= .seconds(4)) }
            }
        }
    }

    @Test func cleanLeaveRemovesEntriesAtOnce() {
        let (cluster, survivors) = Self.clusterWithEntry(seed: 8, owner: 3, key: "web.3")
        let leftAt = cluster.simulation.now
        cluster.db(3)?.leave()
        let gone = cluster.runUntil(within: .seconds(30)) {
            survivors.allSatisfy { !Self.holds(cluster, $0, key: "web.3") }
        }
        #expect(gone != nil)
        // A gossip round or two, far under the 4 s a failure detection takes at least.
        if let gone { #expect(gone - leftAt < .seconds(1), "\(gone - leftAt)") }
        #expect(survivors.allSatisfy { cluster.db($0)?.status(of: 3) == .left })
        #expect(cluster.events("gossip.failed", about: 3).isEmpty)
    }

    @Test func firewalledGossipPortFailsTheNodeThenAllowBringsItBack() {
        let (cluster, others) = Self.clusterWithEntry(seed: 13, owner: 1, key: "web.4")

        let deniedAt = cluster.simulation.now
        cluster.simulation.network.deny(7946, on: 1)
        let failed = cluster.runUntil(within: .seconds(60)) {
            others.allSatisfy { cluster.db($0)?.status(of: 1) == .failed && !Self.holds(cluster, $0, key: "web.4") }
        }
        #expect(failed != nil)
        if let failed { #expect(failed - deniedAt >= .seconds(4) && failed - deniedAt <= .seconds(15), "\(failed - deniedAt)") }
        #expect(cluster.simulation.hosts[1].isUp)
        #expect(cluster.db(1)?.table("endpoints", network: "net").count == 1)  // its own entry stays

        _ = cluster.runUntil(within: .seconds(30)) { false }
        let allowedAt = cluster.simulation.now
        cluster.simulation.network.allow(7946, on: 1)
        // The others' 1 s reconnect (a join push-pull; the node refutes its death) makes it
        // alive and active again within seconds...
        let rejoined = cluster.runUntil(within: .seconds(30)) {
            others.allSatisfy { cluster.db($0)?.status(of: 1) == .active }
        }
        #expect(rejoined != nil)
        if let rejoined { #expect(rejoined - allowedAt <= .seconds(5), "\(rejoined - allowedAt)") }
        // ...but its failure erased its network memberships here, so its entries come back only
        // once push-pulls (every 30 s, carrying every node's networks) tell the others it is on
        // "net" again and a bulk sync brings its tables: libnetwork 20.10 as written.
        let back = cluster.runUntil(within: .seconds(120)) {
            others.allSatisfy { cluster.db($0)?.status(of: 1) == .active && Self.holds(cluster, $0, key: "web.4") }
        }
        #expect(back != nil)
        if let back { #expect(back - allowedAt <= .seconds(90), "\(back - allowedAt)") }
    }

    @Test func reconnectRestoresEntriesAtOnceWhenTheNodeWasForgotten() {
        // A node dead for more than 30 s (GossipToTheDeadTime) is forgotten by memberlist: the
        // reconnect's push-pull then brings it in as new, with its networks, and the bulk sync
        // that follows brings its entries.
        let (cluster, others) = Self.clusterWithEntry(seed: 13, owner: 1, key: "web.4")
        cluster.simulation.hosts[1].crash()
        _ = cluster.runUntil(within: .seconds(20)) { false }
        #expect(others.allSatisfy { cluster.db($0)?.status(of: 1) == .failed && !Self.holds(cluster, $0, key: "web.4") })
        _ = cluster.runUntil(within: .seconds(60)) { false }
        #expect(others.allSatisfy { cluster.db($0)?.memberlist.member(1) == nil })
        // It comes back up without any seed of its own: only the others' reconnect finds it.
        let bootedAt = cluster.simulation.now
        cluster.seeds.seeds[1] = []
        cluster.simulation.hosts[1].powerOn()
        cluster.db(1)?.createEntry(table: "endpoints", network: "net", key: "web.4", value: "10.0.1.9")
        let back = cluster.runUntil(within: .seconds(30)) {
            others.allSatisfy { cluster.db($0)?.table("endpoints", network: "net").first?.value == "10.0.1.9" }
        }
        #expect(back != nil)
        // Each reconnect attempt begun while it was down blocks for the 10 s TCP timeout; the
        // next one after it finds the node.
        if let back { #expect(back - bootedAt <= .seconds(12), "\(back - bootedAt)") }
    }
}
