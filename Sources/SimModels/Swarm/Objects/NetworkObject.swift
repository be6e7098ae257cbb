/// An overlay network as the store holds it.
public struct NetworkObject: Equatable, Sendable {
    public var id: NetworkID
    public var name: String
    public var driver: String = "overlay"
    /// `10.0.1.0/24`.
    public var subnet: String
    /// `10.0.1.1`.
    public var gateway: String
    /// The routing-mesh network that published ports use.
    public var isIngress: Bool = false

    public init(id: NetworkID, name: String, subnet: String, gateway: String, isIngress: Bool = false) {
        self.id = id
        self.name = name
        self.subnet = subnet
        self.gateway = gateway
        self.isIngress = isIngress
    }
}
