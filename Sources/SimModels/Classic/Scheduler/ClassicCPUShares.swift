/// Classic Swarm's two meanings of `-c`: to the user and the scheduler it is a count of reserved
/// CPUs; the engine is given CPU shares. `Engine.Create` converts one way, the refresh of a
/// container (`updateContainer`) the other (`cluster/engine.go`).
public enum ClassicCPUShares {
    /// `ceil(cpus×1024 / engineCpus)`: the shares the engine is asked for.
    public static func engineShares(reservedCpus: Int64, engineCpus: Int64) -> Int64 {
        guard engineCpus > 0 else { return 0 }
        return (reservedCpus * 1024 + engineCpus - 1) / engineCpus
    }

    /// `shares×engineCpus / 1024` (integer division): the reserved CPUs a refresh reads back.
    public static func reservedCpus(engineShares: Int64, engineCpus: Int64) -> Int64 {
        engineShares * engineCpus / 1024
    }
}
