/// Splits an action into words the way a POSIX shell would: whitespace separates
/// words, `'...'` is literal, `"..."` resolves `\"`, `\\`, `\$` and `` \` ``, a
/// backslash outside quotes escapes the next character, and an unquoted `|` is a word
/// of its own (the separator of `partition`).
enum CommandTokenizer {
    /// Why an action could not be split into words.
    struct Failure: Error, Equatable {
        /// What is wrong.
        var message: String
        /// Offset of the offending character.
        var offset: Int
    }

    /// The words of `text`.
    /// - Throws: `Failure` for an unterminated quote or a trailing backslash.
    /// - Complexity: O(n) in the length of `text`.
    static func tokenize(_ text: String) throws(Failure) -> [CommandToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [CommandToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                index += 1
                continue
            }
            if scalar == "|" {
                tokens.append(CommandToken(text: "|", start: index, end: index + 1))
                index += 1
                continue
            }
            let start = index
            var word = String.UnicodeScalarView()
            var quoted = false
            wordLoop: while index < scalars.count {
                let c = scalars[index]
                switch c {
                case " ", "\t", "\n", "\r", "|":
                    break wordLoop
                case "'":
                    quoted = true
                    guard let close = scalars[(index + 1)...].firstIndex(of: "'") else {
                        throw Failure(message: "unterminated quote (')", offset: index)
                    }
                    word.append(contentsOf: scalars[(index + 1)..<close])
                    index = close + 1
                case "\"":
                    quoted = true
                    let open = index
                    index += 1
                    var closed = false
                    while index < scalars.count {
                        let d = scalars[index]
                        if d == "\"" { closed = true; index += 1; break }
                        if d == "\\", index + 1 < scalars.count, ["\"", "\\", "$", "`"].contains(scalars[index + 1]) {
                            word.append(scalars[index + 1])
                            index += 2
                            continue
                        }
                        word.append(d)
                        index += 1
                    }
                    if !closed { throw Failure(message: "unterminated quote (\")", offset: open) }
                case "\\":
                    guard index + 1 < scalars.count else {
                        throw Failure(message: "a backslash at the end of the action escapes nothing", offset: index)
                    }
                    word.append(scalars[index + 1])
                    index += 2
                default:
                    word.append(c)
                    index += 1
                }
            }
            tokens.append(CommandToken(text: String(word), start: start, end: index, isQuoted: quoted))
        }
        return tokens
    }
}
