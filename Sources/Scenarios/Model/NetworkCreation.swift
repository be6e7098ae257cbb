/// What `docker network create` asks for.
public struct NetworkCreation: Equatable, Sendable {
    /// The network's name.
    public var name: String
    /// The driver (always `overlay`: the only one a swarm service can use).
    public var driver: String
    /// `--subnet`, as written (`10.0.9.0/24`); nil to allocate from the default pool.
    public var subnet: String?
    /// `--attachable`.
    public var attachable: Bool

    /// A network request.
    public init(name: String, driver: String = "overlay", subnet: String? = nil, attachable: Bool = false) {
        self.name = name
        self.driver = driver
        self.subnet = subnet
        self.attachable = attachable
    }
}
