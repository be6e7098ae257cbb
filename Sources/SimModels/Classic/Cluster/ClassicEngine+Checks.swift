import SimEngine

/// What a change of an engine's health tells the cluster (`Engine.emitEvent`): the watchdog
/// reschedules on a disconnect and removes duplicates on a reconnect.
public enum ClassicEngineEvent: String, Equatable, Sendable {
    case disconnect = "engine_disconnect"
    case reconnect = "engine_reconnect"
}

/// What an engine's `Info` and `Version` said (`updateSpecs`).
public struct EngineSpecs: Equatable, Sendable {
    public var id: String
    public var name: String
    public var cpus: Int64
    public var memory: Int64
    public var storageDriver: String
    public var executionDriver: String
    public var kernelVersion: String
    public var operatingSystem: String
    /// The engine's `--label key=value` entries.
    public var engineLabels: [String]
    public var serverVersion: String

    public init(id: String, name: String, cpus: Int64, memory: Int64, storageDriver: String = "devicemapper",
                executionDriver: String = "native-0.2", kernelVersion: String = "3.10.0-327.4.4.el7.x86_64",
                operatingSystem: String = "CentOS Linux 7 (Core)", engineLabels: [String] = [], serverVersion: String = "1.9.1") {
        self.id = id
        self.name = name
        self.cpus = cpus
        self.memory = memory
        self.storageDriver = storageDriver
        self.executionDriver = executionDriver
        self.kernelVersion = kernelVersion
        self.operatingSystem = operatingSystem
        self.engineLabels = engineLabels
        self.serverVersion = serverVersion
    }
}

extension ClassicEngine {
    /// `updateSpecs` after a successful `Info` and `Version`: the ID is taken on first contact and
    /// must not change (a changed ID puts the engine back to pending with Swarm's text); name,
    /// resources and labels (storagedriver, executiondriver, kernelversion, operatingsystem, then
    /// the engine's `--label`s) are replaced. Returns the error text when the specs are refused.
    public mutating func applySpecs(_ specs: EngineSpecs) -> String? {
        if specs.cpus == 0 || specs.memory == 0 {
            return "cannot get resources for this engine, make sure \(address) is a Docker Engine, not a Swarm manager"
        }
        if id.isEmpty {
            id = specs.id
        } else if id != specs.id {
            state = .pending
            let message = "Engine (ID: \(id), Addr: \(address)) shows up with another ID:\(specs.id). Please remove it from cluster, it can be added back."
            lastError = message
            return message
        }
        name = specs.name
        cpus = specs.cpus
        memory = specs.memory
        serverVersion = specs.serverVersion
        var newLabels = [
            "storagedriver": specs.storageDriver,
            "executiondriver": specs.executionDriver,
            "kernelversion": specs.kernelVersion,
            "operatingsystem": specs.operatingSystem,
        ]
        for label in specs.engineLabels {
            guard let equals = label.firstIndex(of: "=") else {
                labels = newLabels
                return "Engine (ID: \(id), Addr: \(address)) contains an invalid label (\(label)) not formatted as \"key=value\"."
            }
            newLabels[String(label[..<equals])] = String(label[label.index(after: equals)...])
        }
        labels = newLabels
        return nil
    }

    /// `CheckConnectionErr` after a call to the engine: a success clears the error, brings an
    /// unhealthy engine back (`engine_reconnect`) and resets the count; a failure that counts
    /// for `version` adds one and keeps its text, and the `--engine-failure-retry`-th turns a
    /// healthy engine unhealthy (`engine_disconnect`); other failures change nothing.
    public mutating func recordCall(failure: EngineCallFailure?, at instant: SimInstant, version: ClassicSwarmVersion) -> ClassicEngineEvent? {
        guard let failure else {
            setError("", at: instant)
            var event: ClassicEngineEvent?
            if state == .unhealthy {
                state = .healthy
                event = .reconnect
            }
            failureCount = 0
            return event
        }
        guard version.countsTowardsFailures(failure) else { return nil }
        failureCount += 1
        var event: ClassicEngineEvent?
        if state == .healthy && failureCount >= failureRetry {
            state = .unhealthy
            event = .disconnect
        }
        setError(failure.text, at: instant)
        return event
    }

    /// `setErrMsg`: the trimmed text and the instant of the check.
    public mutating func setError(_ text: String, at instant: SimInstant) {
        lastError = String(text.trimming { $0.isWhitespace })
        updatedAt = instant
    }

    /// `HandleIDConflict`: the engine stays pending with the duplicate-ID text.
    public mutating func recordIDConflict(otherAddress: String, at instant: SimInstant) {
        setError("ID duplicated. \(id) shared by this node \(address) and another node \(otherAddress)", at: instant)
    }

    /// `ValidationComplete`: a pending engine becomes healthy with no failures (its refresh loop
    /// starts then).
    public mutating func completeValidation() {
        guard state == .pending else { return }
        state = .healthy
        failureCount = 0
    }

    /// `TimeToValidate`: a pending engine is retried once idle for more than 2^failures s + 30 s,
    /// or more than 4 h.
    public func isDueForValidation(at instant: SimInstant) -> Bool {
        guard state == .pending else { return false }
        let idle = instant - updatedAt
        let backoff = SimDuration.seconds(Int64(1) << Int64(min(failureCount, 32))) + .seconds(30)
        return idle > .hours(4) || idle > backoff
    }
}
