import SimEngine

/// A drawn fault schedule: the families a seed turned on, its faults, and the quiet phase
/// that follows them (SCENARIO_FORMAT §11): at its start every fault is healed, then every
/// host taken down boots again and every drained node is made active again.
public struct ExploreSchedule: Equatable, Sendable {
    /// The families the seed turned on, in the order of `ExploreFamily.allCases`.
    public var families: [ExploreFamily]
    /// The faults, ordered by their first entry.
    public var faults: [ExploreFault]
    /// The quiet phase never starts before this (milliseconds).
    public var earliestQuiet: Int

    /// When the quiet phase starts: a second after the last entry of any fault, and never
    /// before `earliestQuiet`.
    public var quietMillisecond: Int {
        max(earliestQuiet, (faults.map(\.lastMillisecond).max() ?? 0) + 1000)
    }

    /// Every timeline entry: the faults' in time order (stable), then the quiet phase's.
    public var timeline: [ExploreFault.Line] {
        var lines = faults.flatMap(\.lines).enumerated().sorted {
            ($0.element.millisecond, $0.offset) < ($1.element.millisecond, $1.offset)
        }.map(\.element)
        lines += quietLines
        return lines
    }

    /// `heal`, a `restart` a second apart for every host still down, and twice (30 s and 60 s
    /// in, in case the first finds no leader) an `active` for every drained node.
    var quietLines: [ExploreFault.Line] {
        let start = quietMillisecond
        var down: [String] = []
        var drained: [String] = []
        // Downs at a fault's first entry, boots at its last, in time order (downs first at a tie).
        var changes: [(millisecond: Int, boots: Bool, nodes: [String])] = []
        for fault in faults {
            changes.append((fault.millisecond, false, fault.takesDown))
            changes.append((fault.lastMillisecond, true, fault.bringsUp))
            for node in fault.drains where !drained.contains(node) { drained.append(node) }
        }
        for change in changes.enumerated().sorted(by: {
            ($0.element.millisecond, $0.element.boots ? 1 : 0, $0.offset) < ($1.element.millisecond, $1.element.boots ? 1 : 0, $1.offset)
        }).map(\.element) {
            if change.boots {
                down.removeAll { change.nodes.contains($0) }
            } else {
                for node in change.nodes where !down.contains(node) { down.append(node) }
            }
        }
        var lines = [ExploreFault.Line(millisecond: start, text: "heal")]
        for (index, node) in down.enumerated() {
            lines.append(ExploreFault.Line(millisecond: start + 1000 * (index + 1), text: "restart \(node)"))
        }
        for delay in [30_000, 60_000] {
            for node in drained {
                lines.append(ExploreFault.Line(millisecond: start + delay, text: "docker node update --availability active \(node)"))
            }
        }
        return lines
    }

    /// The schedule with only the faults at `indices`.
    public func keeping(_ indices: [Int]) -> ExploreSchedule {
        var copy = self
        copy.faults = indices.sorted().map { faults[$0] }
        return copy
    }
}
