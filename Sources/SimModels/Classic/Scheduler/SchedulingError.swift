/// A scheduling failure with the text the manager returns to the client (status 500).
public struct SchedulingError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    /// `errNoNodeAvailable` (`scheduler/scheduler.go`).
    public static let noNodeAvailable = SchedulingError("No nodes available in the cluster")
    /// `ErrNoHealthyNodeAvailable` (`scheduler/filter/health.go`).
    public static let noHealthyNode = SchedulingError("No healthy node available in the cluster")
    /// `ErrNoNodeWithFreeSlotsAvailable` (`scheduler/filter/slots.go`, 1.2.1+).
    public static let noFreeSlots = SchedulingError("No node with enough open slots available in the cluster")
    /// `ErrNoResourcesAvailable` (`scheduler/strategy/strategy.go`).
    public static let noResources = SchedulingError("no resources available to schedule container")
}
