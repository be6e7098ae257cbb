import Scenarios

/// Reads a command's arguments: options with values, flags, and positional words.
/// Unknown options are errors with a "did you mean" from the command's known options;
/// `--help` and `--no-color` are known to every command.
struct ArgumentReader {
    private var words: [String]
    private let command: String
    private let knownOptions: [String]
    private(set) var positionals: [String] = []
    private var values: [(String, String)] = []
    private var flags: [String] = []

    /// - Parameters:
    ///   - valueOptions: options that take a value (`--seed N` or `--seed=N`).
    ///   - flagOptions: options that take none.
    init(_ words: [String], command: String, valueOptions: [String], flagOptions: [String]) throws(UsageError) {
        self.words = words
        self.command = command
        knownOptions = valueOptions + flagOptions + ["--help", "--no-color"]
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--" {
                positionals.append(contentsOf: words[index...])
                break
            }
            guard word.hasPrefix("-") && word.count > 1 else {
                positionals.append(word)
                continue
            }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            if valueOptions.contains(name) {
                if let inlineValue {
                    values.append((name, inlineValue))
                } else if index < words.count {
                    values.append((name, words[index]))
                    index += 1
                } else {
                    throw UsageError("missing value for '\(name)'", command: command)
                }
            } else if flagOptions.contains(name) || name == "--help" || name == "-h" || name == "--no-color" {
                flags.append(name == "-h" ? "--help" : name)
            } else {
                var message = "unknown option '\(name)'"
                if let guess = Suggestions.nearest(to: name, among: knownOptions) {
                    message += ". Did you mean '\(guess)'?"
                }
                throw UsageError(message, command: command)
            }
        }
    }

    /// The last value given for `option`, if any.
    func value(_ option: String) -> String? {
        values.last { $0.0 == option }?.1
    }

    /// True if the flag was given.
    func flag(_ option: String) -> Bool {
        flags.contains(option)
    }

    /// The value of `option` as a whole number in `range`.
    func integer(_ option: String, in range: ClosedRange<Int>, default fallback: Int) throws(UsageError) -> Int {
        guard let text = value(option) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("'\(option)' needs a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'", command: command)
        }
        return number
    }
}
