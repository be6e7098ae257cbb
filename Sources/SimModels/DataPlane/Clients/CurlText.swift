import SimEngine

/// What `curl` prints for one request (curl's `strerror.c` texts for exit codes 7, 28, 56).
enum CurlText {
    static func output(_ reply: ConnectionReply?, node: String, port: Int, maxTime: SimDuration) -> String {
        switch reply {
        case let .answered(task, on, address)?:
            "\(task) on \(on) (\(address))"
        case .refused?:
            "curl: (7) Failed to connect to \(node) port \(port): Connection refused"
        case .reset?:
            "curl: (56) Recv failure: Connection reset by peer"
        case nil:
            "curl: (28) Connection timed out after \(maxTime.nanoseconds / 1_000_000) milliseconds"
        }
    }
}
