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
}
