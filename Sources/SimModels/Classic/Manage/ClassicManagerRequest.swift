/// A call of the Docker API that a `docker -H <manager>:4000` client makes to a classic manager
/// (`api/router.go`): the ones of SCENARIO_FORMAT §10.
public enum ClassicManagerRequest: Sendable {
    /// `GET /info`: answered by every manager itself (`api/replica.go` serves `/info` locally).
    case info
    /// `GET /containers/json[?all=1]`.
    case ps(all: Bool)
    /// `POST /containers/create` then `POST /containers/<id>/start` (`docker run -d`), with the
    /// config as the client sent it (environment entries not yet moved into labels).
    case run(ClassicContainerConfig, name: String?)
    /// `DELETE /containers/<name>[?force=1]`.
    case remove(String, force: Bool)
    /// `POST /containers/<name>/stop`.
    case stop(String)
    /// `POST /containers/<name>/start`.
    case start(String)

    /// Whether a replica answers it itself (`/info`, `/_ping`, `/debug` in `api/replica.go`).
    var isServedByReplica: Bool {
        if case .info = self { return true }
        return false
    }
}

/// A classic manager's answer.
public enum ClassicManagerResponse: Sendable {
    case info(ClassicInfo)
    case ps([ClassicPsRow])
    /// A container created (and started): its ID.
    case created(id: String)
    case done
    /// An error status and the text the client prints after `Error response from daemon: `.
    case error(status: Int, text: String)
}
