/// The reference as `simrun help TOPIC` prints it, generated from the tables the loader reads.
public enum ReferenceText {
    /// A topic of `simrun help`.
    public enum Topic: String, CaseIterable, Sendable {
        case format, conditions, faults, classic

        /// What the topic covers, for the list of topics.
        public var summary: String {
            switch self {
            case .format: return "the scenario file: every key, the timeline's docker commands and flags"
            case .conditions: return "expectations: WHEN and every condition"
            case .faults: return "the faults a timeline may apply"
            case .classic: return "classic Swarm 1.x with Consul (mode: classic): keys, actions, conditions"
            }
        }
    }

    /// The text of `topic`, lines of at most `width` columns where words allow.
    public static func text(_ topic: Topic, width: Int = 92) -> String {
        var writer = ReferenceWriter(width: width)
        switch topic {
        case .format: writeFormat(&writer)
        case .conditions: writeConditions(&writer)
        case .faults: writeFaults(&writer)
        case .classic: writeClassic(&writer)
        }
        return writer.text
    }

    private static func writeFormat(_ writer: inout ReferenceWriter) {
        writer.paragraph("""
            A scenario (.scn) is a YAML file: block and flow mappings and sequences, plain and quoted \
            scalars, # comments, a | block for description. Anchors, tags, ? keys, several documents and \
            > blocks are errors, as are duplicate keys. Durations are written as in Docker (500us, 250ms, \
            10s, 1m30s, 2h); sizes as 512MiB, 8GiB, 256M, 1G (powers of 1024); cpus as decimals (0.5).
            """)
        for section in KeyReference.Section.allCases where !KeyReference.classicSections.contains(section) {
            writer.heading(section == .topLevel ? "KEYS AT THE TOP" : "KEYS OF \(section.rawValue)")
            writer.entries(KeyReference.entries(section))
        }
        writer.heading("TIMELINE: DOCKER COMMANDS (each entry: - at TIME: ACTION, with via: and expect:)")
        writer.entries(DockerCommandReference.entries)
        writer.heading("TIMELINE: TRAFFIC (the data plane, SCENARIO_FORMAT 9)")
        writer.entries(TrafficActionReference.entries)
        writer.heading("FLAGS OF docker service create")
        writer.paragraph(ServiceFlags.createFlags.map(\.written).joined(separator: " "))
        writer.heading("FLAGS OF docker service update")
        writer.paragraph(ServiceFlags.updateFlags.map(\.written).joined(separator: " "))
        writer.paragraph("Faults are listed by 'simrun help faults', expectations by 'simrun help conditions'.")
    }

    private static func writeConditions(_ writer: inout ReferenceWriter) {
        writer.paragraph("Each entry of expect: is WHEN: CONDITION, such as '- by 72s: leader is one of m2, m3'.")
        writer.heading("WHEN")
        writer.entries(ConditionReference.windows)
        writer.heading("CONDITION (NODE a node name, SERVICE a service name)")
        writer.entries(ConditionReference.conditions)
        writer.heading("COUNTS")
        writer.entries(ConditionReference.counts)
        writer.paragraph("""
            The safety invariants (one leader per term, log matching, no committed entry lost or changed, \
            no slot running two tasks) are checked at every instant of every run without being written.
            """)
    }

    private static func writeClassic(_ writer: inout ReferenceWriter) {
        writer.paragraph("""
            With 'mode: classic' a scenario simulates standalone Swarm 1.x: Consul servers (a Raft cluster), \
            'swarm manage --replication' managers electing a primary on a Consul lock, and engines registered \
            by 'swarm join'. The top-level keys are those of Swarm mode without services:.
            """)
        for section in KeyReference.classicSections {
            writer.heading("KEYS OF \(section.rawValue)")
            writer.entries(KeyReference.entries(section))
        }
        writer.heading("TIMELINE ACTIONS")
        writer.entries(ClassicReference.actions)
        writer.heading("CONDITIONS")
        writer.entries(ClassicReference.conditions)
        writer.paragraph("""
            Consul's Raft is checked like the managers' Raft in Swarm mode. Two managers acting as primary at \
            once (an old primary that has not yet noticed its lock session expired) is reported as the finding \
            'split primary' with its duration, not as a violation.
            """)
    }

    private static func writeFaults(_ writer: inout ReferenceWriter) {
        writer.paragraph("A fault is a timeline action, such as '- at 30s: crash m1'. 'leader' may stand for a node: the leader at that instant ('crash leader').")
        writer.heading("FAULTS")
        writer.entries(FaultReference.entries)
    }
}

extension FlagSpec {
    /// `--publish/-p VALUE` or `--force`.
    var written: String {
        (short.map { "\(long)/\($0)" } ?? long) + (takesValue ? " V" : "")
    }
}
