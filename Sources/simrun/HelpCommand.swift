import Scenarios

/// `simrun help [COMMAND | TOPIC]`, `simrun help --man`: help on a command, a topic of the
/// reference (generated from the loader's tables), or the manual page in troff.
enum HelpCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        guard let word = arguments.first else {
            Console.out(Help.text(for: nil))
            return 0
        }
        if word == "--man" {
            Console.out(ManPage.text, terminator: "")
            return 0
        }
        if let topic = ReferenceText.Topic(rawValue: word) {
            Console.out(ReferenceText.text(topic), terminator: "")
            return 0
        }
        if Help.commands.contains(where: { $0.name == word }) || word.hasPrefix("-") {
            Console.out(Help.text(for: word))
            return 0
        }
        let known = Help.commands.map(\.name) + ReferenceText.Topic.allCases.map(\.rawValue)
        var message = "no help on '\(word)': topics are \(ReferenceText.Topic.allCases.map(\.rawValue).joined(separator: ", "))"
        if let guess = Suggestions.nearest(to: word, among: known) { message += ". Did you mean '\(guess)'?" }
        throw UsageError(message)
    }
}
