import SimEngine

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
