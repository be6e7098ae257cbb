import SimEngine

// The operator's clients on the `cli` host: `docker -H <node>:4000 ...` and `swarm list`.

extension ClassicDeployment {
    /// How long the docker client waits (it has no timeout of its own; the model cuts it).
    public static let clientTimeout: SimDuration = .seconds(60)
    /// `swarm list --timeout` (10 s).
    public static let listTimeout: SimDuration = .seconds(10)

    private var cli: ClassicHostSoftware? { hostSoftware(Self.cliHostName) }

    /// `docker -H <via>:4000 <request>`; `completion` runs once with what the client prints.
    public func docker(_ request: ClassicManagerRequest, via node: String, completion: @escaping (ClassicCommandResult) -> Void) {
        guard let cli, let destination = hostIDs[node] else { return completion(.failed(ClassicCommandResult.cannotConnect)) }
        cli.makeHTTPClient().call(.manager(request), to: destination, timeout: Self.clientTimeout) { result in
            switch result {
            case .success(.manager(let response)):
                switch response {
                case .info(let info): completion(.info(info))
                case .ps(let rows): completion(.ps(rows))
                case .created(let id): completion(.created(id: id))
                case .done: completion(.done)
                case .error(_, let text) where text == "EOF": completion(.failed("An error occurred trying to connect: EOF"))
                case .error(_, let text): completion(.failed("Error response from daemon: \(text)"))
                }
            case .failure(.closed):
                completion(.failed("An error occurred trying to connect: EOF"))
            case .failure, .success:
                completion(.failed(ClassicCommandResult.cannotConnect))
            }
        }
    }

    /// `swarm list consul://<first server>:8500` (`cli/list.go`): the first watch result of
    /// the nodes' prefix, or `Timed out` after `--timeout`.
    public func swarmList(completion: @escaping (SwarmListResult) -> Void) {
        guard let cli, let server = environment.consulServers.first else { return completion(.timedOut) }
        let client = cli.makeConsulClient(server: server)
        var answered = false
        let finish = { (result: SwarmListResult) in
            guard !answered else { return }
            answered = true
            client.stop()
            completion(result)
        }
        simulation.schedule(after: Self.listTimeout) { finish(.timedOut) }
        ConsulKV(client: client).list(SwarmJoinAgent.nodesPrefix) { result in
            guard case .success(let pairs) = result else { return }
            finish(.addresses(pairs.map(\.value).filter { !$0.isEmpty }))
        }
    }
}
