/// One `SERVICE=N` of `docker service scale`.
public struct ServiceScale: Equatable, Sendable {
    /// The service's name.
    public var service: String
    /// The new replica count.
    public var replicas: Int

    /// A scale request.
    public init(service: String, replicas: Int) {
        self.service = service
        self.replicas = replicas
    }
}
