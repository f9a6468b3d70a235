import Testing
@testable import InterviewKit

@Suite("Stance: credit only where the candidate endorses")
struct StanceTests {
    let tokenizer = Tokenizer()

    /// The words of `text` that lie inside a negation.
    func negatedWords(_ text: String) -> [String] {
        tokenizer.analyze(text).tokens.filter { $0.negatedBy != nil }.map(\.word)
    }

    /// The words of `text` the candidate rejects.
    func rejectedWords(_ text: String) -> [String] {
        tokenizer.analyze(text).tokens.filter { $0.stance?.kind == .rejected || $0.stance?.kind == .excluded }.map(\.word)
    }

    func evaluate(_ answer: String) -> Evaluation {
        Evaluator(question: Sample.question()).evaluate(answer)
    }

    /// A rubric of single techniques, for lists.
    static let techniques = Sample.question(rubric: Sample.rubric(concepts: [
        Concept(id: "smote", label: "SMOTE", phrases: ["synthetic minority"], abbreviations: ["SMOTE"], tip: "Mention SMOTE."),
        Concept(id: "weights", label: "Class weights", phrases: ["class weights"], tip: "Weight the loss."),
        Concept(id: "undersampling", label: "Undersampling", phrases: ["undersampling", "undersample"], tip: "Drop majority rows."),
        Concept(id: "metrics", label: "Precision and recall", phrases: ["precision", "recall"], tip: "Report precision and recall."),
        Concept(id: "accuracy", label: "Accuracy is misleading", kind: .risk, phrases: ["accuracy misleading", "not rely on accuracy"], tip: "Say why accuracy misleads."),
        Concept(id: "leakage", label: "Leakage", kind: .risk, phrases: ["leakage"], tip: "Name leakage."),
        Concept(id: "pruning", label: "Pruning", phrases: ["pruning", "prune"], tip: "Prune weights."),
        Concept(id: "distillation", label: "Distillation", phrases: ["distillation"], tip: "Distil the model."),
    ], stages: []))

    func found(_ answer: String) -> Set<String> {
        Evaluator(question: Self.techniques).evaluate(answer).concepts.foundIDs
    }

    func rejected(_ answer: String) -> Set<String> {
        Set(Evaluator(question: Self.techniques).evaluate(answer).concepts.negated.map(\.id))
    }

    // MARK: Negation

    @Test("the words after a negation cue are negated", arguments: [
        ("I would not retrain", ["retrain"]),
        ("I wouldn't retrain", ["retrain"]),
        ("I won’t retrain it", ["retrain", "it"]),
        ("we never saw drift", ["saw", "drift"]),
        ("there was no drift", ["drift"]),
        ("we can do it without retraining", ["retraining"]),
        ("monitor instead of retraining", ["retraining"]),
        ("monitor rather than retrain", ["retrain"]),
    ])
    func negated(text: String, expected: [String]) {
        #expect(negatedWords(text) == expected)
    }

    @Test("a negation ends at the end of its clause", arguments: [
        "I would not retrain, I would monitor",
        "I would not retrain; I would monitor",
        "I would not retrain but monitor",
        "I would not retrain. Monitor",
        "I would not retrain\n\nMonitor",
    ])
    func scopeEndsAtClause(text: String) {
        #expect(negatedWords(text) == ["retrain"])
    }

    @Test("a negation reaches at most ten words")
    func maximumReach() {
        let text = tokenizer.analyze("not one two three four five six seven eight nine ten eleven")
        #expect(text.tokens.filter { $0.negatedBy != nil }.count == Stance.maximumReach)
        #expect(text.tokens.last?.negatedBy == nil)
    }

    @Test("'not only', 'not just' and 'no matter' reject nothing", arguments: [
        "not only monitoring but also retraining",
        "not just retraining",
        "no matter how we retrain",
    ])
    func notNegating(text: String) {
        #expect(rejectedWords(text).isEmpty)
        #expect(tokenizer.analyze(text).tokens.allSatisfy { $0.stance == nil })
    }

    @Test("'not just X' still keeps X out of a wrong claim's pattern")
    func notJustIsNoClaim() {
        #expect(negatedWords("Do not just let the network learn everything") == ["let", "the", "network", "learn", "everything"])
        #expect(negatedWords("no matter how we retrain").isEmpty)
    }

    @Test("text analysed without negation marks nothing")
    func withoutNegation() {
        #expect(tokenizer.analyze("I would not retrain", markNegation: false).tokens.allSatisfy { $0.negatedBy == nil && $0.stance == nil })
    }

    // MARK: Who speaks

    @Test("a negation the candidate speaks is a rejection; one about the world only describes", arguments: [
        ("I would not retrain", StanceKind.rejected),
        ("Don't retrain", .rejected),
        ("we don't need retraining", .rejected),
        ("no need for retraining", .rejected),
        ("the model never sees fraud", .described),
        ("there was no monitoring", .described),
        ("if you don't monitor it you won't notice", .described),
        ("we can do it without retraining", .described),
        ("it is a black box that you can't easily audit", .described),
        ("nobody can see inside it", .described),
        ("it captures associations, not the mechanism", .described),
        ("I would not trust its confidence", .described),
    ])
    func speaker(text: String, kind: StanceKind) throws {
        let token = try #require(tokenizer.analyze(text).tokens.last { $0.stance != nil })
        #expect(token.stance?.kind == kind)
    }

    // MARK: Rejections in scoring

    @Test("a negation covers a coordinated list", arguments: [
        "I would not use SMOTE, class weights or undersampling.",
        "I wouldn't use SMOTE, class weights, undersampling or precision.",
        "Never SMOTE, class weights or undersampling.",
    ])
    func coordinatedList(answer: String) {
        #expect(found(answer).isEmpty, "found \(found(answer))")
        #expect(rejected(answer).isSuperset(of: ["smote", "weights", "undersampling"]))
    }

    @Test("a comma that starts a clause of its own ends the list")
    func clauseAfterCommaIsNoList() {
        #expect(found("If the data is not balanced, class weights help a lot.") == ["weights"])
    }

    @Test("words of rejection after the term reject it", arguments: [
        "Pruning is not worth it for this model.",
        "Pruning isn't needed here.",
        "Pruning is overrated.",
        "Pruning is a waste of time.",
        "Pruning makes it worse.",
        "Pruning never helps.",
        "Pruning is useless and harmful.",
        "Pruning is unnecessary for a model this size.",
        "Pruning is totally overkill.",
        "Pruning rarely pays off.",
        "Pruning, class weights and undersampling are all overrated.",
    ])
    func dismissalAfterTerm(answer: String) {
        #expect(!found(answer).contains("pruning"))
        #expect(rejected(answer).contains("pruning"))
    }

    @Test("words of rejection before the term reject it", arguments: [
        "I would avoid pruning.",
        "I'd skip pruning entirely.",
        "I would steer clear of pruning.",
        "Forget about pruning.",
        "I'd use class weights instead of pruning.",
    ])
    func rejectionBeforeTerm(answer: String) {
        #expect(rejected(answer).contains("pruning"))
    }

    @Test("a rejection that names nothing rejects what the sentence was about", arguments: [
        "Distillation means training a whole second model, so I wouldn't bother.",
        "Distillation is a lot of work and I'd skip it.",
        "Distillation? I'd skip it.",
        "Distillation, too much work for a small gain, not worth it.",
        "Distillation? Pointless.",
        "Distillation, I tried it once. It never helped.",
        "Distillation just adds complexity to the release.",
        "Distillation costs more than it saves.",
        "Distillation? That's for academics.",
        "Forget distillation.",
    ])
    func objectlessRejection(answer: String) {
        #expect(!found(answer).contains("distillation"))
        #expect(rejected(answer).contains("distillation"))
    }

    @Test("a rejection without an object reaches back to the nearest clause that names something", arguments: [
        "We use leakage checks, and \"distillation everywhere\" is not an answer.",
        "Leakage is real, and distillation? Not worth it.",
    ])
    func nearestReferent(answer: String) {
        #expect(rejected(answer) == ["distillation"])
        #expect(found(answer).contains("leakage"))
    }

    @Test("'for A, not for B' contrasts two uses and rejects neither; 'Not for us.' rejects", arguments: [
        ("Pruning is for the phone build, not for the server.", false),
        ("Use pruning for the phone build, not for the server.", false),
        ("Pruning? Not for us.", true),
    ])
    func contrastOfUses(answer: String, rejects: Bool) {
        #expect(rejected(answer).contains("pruning") == rejects)
        #expect(found(answer).contains("pruning") == !rejects)
    }

    @Test("'doesn't work' or 'isn't useful' refuses a practice but agrees with a risk", arguments: [
        ("Leave leakage in the features and the model just doesn't work.", "leakage", false),
        ("Accuracy misleading? Headline accuracy isn't useful here.", "accuracy", false),
        ("Pruning doesn't work here.", "pruning", true),
        ("Pruning isn't useful here.", "pruning", true),
        ("Leakage doesn't matter here.", "leakage", true),
        ("Leakage is not worth worrying about.", "leakage", true),
    ])
    func worthAndRisk(answer: String, concept: String, rejects: Bool) {
        #expect(rejected(answer).contains(concept) == rejects)
        #expect(found(answer).contains(concept) == !rejects)
    }

    @Test("a word of dismissive tone that is itself denied affirms", arguments: [
        ("Leakage is not a myth.", "leakage", false),
        ("Leakage is no academic nicety.", "leakage", false),
        ("Pruning isn't some overhyped fad; it halves the latency.", "pruning", false),
        ("Leakage is a myth.", "leakage", true),
        ("Pruning is an academic nicety.", "pruning", true),
    ])
    func deniedTone(answer: String, concept: String, rejects: Bool) {
        #expect(rejected(answer).contains(concept) == rejects)
        #expect(found(answer).contains(concept) == !rejects)
    }

    @Test("a deferral or a condition is not a rejection", arguments: [
        "I wouldn't start with pruning; first I'd measure where the time goes, then prune.",
        "I would not prune blindly: measure first, then prune the layers that cost most.",
        "I wouldn't use SMOTE before the split, only on the training fold.",
        "I would not rely on pruning alone.",
    ])
    func deferral(answer: String) {
        #expect(!rejected(answer).contains("pruning") && !rejected(answer).contains("smote"))
        #expect(found(answer).contains("pruning") || found(answer).contains("smote"))
    }

    @Test("a result to avoid, a condition after the verb, or a continued list of needs is not a rejection", arguments: [
        ("Set up checks that warn us early, so we're not finding out about the drop weeks later.", "leakage"),
        ("Don't prune a model unless it genuinely will not fit on one device.", "pruning"),
    ])
    func notRejections(answer: String, concept: String) {
        #expect(!rejected(answer).contains(concept))
    }

    @Test("the rejected mention is quoted as evidence of the rejection")
    func rejectedEvidence() throws {
        let evaluation = Evaluator(question: Self.techniques).evaluate("Honestly, pruning is a waste of time, so I would skip it.")
        let rejection = try #require(evaluation.concepts.negated.first { $0.id == "pruning" })
        #expect(rejection.evidence.map(\.text) == ["pruning"])
        #expect(evaluation.notes.contains { $0.contains("No credit for what the answer rejects") })
    }

    @Test("a negation inside the phrase denies it: accuracy is not misleading")
    func innerNegation() {
        let answer = "I would not use SMOTE, class weights, undersampling, precision or recall; accuracy is not misleading."
        let evaluation = Evaluator(question: Self.techniques).evaluate(answer)
        #expect(evaluation.concepts.found.isEmpty, "found \(evaluation.concepts.foundIDs)")
        #expect(evaluation.score <= 10)
        #expect(Set(evaluation.concepts.negated.map(\.id)).isSuperset(of: ["smote", "weights", "undersampling", "metrics", "accuracy"]))
    }

    @Test("a phrase that holds its own negation word still matches")
    func phraseWithNegationWord() {
        #expect(found("I would not rely on accuracy for this.").contains("accuracy"))
    }

    @Test("a risk is named by 'avoid', 'without' and 'no', and rejected only when dismissed")
    func riskConcepts() {
        #expect(found("Resample only the training fold to avoid leakage into the test set.").contains("leakage"))
        #expect(found("Split by time so there is no leakage from the future.").contains("leakage"))
        #expect(rejected("Leakage is not a concern once the model is in production.").contains("leakage"))
        #expect(rejected("I wouldn't worry about leakage.").contains("leakage"))
    }

    @Test("a practice described as absent earns nothing and is not reported as rejected")
    func describedAbsence() {
        let evaluation = evaluate("The team had no monitor on the inputs, so the drop went unnoticed for weeks.")
        #expect(!evaluation.concepts.foundIDs.contains("monitoring"))
        #expect(evaluation.concepts.negated.isEmpty)
    }

    @Test("\"not only X but also Y\" credits both X and Y")
    func notOnlyButAlso() {
        let evaluation = evaluate("I would not only retrain the model but also monitor it.")
        #expect(evaluation.concepts.foundIDs.isSuperset(of: ["retraining", "monitoring"]))
        #expect(evaluation.concepts.negated.isEmpty)
    }

    @Test("\"instead of retraining\" rejects retraining and credits what comes first")
    func insteadOf() {
        let evaluation = evaluate("I would monitor the inputs and the error rate every day instead of retraining it.")
        #expect(evaluation.concepts.foundIDs == ["monitoring"])
        #expect(evaluation.concepts.negated.map(\.id) == ["retraining"])
    }

    @Test("a concept rejected in passing but explained elsewhere counts as found")
    func rejectedAndExplained() {
        let evaluation = evaluate("I would not retrain blindly. I would retrain on last month's data from the new customer segments once the cause is known.")
        #expect(evaluation.concepts.foundIDs.contains("retraining"))
        #expect(!evaluation.concepts.negated.contains { $0.id == "retraining" })
    }

    @Test("a bare mention does not outweigh an explicit rejection of the same concept")
    func rejectionBeatsBareMention() {
        let answer = "People love talking about pruning. In practice pruning is overkill and I would never do it."
        #expect(!found(answer).contains("pruning"))
        #expect(rejected(answer).contains("pruning"))
    }

    @Test("a negation in one sentence does not reach the next")
    func negationStopsAtSentence() {
        let evaluation = evaluate("We did not expect that. Then we saw data drift in the inputs from the new region.")
        #expect(evaluation.concepts.foundIDs == ["drift"])
    }
}
