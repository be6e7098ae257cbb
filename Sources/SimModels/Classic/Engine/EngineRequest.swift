/// A call of the Docker Remote API that classic Swarm makes to an engine (`cluster/engine.go`):
/// the info and version a manager validates and refreshes with, the container list, and the
/// container operations it forwards for users.
public enum EngineRequest: Sendable {
    /// `GET /info` and `GET /version`, with the image list (`updateSpecs`, `RefreshImages`).
    case info
    /// `GET /containers/json?all=1` with each container inspected (`RefreshContainers`).
    case containers
    /// `POST /containers/create?name=` (the image is pulled when missing).
    case create(ClassicContainerConfig, name: String?)
    /// `POST /containers/<id>/start`.
    case start(id: String)
    /// `POST /containers/<id>/stop`.
    case stop(id: String)
    /// `DELETE /containers/<id>?force=`.
    case remove(id: String, force: Bool)
}

/// An engine's answer.
public enum EngineResponse: Sendable {
    case info(EngineSpecs, images: [ClassicImage])
    case containers([ClassicContainer])
    case created(id: String)
    case done
    /// An error status with the daemon's text.
    case error(status: Int, text: String)
}
