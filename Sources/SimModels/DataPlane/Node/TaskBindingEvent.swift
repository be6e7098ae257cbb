/// What a task's controller tells its node's data plane, at the moments libnetwork acts
/// (moby `executor/container/controller.go` `Start`, `Shutdown`; `libnetwork/agent.go`):
public enum TaskBindingEvent: Sendable {
    /// The container runs: its host-mode ports are bound.
    case containerStarted
    /// The service binding is active (at start without a health check, at the first healthy
    /// probe with one): the task enters the load balancers and DNS everywhere, by gossip.
    case serviceEnabled
    /// An orderly stop begins: weight 0 and DNS records removed (`DisableService`), 2 s before
    /// SIGTERM.
    case serviceDisabled
    /// The container exited: its endpoints are deleted (`sbLeave`) and its ports unbound.
    case containerExited
}
