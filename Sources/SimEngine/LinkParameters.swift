/// The behaviour of one directed link: one-way latency, uniform extra jitter, and loss.
public struct LinkParameters: Equatable, Sendable {
    /// One-way latency.
    public var latency: SimDuration
    /// Each message is delayed by a further uniform amount in `[0, jitter]`.
    public var jitter: SimDuration
    /// Probability in `[0, 1]` that a message is lost.
    public var loss: Double

    public init(latency: SimDuration = .milliseconds(1), jitter: SimDuration = .microseconds(500), loss: Double = 0) {
        self.latency = latency
        self.jitter = jitter
        self.loss = loss
    }
}
