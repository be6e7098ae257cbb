/// The timeline actions that send traffic through the data plane and are not docker commands.
public enum TrafficActionReference {
    public static let entries: [ReferenceEntry] = [
        ReferenceEntry("curl", "curl NODE:PORT [--max-time 1s]",
                       "one request from outside to a node's published port; prints the answer (\"web.3 on w2 (10.0.0.5)\") "
                       + "or curl's error text (\"curl: (7) Failed to connect to w1 port 8080: Connection refused\")"),
    ]
}
