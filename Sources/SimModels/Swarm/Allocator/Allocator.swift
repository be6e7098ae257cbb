import SimEngine

/// SwarmKit's allocator (`manager/allocator`), leader only: subnets for overlay networks, one
/// virtual IP per service per network, ingress published ports, and task addresses. A task moves
/// NEW → PENDING ("pending task scheduling") once its service's endpoint is allocated and it
/// has an address on each of the service's networks (and on ingress if the service publishes
/// ports in ingress mode).
///
/// - Subnets: `/24`s taken in order from the default pool `10.0.0.0/8`, skipping any that overlap
///   an existing network; a network created with a subnet keeps it. Gateway `.1`. The ingress
///   network, created first at `swarm init`, gets `10.0.0.0/24`.
/// - Ingress published ports not given are allocated from 30000–32767 (lowest free), and a
///   dynamically allocated port is kept across updates of the same target port.
///
/// Its pools are memory only, rebuilt from the store on a new leader (`start`).
public struct Allocator: Sendable {
    public static let dynamicPortRange = 30000...32767
    public static let defaultPoolBase: UInt32 = 0x0A00_0000  // 10.0.0.0
    public static let defaultPoolPrefix = 8
    public static let subnetPrefix = 24
    public static let pendingMessage = "pending task scheduling"

    struct PortKey: Hashable, Comparable, Sendable {
        var proto: String
        var port: Int
        static func < (a: PortKey, b: PortKey) -> Bool { a.port != b.port ? a.port < b.port : a.proto < b.proto }
    }

    var pools: [NetworkID: AddressPool] = [:]
    /// Ingress published ports and the service holding each.
    var ingressPorts: [PortKey: ServiceID] = [:]
    /// Tasks holding addresses in `pools`, with those addresses.
    var taskAddresses: [TaskID: [NetworkAddress]] = [:]
    var networksToAllocate: Set<NetworkID> = []
    var servicesToAllocate: Set<ServiceID> = []
    /// Services waiting for a network subnet or a free port; retried on network or service changes.
    var servicesWaiting: Set<ServiceID> = []
    /// NEW tasks may be allocatable (set by task, service and network events).
    var tasksMayBeReady = true
    var started = false

    public init() {}

    /// An ingress network object to create at `swarm init`; the allocator gives it its subnet.
    public static func ingressNetwork(id: NetworkID) -> NetworkObject {
        NetworkObject(id: id, name: "ingress", subnet: "", gateway: "", isIngress: true)
    }

    public var hasWork: Bool { !networksToAllocate.isEmpty || !servicesToAllocate.isEmpty || tasksMayBeReady }

    // MARK: - Rebuilding

    /// Rebuilds the pools from the store (a new leader) and marks what still needs allocating.
    public mutating func start(store: ClusterStore) {
        started = true
        pools = [:]
        ingressPorts = [:]
        taskAddresses = [:]
        for network in store.networksSorted {
            guard let cidr = IPv4.parseCIDR(network.subnet) else {
                networksToAllocate.insert(network.id)
                continue
            }
            pools[network.id] = AddressPool(base: cidr.base, prefix: cidr.prefix)
        }
        for service in store.servicesSortedByName {
            for vip in service.endpoint.virtualIPs { reserve(vip) }
            for port in service.endpoint.ports where port.publishMode == .ingress {
                if let published = port.publishedPort { ingressPorts[PortKey(proto: port.proto, port: published)] = service.id }
            }
            servicesToAllocate.insert(service.id)
        }
        for task in store.tasksSorted where !task.networks.isEmpty && !Self.isDead(task) {
            for address in task.networks { reserve(address) }
            taskAddresses[task.id] = task.networks
        }
    }

    mutating func reserve(_ address: NetworkAddress) {
        guard let ip = AddressPool.address(of: address.address) else { return }
        pools[address.networkID]?.reserve(ip)
    }

    mutating func release(_ address: NetworkAddress) {
        guard let ip = AddressPool.address(of: address.address) else { return }
        pools[address.networkID]?.release(ip)
    }

    /// SwarmKit `taskDead`: desired and observed state both past RUNNING.
    static func isDead(_ task: TaskObject) -> Bool {
        task.desiredState > .running && task.status.state > .running
    }

    // MARK: - Events

    public mutating func observe(_ changes: [StoreChange], store: ClusterStore) {
        for change in changes {
            switch change {
            case .networkCreated, .networkUpdated, .networkDeleted, .serviceCreated, .serviceUpdated, .serviceDeleted:
                servicesToAllocate.formUnion(servicesWaiting)
                servicesWaiting = []
                tasksMayBeReady = true
            default:
                break
            }
            switch change {
            case let .networkCreated(network):
                if network.subnet.isEmpty { networksToAllocate.insert(network.id) }
                else if let cidr = IPv4.parseCIDR(network.subnet) { pools[network.id] = AddressPool(base: cidr.base, prefix: cidr.prefix) }
            case let .networkUpdated(_, network):
                if pools[network.id] == nil, let cidr = IPv4.parseCIDR(network.subnet) {
                    pools[network.id] = AddressPool(base: cidr.base, prefix: cidr.prefix)
                    // Services waiting for this network can go on.
                    for service in store.servicesSortedByName { servicesToAllocate.insert(service.id) }
                }
            case let .networkDeleted(network):
                pools[network.id] = nil
                networksToAllocate.remove(network.id)
            case let .serviceCreated(service):
                servicesToAllocate.insert(service.id)
            case let .serviceUpdated(old, new):
                if old.spec != new.spec || old.endpoint != new.endpoint { servicesToAllocate.insert(new.id) }
            case let .serviceDeleted(service):
                servicesToAllocate.remove(service.id)
                for vip in service.endpoint.virtualIPs { release(vip) }
                for (key, holder) in ingressPorts where holder == service.id { ingressPorts[key] = nil }
            case let .taskCreated(task):
                if task.status.state == .new { tasksMayBeReady = true }
            case let .taskUpdated(old, new):
                if new.status.state == .new { tasksMayBeReady = true }
                if Self.isDead(new) {
                    if let held = taskAddresses.removeValue(forKey: new.id) { for address in held { release(address) } }
                } else if old.networks != new.networks || (new.status.state > .new && taskAddresses[new.id] != new.networks) {
                    // The committed addresses win (ours, or an allocation we proposed that was refused).
                    for address in taskAddresses[new.id] ?? [] { release(address) }
                    for address in new.networks { reserve(address) }
                    taskAddresses[new.id] = new.networks.isEmpty ? nil : new.networks
                }
            case let .taskDeleted(task):
                if let held = taskAddresses.removeValue(forKey: task.id) {
                    for address in held { release(address) }
                }
            default:
                break
            }
        }
    }

    // MARK: - Allocating

    /// Allocates what is waiting: network subnets, service endpoints, then NEW tasks whose service
    /// endpoint is allocated in the store.
    public mutating func allocate(store: ClusterStore, now: SimInstant) -> [StoreAction] {
        if !started { start(store: store) }
        var actions: [StoreAction] = []

        // Networks, in creation order.
        if !networksToAllocate.isEmpty {
            for network in store.networksSorted where networksToAllocate.contains(network.id) {
                networksToAllocate.remove(network.id)
                guard network.subnet.isEmpty, let base = nextSubnet(store: store) else { continue }
                var allocated = network
                allocated.subnet = "\(IPv4.format(base))/\(Self.subnetPrefix)"
                allocated.gateway = IPv4.format(base + 1)
                pools[network.id] = AddressPool(base: base, prefix: Self.subnetPrefix)
                actions.append(.updateNetwork(allocated))
            }
        }

        // Service endpoints.
        for id in servicesToAllocate.sorted() {
            guard let service = store.service(id) else {
                servicesToAllocate.remove(id)
                continue
            }
            switch allocateEndpoint(for: service, store: store) {
            case let .allocated(endpoint):
                servicesToAllocate.remove(id)
                if endpoint != service.endpoint { actions.append(.updateServiceEndpoint(id, endpoint)) }
            case .waiting:
                // A network has no subnet yet, a pool is full or a port is taken.
                servicesToAllocate.remove(id)
                servicesWaiting.insert(id)
            }
        }

        // Tasks, oldest first.
        if tasksMayBeReady {
            tasksMayBeReady = false
            for task in store.newTasks {
                guard let service = store.service(task.serviceID), isEndpointCurrent(service, store: store),
                      let networks = allocateAddresses(for: task, service: service) else { continue }
                actions.append(.allocateTask(task.id, networks: networks,
                                             status: TaskStatus(state: .pending, message: Self.pendingMessage, timestamp: now)))
            }
        }
        return actions
    }

    /// The next free `/24` of the default pool, in order.
    func nextSubnet(store: ClusterStore) -> UInt32? {
        var taken: [(base: UInt32, prefix: Int)] = []
        for network in store.networks.values {
            if let cidr = IPv4.parseCIDR(network.subnet) { taken.append(cidr) }
        }
        for pool in pools.values { taken.append((pool.base, pool.prefix)) }
        let count = UInt32(1) << UInt32(Self.subnetPrefix - Self.defaultPoolPrefix)
        for index in 0..<count {
            let base = Self.defaultPoolBase | index << UInt32(32 - Self.subnetPrefix)
            if !taken.contains(where: { IPv4.overlaps($0, (base, Self.subnetPrefix)) }) { return base }
        }
        return nil
    }

    /// The networks a service's tasks attach to: its own (by name), then ingress if it publishes
    /// ports in ingress mode. Nil if one is missing or has no subnet yet.
    func networkIDs(for service: ServiceObject, store: ClusterStore) -> [NetworkID]? {
        var ids: [NetworkID] = []
        for name in service.spec.networks {
            guard let network = store.network(named: name) else { continue }
            guard pools[network.id] != nil else { return nil }
            if !ids.contains(network.id) { ids.append(network.id) }
        }
        if service.spec.endpoint.ports.contains(where: { $0.publishMode == .ingress }), let ingress = store.ingressNetwork {
            guard pools[ingress.id] != nil else { return nil }
            if !ids.contains(ingress.id) { ids.append(ingress.id) }
        }
        return ids
    }

    enum EndpointResult {
        case allocated(AllocatedEndpoint)
        case waiting
    }

    mutating func allocateEndpoint(for service: ServiceObject, store: ClusterStore) -> EndpointResult {
        guard let networkIDs = networkIDs(for: service, store: store) else { return .waiting }
        var endpoint = AllocatedEndpoint()

        // One virtual IP per network, kept across updates.
        for id in networkIDs {
            if let existing = service.endpoint.virtualIPs.first(where: { $0.networkID == id }) {
                endpoint.virtualIPs.append(existing)
            } else if let ip = pools[id]?.allocate() {
                endpoint.virtualIPs.append(NetworkAddress(networkID: id, address: pools[id]!.format(ip)))
            } else {
                return .waiting
            }
        }
        for vip in service.endpoint.virtualIPs where !networkIDs.contains(vip.networkID) { release(vip) }

        // Published ports.
        var claimed: [PortKey] = []
        var previousDynamic = service.endpoint.ports.filter {
            $0.publishMode == .ingress && $0.publishedPort.map(Self.dynamicPortRange.contains) == true
        }
        for port in service.spec.endpoint.ports {
            var allocated = port
            if port.publishMode == .ingress {
                if let published = port.publishedPort {
                    let key = PortKey(proto: port.proto, port: published)
                    if let holder = ingressPorts[key], holder != service.id { return .waiting }
                    claimed.append(key)
                } else if let index = previousDynamic.firstIndex(where: { $0.targetPort == port.targetPort && $0.proto == port.proto }),
                          ingressPorts[PortKey(proto: port.proto, port: previousDynamic[index].publishedPort!)].map({ $0 == service.id }) ?? true,
                          !service.spec.endpoint.ports.contains(where: { $0.publishedPort == previousDynamic[index].publishedPort && $0.proto == port.proto }) {
                    allocated.publishedPort = previousDynamic[index].publishedPort
                    claimed.append(PortKey(proto: port.proto, port: allocated.publishedPort!))
                    previousDynamic.remove(at: index)
                } else {
                    guard let free = Self.dynamicPortRange.first(where: { candidate in
                        let key = PortKey(proto: port.proto, port: candidate)
                        return ingressPorts[key] == nil && !claimed.contains(key)
                            && !service.spec.endpoint.ports.contains { $0.publishedPort == candidate && $0.proto == port.proto }
                    }) else { return .waiting }
                    allocated.publishedPort = free
                    claimed.append(PortKey(proto: port.proto, port: free))
                }
            }
            endpoint.ports.append(allocated)
        }
        for (key, holder) in ingressPorts where holder == service.id && !claimed.contains(key) { ingressPorts[key] = nil }
        for key in claimed { ingressPorts[key] = service.id }
        return .allocated(endpoint)
    }

    /// Whether the committed service endpoint matches the spec (VIPs on every network, ports).
    func isEndpointCurrent(_ service: ServiceObject, store: ClusterStore) -> Bool {
        guard !servicesToAllocate.contains(service.id), let ids = networkIDs(for: service, store: store) else { return false }
        guard service.endpoint.virtualIPs.map(\.networkID) == ids,
              service.endpoint.ports.count == service.spec.endpoint.ports.count else { return false }
        for (spec, allocated) in zip(service.spec.endpoint.ports, service.endpoint.ports) {
            if spec.targetPort != allocated.targetPort || spec.proto != allocated.proto || spec.publishMode != allocated.publishMode { return false }
            if let published = spec.publishedPort, published != allocated.publishedPort { return false }
        }
        return true
    }

    /// One address per network of the service; nil if a pool is full (the task waits).
    mutating func allocateAddresses(for task: TaskObject, service: ServiceObject) -> [NetworkAddress]? {
        var addresses: [NetworkAddress] = []
        for vip in service.endpoint.virtualIPs {
            guard let ip = pools[vip.networkID]?.allocate() else {
                for address in addresses { release(address) }
                return nil
            }
            addresses.append(NetworkAddress(networkID: vip.networkID, address: pools[vip.networkID]!.format(ip)))
        }
        if !addresses.isEmpty { taskAddresses[task.id] = addresses }
        return addresses
    }
}
