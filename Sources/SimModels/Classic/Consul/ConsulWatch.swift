import SimEngine

/// libkv's `Watch` and `WatchTree` on Consul (`store/consul/consul.go`): a loop of blocking
/// reads of one key or a prefix, each waiting `DefaultWatchWaitTime` (15 s, CLASSIC_SWARM_FACTS
/// §0) for the index to move. A read that comes back with the same index (the wait ran out) is
/// not reported; a changed index delivers the whole current value or list. The first read
/// does not block and reports what is there. Any error ends the watch (libkv closes its
/// channel), and the watcher decides whether to watch again.
public final class ConsulWatch {
    public enum Target: Sendable {
        case key(String)
        case tree(prefix: String)
    }

    /// libkv `DefaultWatchWaitTime`.
    public static let defaultWaitTime: SimDuration = .seconds(15)

    public let target: Target
    private let client: ConsulHTTPClient
    private let waitTime: SimDuration
    private let onChange: ([ConsulKVPair]) -> Void
    private let onEnd: (ConsulStoreError) -> Void
    private var waitIndex: UInt64 = 0
    private var stopped = false
    private var started = false

    /// Starts watching at once. `onChange` gets the key's pair (`Watch`, only when present)
    /// or the prefix's pairs (`WatchTree`); `onEnd` the error that ended the watch.
    public init(_ target: Target, client: ConsulHTTPClient, waitTime: SimDuration = ConsulWatch.defaultWaitTime,
                onChange: @escaping ([ConsulKVPair]) -> Void, onEnd: @escaping (ConsulStoreError) -> Void) {
        self.target = target
        self.client = client
        self.waitTime = waitTime
        self.onChange = onChange
        self.onEnd = onEnd
        poll()
    }

    /// Stops the loop (libkv's `stopCh`): no further reads or reports.
    public func stop() { stopped = true }

    private func poll() {
        guard !stopped else { return }
        let options = ConsulQueryOptions(waitIndex: waitIndex, waitTime: waitTime)
        let request: ConsulRequest
        switch target {
        case .key(let key): request = .kvGet(key: key, options)
        case .tree(let prefix): request = .kvList(prefix: prefix, options)
        }
        client.call(request) { [self] result in
            guard !stopped else { return }
            switch ConsulKV.pairs(result) {
            case .failure(let error):
                stopped = true
                onEnd(error)
            case .success(let (pairs, index)):
                if index != waitIndex || !started {
                    started = true
                    // A store never written reports index 0; Consul's index is at least 1
                    // once bootstrapped, so the next read blocks instead of spinning.
                    waitIndex = max(index, 1)
                    if case .key = target, pairs.isEmpty {} else { onChange(pairs) }
                }
                poll()
            }
        }
    }
}
