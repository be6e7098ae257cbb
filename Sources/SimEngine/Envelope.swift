/// A message body. Models define their own message types; the network only carries them.
public protocol NetworkMessage {}

/// A message as delivered: who sent it, to whom, and the body.
public struct Envelope {
    public var from: HostID
    public var to: HostID
    public var message: any NetworkMessage
    /// When it was sent.
    public var sentAt: SimInstant
}
