import SimEngine
import SimModels

/// Finds the times two managers act as primary at once (SCENARIO_FORMAT §10): an old primary
/// that has not yet noticed that its lock session expired while another acquired the lock. The
/// real system does this, so it is a finding with its duration, not a violation.
final class SplitPrimaryWatch {
    private var since: SimInstant?
    private var hosts: [String] = []
    /// `split primary: m1, m2 acted as primary together for 3.204s (from 41.000s)`, in order.
    private(set) var findings: [String] = []

    /// After every instant, with the hosts whose manager acts as primary now.
    func observe(_ acting: [String], at now: SimInstant, simulation: Simulation) {
        if acting.count > 1 {
            if since == nil {
                since = now
                simulation.emit(node: "-", component: "finding", kind: "finding.split-primary",
                                "split primary: \(acting.joined(separator: ", ")) act as primary together",
                                fields: [TraceField("hosts", acting.joined(separator: ","))])
            }
            for host in acting where !hosts.contains(host) { hosts.append(host) }
        } else if let start = since {
            close(from: start, to: now, simulation: simulation)
        }
    }

    /// Closes a split still open when the run ends.
    func finish(at end: SimInstant, simulation: Simulation) {
        if let start = since { close(from: start, to: end, simulation: simulation) }
    }

    private func close(from start: SimInstant, to end: SimInstant, simulation: Simulation) {
        let text = "split primary: \(hosts.joined(separator: ", ")) acted as primary together for "
            + "\(DurationFormat.secondsWithMillis(end - start))s (from \(start))"
        findings.append(text)
        simulation.emit(node: "-", component: "finding", kind: "finding.split-primary.end", text,
                        fields: [TraceField("duration_ns", Int((end - start).nanoseconds))])
        since = nil
        hosts = []
    }
}
