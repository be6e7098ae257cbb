/// Parses the YAML subset of SCENARIO_FORMAT §1, by hand, into `YAMLNode`s.
///
/// Supported: block mappings and sequences indented with spaces (including
/// `- key: value` items and sequences at their key's indentation), plain,
/// single- and double-quoted scalars (multi-line too), flow sequences and
/// mappings, `#` comments, `|` literal block scalars with `-`/`+` chomping and
/// an indentation digit, and one leading `---`. Every scalar is text.
///
/// Rejected with a diagnostic: anchors, aliases, tags, `?` complex keys,
/// directives, a second document or `...`, folded `>` scalars, duplicate keys,
/// tabs outside quoted strings, comments and literal text, bad indentation,
/// unterminated strings and collections, non-scalar keys, characters YAML
/// forbids (control characters, U+0085, U+2028, U+2029), invalid UTF-8, and
/// nesting deeper than `maximumDepth`.
///
/// The parser reports every error it can find: after one, it resumes at the
/// next entry of the enclosing block collection. It stops after
/// `maximumDiagnostics` errors. It never crashes and runs in about linear time;
/// its recursion is bounded by `maximumDepth`.
public enum YAMLParser {
    /// The deepest nesting of collections accepted.
    public static let maximumDepth = 64
    /// After this many errors the parser stops, with one more saying so.
    public static let maximumDiagnostics = 100

    /// Parses `source`; `file` is the path put in diagnostics.
    /// - Complexity: O(n log n) in the length of `source` at worst.
    public static func parse(_ source: String, file: String) -> YAMLParseResult {
        var reader = YAMLReader(scalars: Array(source.unicodeScalars), invalidUTF8: [], file: file)
        return reader.parse()
    }

    /// Parses UTF-8 `bytes`, reporting any invalid UTF-8 (which is read as U+FFFD,
    /// as `String(decoding:as:)` reads it).
    /// - Complexity: O(n log n) in the number of bytes at worst.
    public static func parse(bytes: [UInt8], file: String) -> YAMLParseResult {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var invalid: [Int] = []
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break decoding
            case .error:
                invalid.append(scalars.count)
                scalars.append("\u{FFFD}")
            }
        }
        var reader = YAMLReader(scalars: scalars, invalidUTF8: invalid, file: file)
        return reader.parse()
    }
}
