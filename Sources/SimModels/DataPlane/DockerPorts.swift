import SimEngine

/// The ports Docker's swarm mode listens on, which firewall rules name (`firewall-cmd
/// --add-port=2377/tcp --add-port=7946/tcp --add-port=7946/udp --add-port=4789/udp`, Docker's
/// "Open protocols and ports between the hosts" and NETWORK_FACTS.md §1).
public enum DockerPorts {
    /// Cluster management: Raft, the dispatcher, control calls (SwarmKit's gRPC listener).
    public static let clusterManagement = NetworkPort(2377, .tcp)
    /// Gossip over UDP: memberlist's probes, acks, indirect probes and gossip packets.
    public static let gossipUDP = NetworkPort(7946, .udp)
    /// Gossip over TCP: memberlist's push-pull, TCP fallback probes and NetworkDB's bulk syncs.
    public static let gossipTCP = NetworkPort(7946, .tcp)
    /// Overlay data (VXLAN).
    public static let overlayData = NetworkPort(4789, .udp)
}
