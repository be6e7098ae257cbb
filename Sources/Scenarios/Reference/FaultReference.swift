/// The faults of a timeline (`crash m1`, `partition m1 | m2 m3`...): the loader's list of
/// fault words and their usage hints come from this table.
public enum FaultReference {
    public static let entries: [ReferenceEntry] = [
        ReferenceEntry("crash", "crash NODE", "the host stops at once; volatile state and unsynced disk writes are lost"),
        ReferenceEntry("restart", "restart NODE", "the host boots again; the engine restarts from its disk"),
        ReferenceEntry("stop", "stop NODE", "a clean shutdown: containers stopped, then the host"),
        ReferenceEntry("partition", "partition A B | C D",
                       "cut the network into groups; nodes not listed form one more group"),
        ReferenceEntry("isolate", "isolate NODE", "cut one node off from every other"),
        ReferenceEntry("heal", "heal",
                       "end every fault still in force: partitions, isolation, drops, latency and loss overrides, image-pull failures, firewall rules, failed health checks, "
                       + "clock rates, slow disks (a clock jump or a wiped disk stays done)"),
        ReferenceEntry("drop", "drop A -> B", "one-way loss of every message from A to B, until heal"),
        ReferenceEntry("latency", "latency A B 200ms, or latency * 200ms",
                       "set the one-way latency between two nodes (or between every two nodes), until heal"),
        ReferenceEntry("loss", "loss A B 20%, or loss * 20%",
                       "random loss between two nodes (or between every two nodes), until heal"),
        ReferenceEntry("kill", "kill web.2, or kill app@w1 for a global service",
                       "the task's container exits with code 137 (a replica by SERVICE.SLOT, a global task by SERVICE@NODE)"),
        ReferenceEntry("fail", "fail NODE image-pull, or fail TASK health",
                       "image pulls on that node fail until heal; or that task's health checks fail until heal (fail web.2 health)"),
        ReferenceEntry("clock", "clock NODE +2s, clock NODE -500ms, or clock NODE rate 1.05",
                       "the node's wall clock jumps (the timestamps it writes move, its timers do not), or runs at that rate "
                       + "(timers and timestamps alike) until heal"),
        ReferenceEntry("disk", "disk NODE slow 200ms, or disk NODE wipe",
                       "every sync of the node's disk takes that long until heal; or the disk is lost and the node's next boot "
                       + "starts empty, outside the swarm"),
        ReferenceEntry("firewall", "firewall NODE deny|allow PORT[/tcp|udp]",
                       "from then on every inbound packet to that port of the node is dropped (both protocols unless one is named), "
                       + "as iptables -j DROP: senders see timeouts; allow removes the rule. 2377 carries cluster management, "
                       + "7946 gossip, 4789/udp overlay data"),
    ]

    /// The fault words, in the order the format lists them.
    public static var words: [String] { entries.keywords }

    /// How the fault `word` is written (for hints), or the word itself.
    public static func usage(of word: String) -> String {
        entries.first { $0.keyword == word }?.form ?? word
    }
}
