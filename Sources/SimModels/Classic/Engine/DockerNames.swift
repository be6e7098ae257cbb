/// Docker's generated container names (`pkg/namesgenerator`): `<adjective>_<surname>`. The
/// lists are a subset of the real ones (which hold about 90 and 150 words), including the
/// names of the seed (`small_payne`, `stupefied_booth`, `high_wright`).
enum DockerNames {
    static let adjectives = [
        "admiring", "adoring", "agitated", "angry", "backstabbing", "berserk", "boring", "clever", "cocky",
        "compassionate", "condescending", "cranky", "desperate", "determined", "distracted", "dreamy", "drunk",
        "ecstatic", "elated", "elegant", "evil", "fervent", "focused", "furious", "gloomy", "goofy", "grave",
        "happy", "high", "hopeful", "hungry", "insane", "jolly", "jovial", "kickass", "lonely", "loving", "mad",
        "modest", "naughty", "nostalgic", "pensive", "prickly", "reverent", "romantic", "sad", "serene", "sharp",
        "sick", "silly", "sleepy", "small", "stoic", "stupefied", "suspicious", "tender", "thirsty", "trusting",
    ]
    static let surnames = [
        "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata", "austin", "babbage", "banach",
        "bardeen", "bartik", "bassi", "bell", "bhabha", "bhaskara", "blackwell", "bohr", "booth", "borg", "bose",
        "boyd", "brahmagupta", "brattain", "brown", "carson", "chandrasekhar", "colden", "cori", "cray", "curie",
        "darwin", "davinci", "einstein", "elion", "engelbart", "euclid", "fermat", "fermi", "feynman", "franklin",
        "galileo", "goldstine", "goodall", "hawking", "heisenberg", "hodgkin", "hoover", "hopper", "hypatia",
        "jang", "jennings", "jones", "kalam", "keller", "kilby", "kirch", "knuth", "lalande", "lamarr", "leakey",
        "lovelace", "lumiere", "mayer", "mccarthy", "mcclintock", "mclean", "meitner", "mestorf", "morse",
        "newton", "nobel", "noether", "panini", "pare", "pasteur", "payne", "perlman", "pike", "poincare",
        "poitras", "ptolemy", "raman", "ramanujan", "ritchie", "roentgen", "rosalind", "saha", "sammet", "shockley",
        "sinoussi", "stallman", "stonebraker", "swanson", "swartz", "swirles", "tesla", "thompson", "torvalds",
        "turing", "varahamihira", "visvesvaraya", "wescoff", "williams", "wilson", "wing", "wozniak", "wright",
        "yalow", "yonath",
    ]

    /// `GetRandomName(0)`: an adjective and a surname drawn from `random`
    /// (`boring_wozniak` is not generated, as Docker refuses it).
    static func random(_ random: inout RandomStream) -> String {
        while true {
            let name = adjectives[random.nextInt(below: adjectives.count)] + "_" + surnames[random.nextInt(below: surnames.count)]
            if name != "boring_wozniak" { return name }
        }
    }
}

import SimEngine
