import SimEngine

/// Chooses which manager an agent talks to, as SwarmKit's `remotes` does: weighted random
/// over the known managers, every manager starting at weight 10, a failed dial observed as −10
/// and a success as +10, smoothed by a factor of 0.5 and clipped to ±256.
struct ManagerPicker {
    private var managers: [HostID] = []
    private var weights: [Double] = []

    static let initialWeight = 10.0
    static let smoothing = 0.5
    static let clip = 256.0

    /// Replaces the known managers, keeping the weights of those already known.
    mutating func setManagers(_ hosts: [HostID]) {
        let sortedHosts = hosts.sorted()
        var newWeights: [Double] = []
        for host in sortedHosts {
            if let index = managers.firstIndex(of: host) {
                newWeights.append(weights[index])
            } else {
                newWeights.append(Self.initialWeight)
            }
        }
        managers = sortedHosts
        weights = newWeights
    }

    var isEmpty: Bool { managers.isEmpty }

    /// Every manager known, whatever its weight (SwarmKit `remotes.Weights`), in host order.
    var hosts: [HostID] { managers }

    /// Forgets `host` (to pick among the others).
    mutating func remove(_ host: HostID) {
        guard let index = managers.firstIndex(of: host) else { return }
        managers.remove(at: index)
        weights.remove(at: index)
    }

    /// Records the outcome of talking to `host`.
    mutating func observe(_ host: HostID, succeeded: Bool) {
        guard let index = managers.firstIndex(of: host) else { return }
        let sample = succeeded ? Self.initialWeight : -Self.initialWeight
        let updated = weights[index] * (1 - Self.smoothing) + sample * Self.smoothing
        weights[index] = min(max(updated, -Self.clip), Self.clip)
    }

    /// A manager drawn with probability growing with its weight (weights shifted so the lowest counts 1).
    mutating func pick(using random: inout RandomStream) -> HostID? {
        guard let lowest = weights.min() else { return nil }
        let shifted = weights.map { $0 - lowest + 1 }
        let total = shifted.reduce(0, +)
        var draw = random.nextDouble() * total
        for (index, weight) in shifted.enumerated() {
            draw -= weight
            if draw < 0 { return managers[index] }
        }
        return managers.last
    }
}
