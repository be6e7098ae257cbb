import SimEngine

/// One entry of `expect:`: a condition and when it must hold.
public struct ScenarioExpectation: Equatable, Sendable {
    /// When the condition must hold.
    public var window: ExpectationWindow
    /// What must hold.
    public var condition: Condition
    /// The entry as written, `WHEN: CONDITION` (`by 50s: leader is one of m2, m3`), for reports.
    public var text: String
    /// Where the entry starts, for reports.
    public var location: SourceLocation

    /// An expectation.
    public init(window: ExpectationWindow, condition: Condition, text: String, location: SourceLocation) {
        self.window = window
        self.condition = condition
        self.text = text
        self.location = location
    }
}
