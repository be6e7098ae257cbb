import Foundation
import Testing
@testable import simrun

/// What a user needs to install simrun: completions that work, help that says what is there.
@Suite struct InstalledCommandTests {
    /// Runs `script` in bash with the bash completion loaded; returns its standard output.
    private func bash(_ script: String) throws -> String {
        let completion = try SimrunProcess.run(["completion", "bash"])
        #expect(completion.status == 0)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-completion-\(getpid()).bash")
        try completion.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "source \(file.path)\n" + script]
        process.currentDirectoryURL = SimrunProcess.packageRoot
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func bashCompletesCommandsOptionsWorkloadsAndScenarioFiles() throws {
        let output = try bash("""
            complete -p simrun
            COMP_WORDS=(simrun ch); COMP_CWORD=1; _simrun; echo "1: ${COMPREPLY[*]}"
            COMP_WORDS=(simrun check --ju); COMP_CWORD=2; _simrun; echo "2: ${COMPREPLY[*]}"
            COMP_WORDS=(simrun bench c); COMP_CWORD=2; _simrun; echo "3: ${COMPREPLY[*]}"
            COMP_WORDS=(simrun scenarios/fail); COMP_CWORD=1; _simrun; echo "4: ${COMPREPLY[*]}"
            COMP_WORDS=(simrun scenarios/failover.scn --se); COMP_CWORD=2; _simrun; echo "5: ${COMPREPLY[*]}"
            COMP_WORDS=(simrun help fa); COMP_CWORD=2; _simrun; echo "6: ${COMPREPLY[*]}"
            """)
        #expect(output.contains("complete -o filenames -F _simrun simrun"))
        #expect(output.contains("1: check\n"))
        #expect(output.contains("2: --junit\n"))
        #expect(output.contains("3: cluster\n"))
        #expect(output.contains("4: scenarios/failover.scn\n"))
        #expect(output.contains("5: --seed --seeds\n"))
        #expect(output.contains("6: faults\n"))
    }

    @Test func everyShellGetsAScriptThatNamesEveryCommandAndOption() throws {
        for shell in CompletionScript.shells {
            let outcome = try SimrunProcess.run(["completion", shell])
            #expect(outcome.status == 0)
            for command in Help.commands.map(\.name) {
                #expect(outcome.stdout.contains(command), "\(shell) completion lacks \(command)")
            }
            #expect(outcome.stdout.contains(shell == "fish" ? "-l junit" : "--junit"))
        }
        let wrong = try SimrunProcess.run(["completion", "bsh"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("Did you mean 'bash'?"))
    }

    @Test func theOptionsOfACommandAreThoseItsHelpNames() {
        #expect(CompletionScript.options(of: "check").contains("--junit"))
        #expect(CompletionScript.options(of: "validate") == ["--dump", "--help", "--no-color"])
    }

    @Test func benchAndSweepHelpSayWhatIsThere() throws {
        let bench = try SimrunProcess.run(["bench", "--help"])
        #expect(bench.stdout.contains("simrun bench cluster"))
        let top = try SimrunProcess.run(["--help"])
        #expect(top.stdout.contains("a whole swarm"))
        let sweep = try SimrunProcess.run(["sweep", "elections", "--help"])
        #expect(!sweep.stdout.contains("--managers 3,5]"), "sweep elections runs 3, 5 and 7 managers by default")
        #expect(sweep.stdout.contains("default 3,5,7"))
    }

    @Test func makeInstallPutsTheCommandTheManualAndTheCompletionsUnderThePrefix() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-n", "install", "PREFIX=/opt/sim"]
        process.currentDirectoryURL = SimrunProcess.packageRoot
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("swift build -c release --product simrun"))
        #expect(text.contains("/opt/sim/bin/simrun"))
        #expect(text.contains("/opt/sim/share/man/man1/simrun.1"))
        #expect(text.contains("completion fish"))
    }
}
