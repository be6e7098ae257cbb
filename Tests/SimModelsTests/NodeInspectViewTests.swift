import Testing
@testable import SimModels
import SimEngine

/// `docker node inspect --pretty`, as docker/cli's `nodeInspectPrettyTemplate` prints it (seed
/// 001's drained worker2, in the current CLI's layout) (#15).
@Suite struct NodeInspectViewTests {
    static func node(_ hostname: String, id: String, role: NodeRole) -> NodeObject {
        var description = NodeDescription(hostname: hostname, nanoCPUs: 1_000_000_000, memoryBytes: 1_929_379_840)
        description.engineLabels = [Label("storage", "ssd")]
        var node = NodeObject(id: NodeID(id), spec: NodeSpec(desiredRole: role), role: role, description: description,
                              status: NodeStatus(state: .ready))
        node.status.address = "192.168.56.75"
        node.createdAt = SimInstant(nanoseconds: 90_763_505_360)
        return node
    }

    @Test func aDrainedWorkerPrintsAsTheCLIPrintsIt() {
        var worker = Self.node("worker2", id: "1bis2jb2ahxdh1doqxcldqix6", role: .worker)
        worker.spec.availability = .drain
        worker.spec.labels = [Label("zone", "east"), Label("rack", "")]
        #expect(NodeInspectView.pretty(worker, raft: .empty) == """
            ID:                     1bis2jb2ahxdh1doqxcldqix6
            Labels:
             - rack
             - zone=east
            Hostname:               worker2
            Joined at:              0001-01-01 00:01:30.76350536 +0000 utc
            Status:
             State:                 Ready
             Availability:          Drain
             Address:               192.168.56.75
            Platform:
             Operating System:      linux
             Architecture:          x86_64
            Resources:
             CPUs:                  1
             Memory:                1.797GiB
            Plugins:
             Log:           awslogs, fluentd, gcplogs, gelf, journald, json-file, local, splunk, syslog
             Network:               bridge, host, ipvlan, macvlan, null, overlay
             Volume:                local
            Engine Version:         27.3.1
            Engine Labels:
             - storage=ssd
            """)
    }

    @Test func aManagerShowsItsRaftStatus() {
        let manager = Self.node("manager1", id: "9twvez4pbmtf4gbghpo8bpmke", role: .manager)
        let follower = Self.node("manager2", id: "4l2a9ebgmcpwqlo0roye0n6m5", role: .manager)
        let raft = RaftView(members: [RaftView.Member(raftID: 1, nodeID: manager.id, address: "manager1", reachability: .unknown),
                                      RaftView.Member(raftID: 2, nodeID: follower.id, address: "manager2", reachability: .unreachable)],
                            leaderRaftID: 1, selfRaftID: 1)
        let leaderLines = NodeInspectView.pretty(manager, raft: raft).split(separator: "\n").map(String.init)
        #expect(leaderLines[7...10] == ["Manager Status:", " Address:               manager1:2377",
                                        " Raft Status:           Reachable", " Leader:                Yes"])
        let followerLines = NodeInspectView.pretty(follower, raft: raft).split(separator: "\n").map(String.init)
        #expect(followerLines[9...10] == [" Raft Status:           Unreachable", " Leader:                No"])
    }

    @Test func goTimeCountsFromGosZeroTime() {
        #expect(GoTime.string(.zero) == "0001-01-01 00:00:00 +0000 UTC")
        #expect(GoTime.string(SimInstant(nanoseconds: 86_400_000_000_000 * 31 + 3_600_000_000_000 + 500_000_000)) ==
                "0001-02-01 01:00:00.5 +0000 UTC")
    }
}
