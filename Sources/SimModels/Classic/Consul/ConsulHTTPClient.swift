import SimEngine

/// Why a Consul call failed, as the Go client reports it.
public enum ConsulClientError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No answer within the HTTP client's timeout (Go `net/http`).
    case timeout
    /// A non-2xx status other than the 404s the API treats as "absent"
    /// (hashicorp/consul `api/api.go` `requireOK`).
    case unexpectedResponse(status: Int, body: String)

    public var description: String {
        switch self {
        case .timeout: return "net/http: request canceled (Client.Timeout exceeded while awaiting headers)"
        case .unexpectedResponse(let status, let body): return "Unexpected response code: \(status) (\(body))"
        }
    }
}

/// An HTTP connection from a host to one Consul server's port 8500 (what hashicorp/consul's
/// `api.Client` is to libkv): each call travels as a message and is answered by one, or fails
/// after the request timeout. A blocking read's timeout is its wait plus jitter on top.
///
/// The timeout stands in for the connection failing. The consul api client of 2016 uses Go's
/// default transport, whose dialer gives up after 30 s (the default here); a call on a
/// kept-alive connection to a host that died would hang until TCP gives up, which this model
/// cuts to the same timeout. (libkv's own "timeout" option sets the blocking wait, not this.)
public final class ConsulHTTPClient: HostComponent {
    public let host: Host
    public var isRunning: Bool { !stopped }
    let simulation: Simulation
    /// The connection's number on its host (answers are routed by it).
    public let connection: Int
    /// The server this client talks to.
    public var server: HostID
    /// The HTTP client's timeout for a call that does not block.
    public var requestTimeout: SimDuration
    private var pending: [UInt64: (completion: (Result<ConsulResponse, ConsulClientError>) -> Void, timer: TimerID)] = [:]
    private var nextCall: UInt64 = 0
    private var stopped = false

    public init(host: Host, simulation: Simulation, connection: Int, server: HostID, requestTimeout: SimDuration = .seconds(30)) {
        self.host = host
        self.simulation = simulation
        self.connection = connection
        self.server = server
        self.requestTimeout = requestTimeout
    }

    /// Sends `request`; `completion` runs once, with the answer or the timeout.
    public func call(_ request: ConsulRequest, completion: @escaping (Result<ConsulResponse, ConsulClientError>) -> Void) {
        guard !stopped else { return }
        let id = nextCall
        nextCall += 1
        let timeout = requestTimeout + (request.blockingWait ?? .zero)
        let timer = simulation.schedule(after: timeout, for: self) { client in
            client.pending.removeValue(forKey: id)?.completion(.failure(.timeout))
        }
        pending[id] = (completion, timer)
        simulation.network.send(ConsulWire.call(client: connection, call: id, request), from: host.id, to: server)
    }

    /// An answer arrived.
    public func receive(call id: UInt64, _ response: ConsulResponse) {
        guard !stopped, let entry = pending.removeValue(forKey: id) else { return }
        simulation.cancel(entry.timer)
        entry.completion(.success(response))
    }

    /// Closes the connection; pending calls are forgotten.
    public func stop() {
        stopped = true
        for id in pending.keys.sorted() { if let timer = pending[id]?.timer { simulation.cancel(timer) } }
        pending.removeAll()
    }
}
