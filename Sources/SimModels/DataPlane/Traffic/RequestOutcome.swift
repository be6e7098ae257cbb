/// How one request of a simulated client ended (SCENARIO_FORMAT §9): answered, or the way it failed.
///
/// The outcome is decided by what the simulated network and hosts did to the request, never by a
/// formula: `refused` when the entry node or backend answered with a TCP reset to the SYN (no
/// backend, port not open, app not accepting), `timeout` when nothing came back in the client's
/// timeout, `reset` when the backend went away mid-request, `unresolved` when the embedded DNS had
/// no answer for the name.
public enum RequestOutcome: String, CaseIterable, Sendable {
    case ok
    case refused
    case timeout
    case reset
    case unresolved
}
