import Foundation
import Scenarios
import Testing

/// The ready-made CI files and the Dockerfile, read as their tools would read them: the YAML
/// with the project's own parser (a strict subset of YAML 1.2), the Dockerfile by its stages.
@Suite struct DeployFilesTests {
    private func yaml(_ path: String) throws -> YAMLNode {
        let text = try String(contentsOf: SimrunProcess.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let parsed = YAMLParser.parse(text, file: path)
        #expect(parsed.diagnostics.isEmpty, "\(path) does not parse")
        return try #require(parsed.document?.root)
    }

    /// The shell commands a job runs: `steps[].run` (GitHub) or `script[]` (GitLab).
    private func commands(of job: YAMLNode) -> [String] {
        if let steps = job["steps"]?.asSequence { return steps.compactMap { $0["run"]?.scalarText } }
        return job["script"]?.asSequence?.compactMap(\.scalarText) ?? []
    }

    private func expectBuildsChecksAndPublishes(_ commands: [String], _ what: String) {
        #expect(commands.contains { $0.contains("swift build") && $0.contains("-c release") && $0.contains("--product simrun") }, "\(what) builds simrun")
        #expect(commands.contains { $0.contains("simrun\" check") && $0.contains("--junit report.xml") }, "\(what) runs check with --junit")
    }

    @Test func theGitHubWorkflowBuildsRunsCheckAndPublishesTheReport() throws {
        let root = try yaml("deploy/ci/github-actions.yml")
        let job = try #require(root["jobs"]?["scenarios"])
        expectBuildsChecksAndPublishes(commands(of: job), "the GitHub workflow")
        let steps = job["steps"]?.asSequence ?? []
        let publish = steps.first { $0["uses"]?.scalarText?.hasPrefix("mikepenz/action-junit-report") == true }
        #expect(publish?["with"]?["report_paths"]?.scalarText == "report.xml")
        #expect(publish?["if"]?.scalarText == "always()", "the report is published when a scenario fails too")
        #expect(root["permissions"]?["checks"]?.scalarText == "write")
    }

    @Test func theGitLabJobBuildsRunsCheckAndPublishesTheReport() throws {
        let root = try yaml("deploy/ci/gitlab-ci.yml")
        let job = try #require(root["simrun-scenarios"])
        expectBuildsChecksAndPublishes(commands(of: job), "the GitLab job")
        #expect(job["artifacts"]?["reports"]?["junit"]?.scalarText == "report.xml")
        #expect(job["artifacts"]?["when"]?.scalarText == "always")
    }

    @Test func theDockerfileBuildsStaticallyInOneStageAndShipsOnlyTheBinary() throws {
        let text = try String(contentsOf: SimrunProcess.packageRoot.appendingPathComponent("deploy/Dockerfile"), encoding: .utf8)
        let instructions = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix(" ") && !$0.isEmpty }
        let stages = instructions.filter { $0.hasPrefix("FROM ") }
        #expect(stages.count == 2)
        #expect(stages.first?.hasSuffix(" AS build") == true)
        #expect(text.contains("--static-swift-stdlib"))
        #expect(text.contains("COPY --from=build /out/simrun /usr/local/bin/simrun"))
        #expect(instructions.last == "CMD [\"--help\"]")
        // Every folder Package.swift names must be in the build context the Dockerfile copies.
        for folder in ["Sources", "Tests"] { #expect(text.contains("COPY \(folder) ./\(folder)")) }
    }

    /// The Kubernetes sweep: an Indexed Job of N pods, each exploring shard
    /// `JOB_COMPLETION_INDEX+1` of N into a shared volume, then a Job that merges them
    /// (scripts/check-deploy runs both scripts for two shards and compares the report).
    @Test func theKubernetesSweepShardsOverAnIndexedJobAndMergesOnTheSharedVolume() throws {
        let job = try yaml("deploy/k8s/explore-job.yaml")
        let spec = try #require(job["spec"])
        #expect(job["kind"]?.scalarText == "Job" && spec["completionMode"]?.scalarText == "Indexed")
        let container = try #require(spec["template"]?["spec"]?["containers"]?.asSequence?.first)
        let env = Dictionary(uniqueKeysWithValues: (container["env"]?.asSequence ?? []).compactMap { item in
            item["name"]?.scalarText.flatMap { name in item["value"]?.scalarText.map { (name, $0) } }
        })
        let shards = try #require(env["SHARDS"])
        #expect(spec["completions"]?.scalarText == shards && spec["parallelism"]?.scalarText == shards, "one pod per shard, all at once")
        let script = try #require(container["args"]?.asSequence?.first?.scalarText)
        #expect(script.contains("shard=$((JOB_COMPLETION_INDEX + 1))"))
        #expect(script.contains("simrun explore \"$SCENARIO\" --seeds \"$SEEDS\" --shard \"$shard/$SHARDS\" --format jsonl --out \"$RESULTS/scenarios\""))
        let merge = try yaml("deploy/k8s/merge-job.yaml")
        let mergeContainer = try #require(merge["spec"]?["template"]?["spec"]?["containers"]?.asSequence?.first)
        #expect(mergeContainer["args"]?.asSequence?.first?.scalarText?.contains("simrun merge \"$RESULTS\"/shard-*.jsonl") == true)
        let claim = try yaml("deploy/k8s/results-pvc.yaml")
        let claimName = claim["metadata"]?["name"]?.scalarText
        #expect(claim["spec"]?["accessModes"]?.asSequence?.first?.scalarText == "ReadWriteMany", "every pod writes to it at once")
        for root in [job, merge] {
            let volumes = root["spec"]?["template"]?["spec"]?["volumes"]?.asSequence ?? []
            #expect(volumes.contains { $0["persistentVolumeClaim"]?["claimName"]?.scalarText == claimName })
        }
    }

    /// The GitHub matrix sweep: one job per shard uploads its results, then a job downloads
    /// them all and merges.
    @Test func theGitHubMatrixSweepUploadsEachShardAndMergesThemAll() throws {
        let root = try yaml("deploy/ci/explore-matrix.yml")
        let shards = try #require(root["env"]?["SHARDS"]?.scalarText.flatMap { Int($0) })
        let shardJob = try #require(root["jobs"]?["shard"])
        #expect(shardJob["strategy"]?["matrix"]?["shard"]?.asSequence?.compactMap(\.scalarText) == (1...shards).map(String.init))
        #expect(commands(of: shardJob).contains { $0.contains("explore \"$SCENARIO\" --seeds \"$SEEDS\" --shard \"$SHARD/$SHARDS\" --format jsonl") })
        let upload = shardJob["steps"]?.asSequence?.first { $0["uses"]?.scalarText?.hasPrefix("actions/upload-artifact") == true }
        #expect(upload?["with"]?["path"]?.scalarText?.contains("shard-*.jsonl") == true)
        let merge = try #require(root["jobs"]?["merge"])
        #expect(merge["needs"]?.scalarText == "shard")
        let download = merge["steps"]?.asSequence?.first { $0["uses"]?.scalarText?.hasPrefix("actions/download-artifact") == true }
        #expect(download?["with"]?["pattern"]?.scalarText == "explore-shard-*")
        #expect(commands(of: merge).contains { $0.contains("merge shard-*.jsonl") && $0.contains("--junit report.xml") })
    }
}
