/// Told what the engine changes that a watcher of the run derives answers from: a host going
/// up or down, and the network's cuts moving (partitions, drops, heals).
///
/// The engine keeps no counters or caches for watchers: a watcher (the scenario layer) keeps
/// its own, from these calls and the models' reports. Calls come as the change happens, in the
/// middle of an instant; a watcher reads the world after the instant (`afterEachInstant`).
public protocol EngineObserver: AnyObject {
    /// `host` changed state (booting, up, crashed, stopped).
    func hostStateChanged(_ host: HostID)
    /// Some link was cut or restored, or a firewall rule was added or removed.
    func networkCutsChanged()
}
