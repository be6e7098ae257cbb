/// A simulated time value kept as a whole number of nanoseconds (`SimInstant`, `SimDuration`).
/// It encodes as that one integer, not as an object, so that a value crosses a process
/// boundary exactly and compactly (`simrun check` sends run results from its worker
/// processes as JSON).
public protocol NanosecondCount: Codable {
    init(nanoseconds: Int64)
    var nanoseconds: Int64 { get }
}

extension NanosecondCount {
    public init(from decoder: any Decoder) throws {
        self.init(nanoseconds: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(nanoseconds)
    }
}

extension SimInstant: NanosecondCount {}
extension SimDuration: NanosecondCount {}
