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

/// When an expectation's condition must hold (the WHEN of SCENARIO_FORMAT §6).
public enum ExpectationWindow: Equatable, Sendable {
    /// `at TIME`: at that instant, after every event at that instant.
    case at(SimInstant)
    /// `at end`: when the run ends.
    case atEnd
    /// `by TIME`: at some instant at or before TIME.
    case by(SimInstant)
    /// `from T1 to T2`: at every instant from T1 to T2 (T1 ≤ T2).
    case during(from: SimInstant, to: SimInstant)
    /// `always`: at every instant of the run.
    case always
    /// `never`: at no instant of the run.
    case never
}
