/// A fault family `simrun explore` may draw from (SCENARIO_FORMAT §11). Each seed turns on a
/// random non-empty subset of the families allowed (swarm testing: Groce et al., "Swarm
/// Testing", ISSTA 2012), so that rare combinations are tried as often as common ones.
public enum ExploreFamily: String, CaseIterable, Equatable, Sendable {
    case crash, restart, stop, partition, isolate, drop, latency, loss, kill, drain, clock, disk

    /// The families of a `--faults` list (`crash,partition`), in the order of `allCases`;
    /// nil and the unknown word when one is not a family.
    public static func parseList(_ text: String) -> (families: [ExploreFamily]?, unknown: String?) {
        var chosen: [ExploreFamily] = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = word.trimmingCharacters(in: .whitespaces)
            guard let family = ExploreFamily(rawValue: name) else { return (nil, name) }
            if !chosen.contains(family) { chosen.append(family) }
        }
        return (allCases.filter(chosen.contains), nil)
    }
}
