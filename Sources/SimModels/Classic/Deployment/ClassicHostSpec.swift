/// One host of a classic deployment: its name, roles and machine (SCENARIO_FORMAT §10 `nodes:`).
public struct ClassicHostSpec: Equatable, Sendable {
    public var name: String
    public var roles: [ClassicRole]
    public var cpus: Int64
    /// Bytes.
    public var memory: Int64
    /// Engine labels (`docker daemon --label key=value`).
    public var labels: [String: String]
    /// key.json's ID, shared by a cloned VM (the seed's `ID duplicated`); nil draws one.
    public var engineID: String?
    /// The host's IP; nil takes the deployment's next one.
    public var ip: String?

    public init(name: String, roles: [ClassicRole], cpus: Int64 = 2, memory: Int64 = 2 << 30,
                labels: [String: String] = [:], engineID: String? = nil, ip: String? = nil) {
        self.name = name
        self.roles = roles.sorted()
        self.cpus = cpus
        self.memory = memory
        self.labels = labels
        self.engineID = engineID
        self.ip = ip
    }

    public func runs(_ role: ClassicRole) -> Bool { roles.contains(role) }
}
