/// A whole number a count must equal, reach or not exceed: `N`, `at least N`, `at most N`.
public enum CountRequirement: Equatable, Sendable, CustomStringConvertible {
    /// `N`
    case exactly(Int)
    /// `at least N`
    case atLeast(Int)
    /// `at most N`
    case atMost(Int)

    /// Whether `count` meets the requirement.
    public func isSatisfied(by count: Int) -> Bool {
        switch self {
        case .exactly(let n): count == n
        case .atLeast(let n): count >= n
        case .atMost(let n): count <= n
        }
    }

    /// As written: `3`, `at least 3`, `at most 3`.
    public var description: String {
        switch self {
        case .exactly(let n): "\(n)"
        case .atLeast(let n): "at least \(n)"
        case .atMost(let n): "at most \(n)"
        }
    }
}
