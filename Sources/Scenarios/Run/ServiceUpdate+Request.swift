import SimModels

extension ServiceUpdate {
    /// The control API's update request for the flags of a timeline's `docker service update`.
    var request: ServiceUpdateRequest {
        var request = ServiceUpdateRequest(service: service)
        request.force = force
        request.rollback = rollback
        for change in changes { change.record(into: &request) }
        return request
    }
}

extension ServiceChange {
    /// Adds this flag's change to `request`.
    fileprivate func record(into request: inout ServiceUpdateRequest) {
        switch self {
        case let .image(image): request.image = image
        case let .command(words): request.command = words
        case .mode: break  // refused by the loader: the mode of a service cannot change
        case let .replicas(count): request.replicas = count
        case let .addConstraint(text): request.constraintsToAdd.append(text)
        case let .removeConstraint(text): request.constraintsToRemove.append(text)
        case let .addSpreadPreference(label): request.spreadPreferencesToAdd.append(label)
        case let .removeSpreadPreference(label): request.spreadPreferencesToRemove.append(label)
        case let .maxReplicasPerNode(count): request.maxReplicasPerNode = count
        case let .addPort(port): request.portsToAdd.append(port)
        case let .removePort(target, proto): request.portsToRemove.append(PortConfig(targetPort: target, proto: proto))
        case let .addNetwork(name): request.networksToAdd.append(name)
        case let .removeNetwork(name): request.networksToRemove.append(name)
        case let .reserveCPUs(value): request.reserveNanoCPUs = value
        case let .reserveMemory(value): request.reserveMemoryBytes = value
        case let .limitCPUs(value): request.limitNanoCPUs = value
        case let .limitMemory(value): request.limitMemoryBytes = value
        case let .restart(setting):
            switch setting {
            case let .condition(value): request.restartCondition = value
            case let .delay(value): request.restartDelay = value
            case let .maxAttempts(value): request.restartMaxAttempts = value
            case let .window(value): request.restartWindow = value
            }
        case let .update(setting): setting.record(into: &request.updateConfig)
        case let .rollback(setting): setting.record(into: &request.rollbackConfig)
        case let .stopGracePeriod(period): request.stopGracePeriod = period
        case let .health(setting):
            switch setting {
            case let .test(words): request.healthcheck.test = words
            case let .interval(value): request.healthcheck.interval = value
            case let .timeout(value): request.healthcheck.timeout = value
            case let .retries(value): request.healthcheck.retries = value
            case let .startPeriod(value): request.healthcheck.startPeriod = value
            case .disable: request.healthcheck.disable = true
            }
        case let .simulation(setting):
            switch setting {
            case let .pull(value): request.behaviour.pull = value
            case let .start(value): request.behaviour.start = value
            case let .stop(value): request.behaviour.stop = value
            case let .failAfter(value): request.behaviour.failAfter = value
            case let .exitCode(value): request.behaviour.exitCode = value
            case let .boot(value): request.behaviour.boot = value
            case let .serve(value): request.behaviour.serve = value
            case let .sickAfter(value): request.behaviour.sickAfter = value
            }
        case let .endpointMode(mode): request.endpointMode = mode
        }
    }
}

extension UpdateSetting {
    fileprivate func record(into changes: inout UpdateConfigChanges) {
        switch self {
        case let .parallelism(value): changes.parallelism = value
        case let .delay(value): changes.delay = value
        case let .failureAction(value): changes.failureAction = value
        case let .monitor(value): changes.monitor = value
        case let .maxFailureRatio(value): changes.maxFailureRatio = value
        case let .order(value): changes.order = value
        }
    }
}
