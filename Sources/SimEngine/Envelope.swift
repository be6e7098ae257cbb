/// A message body. Models define their own message types; the network only carries them.
public protocol NetworkMessage {
    /// Hands the delivered message to its destination's software. A message type can override
    /// this to reach its own receivers with the message already typed (double dispatch): a cast
    /// of the existential body on every delivery costs more than the rest of the delivery.
    func deliver(_ envelope: Envelope, to software: HostSoftware)

    /// The port and transport the message goes to on its destination, which inbound firewall
    /// rules match. Read only while some rule exists (`Network.deny`), so a message type pays
    /// nothing for it otherwise. A type that names none is `NetworkPort.ephemeral`: no rule
    /// drops it.
    var port: NetworkPort { get }
}

extension NetworkMessage {
    public var port: NetworkPort { .ephemeral }

    public func deliver(_ envelope: Envelope, to software: HostSoftware) {
        software.receive(envelope)
    }
}

/// A message as delivered: who sent it, to whom, and the body.
public struct Envelope {
    public var from: HostID
    public var to: HostID
    public var message: any NetworkMessage
    /// When it was sent.
    public var sentAt: SimInstant

    @inlinable
    public init(from: HostID, to: HostID, message: any NetworkMessage, sentAt: SimInstant) {
        self.from = from
        self.to = to
        self.message = message
        self.sentAt = sentAt
    }
}
