extension KeyReference {
    /// The rows of the sections under `services:`.
    static func serviceEntries(_ section: Section) -> [ReferenceEntry] {
        switch section {
        case .service: return service
        case .port: return port
        case .serviceNetwork: return [ReferenceEntry("aliases", "aliases: [api]", "more names of the service on that network")]
        case .healthcheck: return healthcheck
        case .deploy: return deploy
        case .placement: return placement
        case .preference: return [ReferenceEntry("spread", "- spread: node.labels.zone", "spread the tasks evenly over the label's values")]
        case .resources: return resources
        case .amounts: return amounts
        case .restartPolicy: return restartPolicy
        case .updateConfig: return updateConfig
        case .simulation: return simulation
        default: return []
        }
    }

    static let service: [ReferenceEntry] = [
        ReferenceEntry("image", "image: nginx:1.25", "required: the image"),
        ReferenceEntry("command", "command: [\"sleep\", \"1d\"]", "the container's command"),
        ReferenceEntry("ports", "ports: [\"80:80\", \"8080:80/udp\"]", "published ports; the long form takes target, published, protocol, mode"),
        ReferenceEntry("networks", "networks: [front]", "overlay networks the service joins"),
        ReferenceEntry("healthcheck", "healthcheck:", "the container's health check"),
        ReferenceEntry("deploy", "deploy:", "how `docker stack deploy` places and updates the service"),
        ReferenceEntry("stop_grace_period", "stop_grace_period: 10s", "time between SIGTERM and SIGKILL (default 10s)"),
        ReferenceEntry("environment", "environment: {KEY: value}", "accepted and ignored: it changes nothing simulated"),
        ReferenceEntry("x-sim", "x-sim:", "simulation-only settings (Compose's extension prefix)"),
    ]

    static let port: [ReferenceEntry] = [
        ReferenceEntry("target", "target: 80", "the container's port"),
        ReferenceEntry("published", "published: 8080", "the port every node accepts (ingress mode)"),
        ReferenceEntry("protocol", "protocol: tcp", "tcp or udp"),
        ReferenceEntry("mode", "mode: host", "ingress (default) or host"),
    ]

    static let healthcheck: [ReferenceEntry] = [
        ReferenceEntry("test", "test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/\"]", "the check's command (not run: it passes when the app is up)"),
        ReferenceEntry("interval", "interval: 5s", "time between checks"),
        ReferenceEntry("timeout", "timeout: 2s", "time a check may take"),
        ReferenceEntry("retries", "retries: 3", "failures in a row before the container is unhealthy"),
        ReferenceEntry("start_period", "start_period: 10s", "failures in this time after start do not count"),
        ReferenceEntry("disable", "disable: true", "no health check"),
    ]

    static let deploy: [ReferenceEntry] = [
        ReferenceEntry("mode", "mode: replicated", "replicated (default) or global"),
        ReferenceEntry("replicas", "replicas: 6", "tasks of a replicated service (default 1)"),
        ReferenceEntry("placement", "placement:", "constraints, preferences, max_replicas_per_node"),
        ReferenceEntry("resources", "resources:", "reservations and limits"),
        ReferenceEntry("restart_policy", "restart_policy:", "when and how a task's container is replaced"),
        ReferenceEntry("update_config", "update_config:", "how `docker service update` rolls out"),
        ReferenceEntry("rollback_config", "rollback_config:", "how a rollback rolls out (same keys as update_config)"),
        ReferenceEntry("endpoint_mode", "endpoint_mode: vip", "vip (default: the name resolves to one virtual IP) or dnsrr (to the task addresses); also --endpoint-mode"),
    ]

    static let placement: [ReferenceEntry] = [
        ReferenceEntry("constraints", "constraints: [node.role == worker]", "node.id, node.hostname, node.role, node.platform.os, node.platform.arch, node.ip, node.labels.KEY, engine.labels.KEY with == or !="),
        ReferenceEntry("preferences", "preferences: [{spread: node.labels.zone}]", "spread preferences"),
        ReferenceEntry("max_replicas_per_node", "max_replicas_per_node: 2", "at most this many tasks of the service on one node"),
    ]

    static let resources: [ReferenceEntry] = [
        ReferenceEntry("reservations", "reservations: {cpus: 0.5, memory: 256M}", "what a node must have free to take a task"),
        ReferenceEntry("limits", "limits: {cpus: 1, memory: 512M}", "the most a task may use"),
    ]

    static let amounts: [ReferenceEntry] = [
        ReferenceEntry("cpus", "cpus: 0.5", "CPUs, a decimal"),
        ReferenceEntry("memory", "memory: 256M", "memory, in powers of 1024"),
    ]

    static let restartPolicy: [ReferenceEntry] = [
        ReferenceEntry("condition", "condition: any", "none, on-failure or any (default)"),
        ReferenceEntry("delay", "delay: 5s", "wait before a restart (default 5s)"),
        ReferenceEntry("max_attempts", "max_attempts: 3", "restarts before giving up (default: no limit)"),
        ReferenceEntry("window", "window: 2m", "how long a restart must run to count as a success"),
    ]

    static let updateConfig: [ReferenceEntry] = [
        ReferenceEntry("parallelism", "parallelism: 1", "tasks updated at once (0: all)"),
        ReferenceEntry("delay", "delay: 10s", "wait between batches"),
        ReferenceEntry("failure_action", "failure_action: pause", "pause, continue or rollback"),
        ReferenceEntry("monitor", "monitor: 5s", "how long a new task is watched for failure"),
        ReferenceEntry("max_failure_ratio", "max_failure_ratio: 0.2", "failures tolerated, as a fraction"),
        ReferenceEntry("order", "order: stop-first", "stop-first or start-first"),
    ]

    static let simulation: [ReferenceEntry] = [
        ReferenceEntry("pull", "pull: 3s", "image pull time on a node that lacks the image (default 2s); also --x-sim-pull"),
        ReferenceEntry("start", "start: 500ms", "container start time (default 500ms); also --x-sim-start"),
        ReferenceEntry("stop", "stop: 1s", "time to exit after SIGTERM (default 1s, at most the stop grace period); also --x-sim-stop"),
        ReferenceEntry("fail_after", "fail_after: 40s", "the container exits with an error after running that long; also --x-sim-fail-after"),
        ReferenceEntry("exit_code", "exit_code: 1", "the exit code of fail_after; also --x-sim-exit-code"),
        ReferenceEntry("boot", "boot: 2s", "after the container starts, the app refuses connections this long (default 0s); also --x-sim-boot"),
        ReferenceEntry("serve", "serve: 5ms", "time to answer one request (default 2ms); also --x-sim-serve"),
        ReferenceEntry("sick_after", "sick_after: 90s", "this long after its container starts, the app fails its health check and every request (default never); also --x-sim-sick-after"),
    ]
}
