/// Which words a stem may join. Snowball's stemmer cuts derivational endings too, so "specifically",
/// "specificity" and "specific" all become "specif", and "regular", "regularly" and "regularization"
/// all become "regular" — words that mean different things. A phrase word meets an answer word when
/// their stems agree *and* they belong to the same family: an adverb in *-ly*, a quality noun in
/// *-ity*, a verb or noun in *-ize*/*-ization* and an agent noun in *-er* ("transformer", "computer")
/// each meet only words of their own kind (or the very same word). Everything else — inflections, *-ing*, *-ion*, *-ness*, *-ed* — stays one family, so
/// "monitoring" still meets "monitor" and "distillation" meets "distill".
///
/// The family is read off what the stemmer removed: "weekly" → "week" lost its *-ly* (an adverb or
/// adjective of "week"), while "early" → "earli" kept it (no family of its own).
public enum WordFamily: UInt8, Sendable, Hashable {
    case base
    /// "specifically", "regularly": the stemmer removed *-ly*.
    case adverb
    /// "specificity", "sensitivity", "probability": the stemmer removed *-ity*.
    case quality
    /// "regularization", "normalize", "optimized": the stemmer removed *-iz-*.
    case izing
    /// "transformer", "computer", "encoder": the stemmer removed an agent's *-er* (not "transform",
    /// "compute", "encode").
    case agent

    /// The family of `word` (a token's normal word, after ``SpellingVariants/american(_:)``) given
    /// its `stem`.
    public static func of(_ word: String, stem: String) -> WordFamily {
        let bytes = word.utf8
        guard bytes.count > 4, bytes.count > stem.utf8.count else { return .base }
        if word.hasSuffix("ly"), !stem.hasSuffix("li") { return .adverb }
        if word.hasSuffix("ity") || word.hasSuffix("ities") {
            return stem.hasSuffix("iti") ? .base : .quality
        }
        if !stem.hasSuffix("iz"), izingEndings.contains(where: word.hasSuffix) { return .izing }
        if (word.hasSuffix("er") || word.hasSuffix("ers")) && !stem.hasSuffix("er") { return .agent }
        return .base
    }

    static let izingEndings = ["ize", "izes", "ized", "izing", "ization", "izations", "izer", "izers"]

    /// Whether a phrase word and an answer word with the same stem mean the same family.
    @inline(__always)
    static func joins(_ phrase: WordFamily, _ answer: WordFamily) -> Bool {
        phrase == answer
    }
}

/// British spellings made American before stemming, so that "regularisation" meets "regularization"
/// and "behaviour" meets "behavior" (Snowball's English stemmer keeps them apart). Only the stem is
/// changed; quotes keep the candidate's spelling.
public enum SpellingVariants {
    /// Words in *-ise* that are not the British form of an *-ize* verb.
    static let keepIse: Set<String> = [
        "advise", "apprise", "arise", "chastise", "comprise", "compromise", "concise", "demise", "despise",
        "devise", "disguise", "enterprise", "excise", "exercise", "expertise", "franchise", "guise", "improvise",
        "incise", "merchandise", "noise", "otherwise", "paradise", "poise", "praise", "precise", "premise",
        "promise", "raise", "revise", "rise", "sunrise", "supervise", "surmise", "surprise", "televise", "treatise",
        "wise", "likewise", "clockwise", "pairwise", "stepwise", "elementwise", "piecewise", "layerwise",
        "bitwise", "advertise", "circumcise", "sise", "cruise", "bruise", "anise", "vise", "mise", "unwise",
    ]
    static let ourWords: Set<String> = [
        "behaviour", "colour", "favour", "flavour", "honour", "humour", "labour", "neighbour", "rumour",
        "vapour", "harbour", "endeavour", "savour", "vigour", "armour", "odour", "valour", "clamour",
    ]

    /// `word` with its British ending made American, or `word` itself.
    public static func american(_ word: String) -> String {
        let bytes = word.utf8
        guard bytes.count > 4, let last = bytes.last else { return word }
        // Quick exit: every ending below finishes in e, s, d, g, n or r.
        switch last {
        case UInt8(ascii: "e"), UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "g"), UInt8(ascii: "n"), UInt8(ascii: "r"): break
        default: return word
        }
        for (british, american) in isationEndings where word.hasSuffix(british) {
            return String(word.dropLast(british.count)) + american
        }
        for (british, american) in iseEndings where word.hasSuffix(british) {
            let base = String(word.dropLast(british.count))
            if keepIse.contains(base + "ise") || base.count < 3 { return word }
            return base + american
        }
        for (british, american) in yseEndings where word.hasSuffix(british) {
            return String(word.dropLast(british.count)) + american
        }
        for ending in ["ours", "oured", "ouring", "ourite", "ourites", "ourable", "our"] where word.hasSuffix(ending) {
            let stemPart = String(word.dropLast(ending.count))
            if ourWords.contains(stemPart + "our") {
                return stemPart + "or" + ending.dropFirst(3)
            }
        }
        return word
    }

    static let isationEndings = [("isations", "izations"), ("isation", "ization")]
    static let iseEndings = [("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("iser", "izer"), ("isers", "izers"), ("ise", "ize")]
    static let yseEndings = [("ysing", "yzing"), ("ysed", "yzed"), ("yse", "yze")]
}
