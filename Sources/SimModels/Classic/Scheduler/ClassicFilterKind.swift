/// The filters of classic Swarm's scheduler (`scheduler/filter/`), by the name `--filter` and
/// `docker info`'s `Filters:` line use.
public enum ClassicFilterKind: String, Sendable, CaseIterable {
    case health
    case port
    case containerSlots = "containerslots"
    case dependency
    case affinity
    case constraint
    case whitelist

    /// The filter's name (`Filter.Name()`).
    public var name: String { rawValue }
}
