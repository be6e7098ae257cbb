import SimEngine

/// How a classic deployment is built and its processes configured: the release, the hosts and
/// the flags of `swarm join` and `swarm manage` (CLASSIC_SWARM_FACTS §0; `cli/flags.go`).
public struct ClassicDeploymentConfig: Equatable, Sendable {
    public var version: ClassicSwarmVersion
    public var hosts: [ClassicHostSpec]
    /// `--strategy`.
    public var strategy: PlacementStrategy
    /// `swarm join --heartbeat` (60 s) and `--ttl` (180 s).
    public var heartbeat: SimDuration
    public var ttl: SimDuration
    /// `swarm manage --replication-ttl`: 15 s in 1.1.3, 20 s from 1.2.0 (ac634106).
    public var replicationTTL: SimDuration
    /// `--engine-refresh-min-interval` / `--engine-refresh-max-interval` (30 s / 60 s).
    public var engineRefreshMin: SimDuration
    public var engineRefreshMax: SimDuration
    /// `--engine-failure-retry` (3).
    public var engineFailureRetry: Int
    /// The global `--experimental` flag (1.1.3 reschedules only with it).
    public var experimental: Bool
    /// `swarm manage --replication`.
    public var replication: Bool

    public init(version: ClassicSwarmVersion, hosts: [ClassicHostSpec] = []) {
        self.version = version
        self.hosts = hosts
        strategy = .spread
        heartbeat = .seconds(60)
        ttl = .seconds(180)
        replicationTTL = version == .v1_1_3 ? .seconds(15) : .seconds(20)
        engineRefreshMin = .seconds(30)
        engineRefreshMax = .seconds(60)
        engineFailureRetry = 3
        experimental = false
        replication = true
    }

    /// The hosts of SCENARIO_FORMAT §10: `listed` hosts first (their `runs:`), then generated
    /// ones (c1.., m1.., e1.., skipping taken names) until each role reaches its count; a count
    /// left nil is what the listed hosts provide (or 1 Consul, 1 manager, 2 engines when none
    /// are listed).
    public static func hosts(listed: [ClassicHostSpec], consul: Int?, managers: Int?, engines: Int?) -> [ClassicHostSpec] {
        var hosts = listed
        let defaults: [ClassicRole: Int] = [.consul: 1, .manager: 1, .engine: 2]
        let asked: [ClassicRole: Int?] = [.consul: consul, .manager: managers, .engine: engines]
        let prefixes: [ClassicRole: String] = [.consul: "c", .manager: "m", .engine: "e"]
        for role in ClassicRole.allCases {
            let provided = hosts.filter { $0.runs(role) }.count
            let wanted = (asked[role] ?? nil) ?? (listed.isEmpty ? defaults[role]! : provided)
            var number = 1
            var count = provided
            while count < wanted {
                let name = "\(prefixes[role]!)\(number)"
                number += 1
                if let index = hosts.firstIndex(where: { $0.name == name }) {
                    guard !hosts[index].runs(role) else { continue }
                    hosts[index].roles = (hosts[index].roles + [role]).sorted()
                } else {
                    hosts.append(ClassicHostSpec(name: name, roles: [role]))
                }
                count += 1
            }
        }
        return hosts
    }

    /// The request timeout of a manager's calls to engines (`engine.go` `requestTimeout`): 10 s
    /// up to 1.2.6, 30 s after.
    public var engineRequestTimeout: SimDuration { version == .v1_1_3 ? .seconds(10) : .seconds(30) }

    /// The leader lock's session (CLASSIC_SWARM_FACTS §0 "leader-lock session"): 1.1.3 at its
    /// default 15 s takes consul api's own lock session (TTL 15 s, Consul's 15 s lock-delay);
    /// any other TTL, and every 1.2 release, libkv's session of TTL/2 and lock-delay 1 ms.
    public var leaderLockOptions: ConsulLockOptions {
        if version == .v1_1_3 && replicationTTL == .seconds(15) { return .consulAPIDefault }
        return .libkv(ttl: replicationTTL)
    }

    /// The Consul release that goes with the Swarm release (SCENARIO_FORMAT §10).
    public var consulVersion: ConsulVersion { version == .v1_1_3 ? .v0_6 : .v0_7 }

    /// Whether managers run the rescheduling watchdog (`cluster/watchdog.go`): 1.2+ always,
    /// 1.1.3 with `--experimental`.
    public var reschedules: Bool { version.readsReschedulePoliciesByDefault || experimental }
}
