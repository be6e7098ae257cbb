import SimModels

/// What `docker node update` changes on one node.
public struct NodeUpdate: Equatable, Sendable {
    /// The node to change.
    public var node: NodeReference
    /// `--availability active|pause|drain`.
    public var availability: NodeAvailability?
    /// `--role manager|worker`.
    public var role: NodeRole?
    /// `--label-add k=v` (a bare `k` sets an empty value), in the order written.
    public var labelsToAdd: [Label]
    /// `--label-rm k`, in the order written.
    public var labelsToRemove: [String]

    /// A node update.
    public init(
        node: NodeReference,
        availability: NodeAvailability? = nil,
        role: NodeRole? = nil,
        labelsToAdd: [Label] = [],
        labelsToRemove: [String] = []
    ) {
        self.node = node
        self.availability = availability
        self.role = role
        self.labelsToAdd = labelsToAdd
        self.labelsToRemove = labelsToRemove
    }

    /// `labels` after this update: additions first, then removals, as the Docker CLI applies them.
    /// - Throws: Docker's error when a removed key is not there.
    public func applied(to labels: [Label]) throws(DockerCommandError) -> [Label] {
        var result = labels
        for label in labelsToAdd { result.set(label.key, label.value) }
        for key in labelsToRemove {
            guard result[label: key] != nil else {
                throw DockerCommandError("key \(key) doesn't exist in node's labels")
            }
            result.set(key, nil)
        }
        return result
    }
}
