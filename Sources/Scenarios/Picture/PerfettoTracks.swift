/// The processes and threads of a Perfetto trace: which `pid` and `tid` each track gets.
///
/// The Trace Event Format identifies a track by its process and thread ids; this table gives
/// process 1 to the scenario itself (faults, expectations, commands) and process `n + 2` to
/// node `n`, and numbers threads from 1 across the whole file in the order tracks are first
/// asked for, so that no two threads share an id even in a viewer that takes tids as global.
struct PerfettoTracks {
    struct Thread {
        var pid: Int
        var tid: Int
        var name: String
    }

    /// Every thread, in the order they were added: the order of the metadata events.
    private(set) var threads: [Thread] = []
    /// Looked up only; output order comes from `threads`.
    private var byKey: [String: Int] = [:]

    /// The pid of the scenario's own process.
    static let scenarioPID = 1

    /// The pid of node `index` (nil: the scenario).
    static func pid(ofNode index: Int?) -> Int {
        index.map { $0 + 2 } ?? scenarioPID
    }

    /// The tid of thread `name` of process `pid`, added if new.
    mutating func tid(pid: Int, name: String) -> Int {
        let key = "\(pid)|\(name)"
        if let index = byKey[key] { return threads[index].tid }
        let tid = threads.count + 1
        byKey[key] = threads.count
        threads.append(Thread(pid: pid, tid: tid, name: name))
        return tid
    }
}
