/// Marks the tokens that lie inside a negation, so that "I would not retrain" earns no credit for
/// retraining.
///
/// A cue (*not*, *no*, *never*, *without*, *instead of*, *rather than*…) negates the words after it up to
/// the end of its clause (a comma, a semicolon, *but*, the end of the sentence) or `maximumReach`
/// words, whichever comes first. "Not only", "not just" and "no matter" do not negate.
public enum NegationScope {
    public static let maximumReach = 8

    static let cues: Set<String> = ["not", "no", "never", "without", "nor", "neither", "none", "nothing", "nobody", "nowhere"]
    static let twoWordCues: Set<[String]> = [["instead", "of"], ["rather", "than"], ["far", "from"]]
    static let notNegating: Set<String> = ["only", "just", "simply", "merely", "matter", "doubt", "longer", "sure"]

    public static func mark(_ tokens: inout [Token]) {
        var index = 0
        while index < tokens.count {
            let traits = tokens[index].traits
            var scopeStart: Int?
            if traits.contains(.negationCue) {
                let exempt = index + 1 < tokens.count
                    && tokens[index + 1].traits.contains(.notNegating) && tokens[index + 1].clause == tokens[index].clause
                if !exempt { scopeStart = index + 1 }
            } else if traits.contains(.twoWordCueStart), index + 1 < tokens.count,
                      twoWordCues.contains([tokens[index].word, tokens[index + 1].word]) {
                scopeStart = index + 2
            }
            guard let start = scopeStart else {
                index += 1
                continue
            }
            let clause = tokens[index].clause
            var position = start
            while position < tokens.count, position < start + maximumReach, tokens[position].clause == clause {
                if tokens[position].negatedBy == nil { tokens[position].negatedBy = index }
                position += 1
            }
            index += 1
        }
    }
}
