import SimEngine

/// Draws the fault schedule of one seed: the families on (a random non-empty subset of those
/// allowed), then 1–8 faults at random times in a fault phase of 60–120 s that starts at 10 s,
/// with targets chosen by role (`leader`, a minority or a majority of the managers, workers).
/// The same cast, families and seed always give the same schedule: every draw comes from one
/// `RandomStream`.
struct ExploreScheduleDraw {
    let cast: ExploreCast
    var random: RandomStream
    /// Nodes whose disks the schedule wipes so far.
    private var wiped: [String] = []

    /// The schedule of `seed`.
    static func schedule(seed: UInt64, cast: ExploreCast, allowed: [ExploreFamily]) -> ExploreSchedule {
        var draw = ExploreScheduleDraw(cast: cast, random: RandomStream(seed: seed, name: "explore.schedule"))
        var families = allowed.filter { _ in draw.random.percent(50) }
        if families.isEmpty { families = [draw.random.pick(allowed)] }
        let phaseEnd = 10_000 + draw.random.nextInt(in: 60_000...120_000)
        var faults: [ExploreFault] = []
        for _ in 0..<draw.random.nextInt(in: 1...8) {
            let start = draw.random.nextInt(in: 10_000...phaseEnd)
            if let fault = draw.fault(draw.random.pick(families), at: start, families: families) { faults.append(fault) }
        }
        faults = faults.enumerated().sorted { ($0.element.millisecond, $0.offset) < ($1.element.millisecond, $1.offset) }.map(\.element)
        return ExploreSchedule(families: families, faults: faults, earliestQuiet: phaseEnd)
    }

    /// One fault of `family` starting at `start` (ms); nil when the cast has nothing to aim at.
    private mutating func fault(_ family: ExploreFamily, at start: Int, families: [ExploreFamily]) -> ExploreFault? {
        func line(_ offset: Int, _ text: String) -> ExploreFault.Line { ExploreFault.Line(millisecond: start + offset, text: text) }
        let healAfter = random.nextInt(in: 2_000...40_000)
        switch family {
        case .crash, .stop:
            let targets = downTargets()
            var fault = ExploreFault(family: family, lines: targets.map { line(0, "\(family.rawValue) \($0)") }, takesDown: targets)
            if families.contains(.restart) && random.percent(60) {
                fault.lines += targets.map { line(healAfter, "restart \($0)") }
                fault.bringsUp = targets
            }
            return fault
        case .restart:
            return ExploreFault(family: family, lines: [line(0, "restart \(random.pick(cast.nodes))")])
        case .partition:
            return ExploreFault(family: family, lines: [line(0, "partition " + partitionGroups()), line(healAfter, "heal")])
        case .isolate:
            return ExploreFault(family: family, lines: [line(0, "isolate \(leaderOr(cast.nodes))"), line(healAfter, "heal")])
        case .drop:
            guard cast.nodes.count >= 2 else { return nil }
            let pair = random.sample(cast.nodes, count: 2)
            let text = random.weighted([(2, "drop leader -> \(pair[1])"), (2, "drop \(pair[1]) -> leader"), (1, "drop \(pair[0]) -> \(pair[1])")])
            return ExploreFault(family: family, lines: [line(0, text), line(healAfter, "heal")])
        case .latency:
            // `heal` keeps latency and loss changes: the fault ends by setting the file's value back.
            let (link, value) = (linkText(), random.pick(["50ms", "200ms", "500ms", "1s", "3s"]))
            return ExploreFault(family: family, lines: [line(0, "latency \(link) \(value)"), line(healAfter, "latency \(link) \(cast.defaultLatency)")])
        case .loss:
            let (link, value) = (linkText(), random.pick([5, 20, 50, 80, 100]))
            return ExploreFault(family: family, lines: [line(0, "loss \(link) \(value)%"), line(healAfter, "loss \(link) \(cast.defaultLoss)")])
        case .kill:
            let services = cast.services.filter { ($0.replicas ?? 1) > 0 }
            guard !services.isEmpty else { return nil }
            let service = random.pick(services)
            let task = service.replicas.map { "\(service.name).\(random.nextInt(in: 1...$0))" } ?? "\(service.name)@\(random.pick(cast.nodes))"
            return ExploreFault(family: family, lines: [line(0, "kill \(task)")])
        case .drain:
            let node = random.percent(70) && !cast.workers.isEmpty ? random.pick(cast.workers) : random.pick(cast.nodes)
            return ExploreFault(family: family, lines: [line(0, "docker node update --availability drain \(node)")], drains: [node])
        case .clock:
            let node = random.pick(cast.nodes)
            guard random.percent(50) else {
                return ExploreFault(family: family, lines: [line(0, "clock \(node) \(random.pick(Self.clockJumps))")])
            }
            return ExploreFault(family: family, lines: [line(0, "clock \(node) rate \(random.pick(Self.clockRates))"),
                                                        line(healAfter, "clock \(node) rate 1")])
        case .disk:
            return diskFault(line)
        }
    }

    /// Clock steps a node may take (NTP stepping a clock, or an operator setting it by hand).
    static let clockJumps = ["+500ms", "-500ms", "+2s", "-2s", "+30s", "-30s", "+1h", "-1h"]
    /// Clock rates: a few per cent fast or slow, and the extremes a broken timer source gives.
    static let clockRates = ["1.01", "1.05", "1.2", "2", "0.99", "0.95", "0.8", "0.5"]
    /// Sync latencies of a slow disk, from a busy SSD to a failing network volume.
    static let syncLatencies = ["10ms", "50ms", "200ms", "1s", "5s"]

    /// A slow disk until it recovers, or a wiped one: the node crashes and boots with an empty
    /// disk, outside the swarm. Wipes take managers only while fewer than (N-1)/2 are wiped, so
    /// that a majority keeps its Raft data (SCENARIO_FORMAT §11); past that they take a worker.
    private mutating func diskFault(_ line: (Int, String) -> ExploreFault.Line) -> ExploreFault? {
        let node = random.pick(cast.nodes)
        let healAfter = random.nextInt(in: 2_000...40_000)
        guard random.percent(30) else {
            return ExploreFault(family: .disk, lines: [line(0, "disk \(node) slow \(random.pick(Self.syncLatencies))"),
                                                       line(healAfter, "disk \(node) slow \(DurationFormat.format(Disk.defaultSyncLatency))")])
        }
        let candidates = cast.workers + (wipedManagers < cast.minority ? cast.managers.filter { !wiped.contains($0) } : [])
        guard !candidates.isEmpty else { return nil }
        let target = random.pick(candidates)
        wiped.append(target)
        return ExploreFault(family: .disk, lines: [line(0, "disk \(target) wipe"), line(0, "crash \(target)"), line(healAfter, "restart \(target)")],
                            takesDown: [target], bringsUp: [target])
    }

    private var wipedManagers: Int { wiped.filter(cast.managers.contains).count }

    /// Hosts to crash or stop: one manager, a minority of them, a majority, or a worker.
    private mutating func downTargets() -> [String] {
        let managers = cast.managers
        let majority = managers.count / 2 + 1
        return random.weighted([
            (4, [random.pick(managers)]),
            (2, random.sample(managers, count: max(1, cast.minority))),
            (1, random.sample(managers, count: majority)),
            (2, cast.workers.isEmpty ? [random.pick(managers)] : [random.pick(cast.workers)]),
        ])
    }

    /// `leader` one time in two, else one of `nodes`.
    private mutating func leaderOr(_ nodes: [String]) -> String {
        random.percent(50) ? "leader" : random.pick(nodes)
    }

    /// The leader alone, a minority of the managers (with some workers), or two groups.
    private mutating func partitionGroups() -> String {
        let minority = random.sample(cast.managers, count: random.nextInt(in: 1...max(1, cast.minority)))
        let workers = random.sample(cast.workers, count: random.nextInt(in: 0...cast.workers.count))
        return random.weighted([
            (2, "leader"),
            (2, (minority + workers.prefix(workers.count / 2)).joined(separator: " ")),
            (workers.isEmpty ? 0 : 1, minority.joined(separator: " ") + " | " + workers.joined(separator: " ")),
        ])
    }

    /// `A B` or `*` (never `leader`: the fault's end must set back the same links).
    private mutating func linkText() -> String {
        guard cast.nodes.count >= 2, random.percent(75) else { return "*" }
        return random.sample(cast.nodes, count: 2).joined(separator: " ")
    }
}
