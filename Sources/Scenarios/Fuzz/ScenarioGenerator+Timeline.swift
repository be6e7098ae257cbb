import SimEngine

/// The `timeline:` section: entries at random times in order, each a fault or a docker
/// command, sometimes several at one instant, and often a quiet tail that heals the
/// network and restarts every host the timeline took down.
extension ScenarioGenerator {
    /// What an entry does; the weights set how often each appears.
    enum EntryKind: CaseIterable {
        case crash, restart, stop, partition, isolate, drop, latency, loss, heal, kill, failPulls
        case availability, label, promote, demote, scale, updateImage, updateForce, updateFlags, rollback
        case create, remove, query

        var weight: Int {
            switch self {
            case .crash, .restart: 10
            case .heal: 8
            case .kill, .availability, .scale: 6
            case .partition, .isolate, .updateImage: 5
            case .drop, .latency, .loss, .stop, .updateForce: 4
            case .promote, .demote, .updateFlags, .rollback, .query: 3
            case .failPulls, .label, .create: 2
            case .remove: 1
            }
        }
    }

    /// Writes `timeline:` (possibly empty) for a run of `duration`.
    mutating func writeTimeline(duration: SimDuration) {
        let count = random.weighted([(weight: 1, value: 0), (weight: 5, value: random.nextInt(in: 1...max(1, limits.maximumEntries / 2))),
                                     (weight: 3, value: random.nextInt(in: 1...max(1, limits.maximumEntries)))])
        let longest = Int(duration.nanoseconds / 1_000_000)
        // Half the runs end with a quiet tail after the last fault: heal, restart what is down.
        let tail = random.percent(50) && longest >= 40_000 ? random.nextInt(in: (longest * 6 / 10)...(longest * 9 / 10)) : nil
        var times = (0..<min(count, limits.maximumEntries)).map { _ in random.nextInt(in: 1000...(tail ?? longest)) }
        times.sort()
        // Some entries share an instant with the one before.
        for index in times.indices.dropFirst() where random.percent(10) { times[index] = times[index - 1] }
        let kinds = EntryKind.allCases.map { (weight: $0.weight, value: $0) }
        var entries: [(time: Int, lines: [String])] = []
        for time in times {
            if let lines = entryLines(random.weighted(kinds)) { entries.append((time, lines)) }
        }
        if let tail {
            entries += recoveryTail(at: tail, end: longest).map { (time: $0.time, lines: [$0.line]) }
        }
        guard !entries.isEmpty else { return }
        write("timeline:")
        for entry in entries {
            write("- at \(DurationFormat.format(.milliseconds(Int64(entry.time)))): \(entry.lines[0])", indent: 1)
            for line in entry.lines.dropFirst() { write(line, indent: 2) }
        }
    }

    /// The lines of one entry (the action, then `via:` if any); nil when it cannot be
    /// written here (no service to act on).
    private mutating func entryLines(_ kind: EntryKind) -> [String]? {
        switch kind {
        case .crash, .restart, .stop, .partition, .isolate, .drop, .latency, .loss, .heal, .kill, .failPulls:
            return faultText(kind).map { [$0] }
        default:
            guard let command = commandText(kind) else { return nil }
            return [command] + viaLine()
        }
    }

    /// `via:` for about a quarter of the commands: the leader, a manager, rarely a worker.
    private mutating func viaLine() -> [String] {
        guard random.percent(25) else { return [] }
        let node = random.weighted([(weight: 3, value: "leader"), (weight: 3, value: random.pick(world.managers.isEmpty ? world.nodes : world.managers)),
                                    (weight: 1, value: random.pick(world.nodes))])
        return ["via: \(node)"]
    }

    /// Heal, then restart every host taken down, a second apart from `time` (ms), by `end`.
    private mutating func recoveryTail(at time: Int, end: Int) -> [(time: Int, line: String)] {
        var tail = [(time: time, line: "heal")]
        for (index, node) in world.down.enumerated() {
            tail.append((time: min(end, time + 1000 * (index + 1)), line: "restart \(node)"))
        }
        world.down.removeAll()
        return tail
    }
}
