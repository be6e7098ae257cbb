import SimEngine

/// A fault or change of environment of the timeline (SCENARIO_FORMAT §5).
public enum Fault: Equatable, Sendable {
    /// `crash NODE`: the host stops at once; volatile state is lost.
    case crash(NodeReference)
    /// `restart NODE`: the host boots again; the engine restarts from its disk.
    case restart(NodeReference)
    /// `stop NODE`: a clean shutdown (containers stopped, then the host).
    case stop(NodeReference)
    /// `partition A B | C D`: the groups as written; unlisted nodes form one more group.
    case partition([[NodeReference]])
    /// `isolate NODE`: cut one node off from every other.
    case isolate(NodeReference)
    /// `heal`: remove every partition, isolation, one-way drop, latency and loss override
    /// (links return to `cluster.network`), image-pull failure, clock rate and slow disk.
    case heal
    /// `drop A -> B`: one-way loss of every message from A to B, until `heal`.
    case drop(from: NodeReference, to: NodeReference)
    /// `latency A B 200ms` / `latency * 200ms`: the one-way latency, both directions.
    case latency(LinkSelector, SimDuration)
    /// `loss A B 20%` / `loss * 20%`: the probability in [0, 1] that a message is lost.
    case loss(LinkSelector, Double)
    /// `kill TASK`: the task's container exits with code 137.
    case kill(TaskReference)
    /// `fail NODE image-pull`: pulls on that node fail until `heal`.
    case failImagePulls(NodeReference)
    /// `clock NODE +2s` / `clock NODE -500ms`: the node's wall clock jumps; its timers do not.
    case clockJump(NodeReference, SimDuration)
    /// `clock NODE rate 1.05`: the node's clock, timers and timestamps alike, runs at that rate
    /// until `heal`.
    case clockRate(NodeReference, Double)
    /// `disk NODE slow 200ms`: every sync of that node's disk takes that long, until `heal`.
    case diskSlow(NodeReference, SimDuration)
    /// `disk NODE wipe`: the node's disk is lost; its next boot starts from an empty disk.
    case diskWipe(NodeReference)
    /// `firewall NODE deny|allow PORT[/tcp|udp]`: every inbound packet to that port of the node
    /// is dropped from then on (deny), or no longer (allow); both transports unless one is named.
    case firewall(NodeReference, FirewallRule)
    /// `fail TASK health`: that task's health checks fail until `heal`.
    case failHealth(TaskReference)

    /// The fault's word, as written first in the action: `crash`, `partition`...
    public var name: String {
        switch self {
        case .crash: "crash"
        case .restart: "restart"
        case .stop: "stop"
        case .partition: "partition"
        case .isolate: "isolate"
        case .heal: "heal"
        case .drop: "drop"
        case .latency: "latency"
        case .loss: "loss"
        case .kill: "kill"
        case .failImagePulls, .failHealth: "fail"
        case .firewall: "firewall"
        case .clockJump, .clockRate: "clock"
        case .diskSlow, .diskWipe: "disk"
        }
    }
}

/// The links a `latency` or `loss` fault changes.
public enum LinkSelector: Hashable, Sendable {
    /// `*`: every link.
    case all
    /// `A B`: the links between two nodes, both directions.
    case between(NodeReference, NodeReference)
}

/// The rule of a `firewall` fault.
public struct FirewallRule: Equatable, Sendable, CustomStringConvertible {
    /// True for `deny`, false for `allow`.
    public var deny: Bool
    /// The port number, 1 to 65535.
    public var port: UInt16
    /// `tcp` or `udp`; nil for both.
    public var transport: NetworkPort.Transport?

    public init(deny: Bool, port: UInt16, transport: NetworkPort.Transport?) {
        self.deny = deny
        self.port = port
        self.transport = transport
    }

    /// As written: `deny 4789/udp`.
    public var description: String {
        (deny ? "deny " : "allow ") + "\(port)" + (transport.map { "/\($0)" } ?? "")
    }
}
