import SimModels

extension ClassicRole {
    /// The prefix of the hosts generated for the role (SCENARIO_FORMAT §10): `c1..`, `m1..`, `e1..`.
    public var namePrefix: String {
        switch self {
        case .consul: "c"
        case .manager: "m"
        case .engine: "e"
        }
    }
}
