/// The labelled examples of a question as vectors, and how near an answer comes to the correct and
/// the incorrect ones (SPEC §6): the features `knn_c`, `knn_i` and `knn_vote` of model M1.
///
/// A text's vector has, for each stem occurrence, its IDF under the stem (or under "~stem" when
/// negated) and, for each distinct pair of consecutive stems, a quarter of the pair's IDF sum;
/// vectors are L2-normalised and compared by dot product.
struct ExampleNeighbours: Sendable {
    /// How many nearest examples vote.
    static let voters = 5

    private var keyIndex: [String: Int] = [:]
    private var examples: [(vector: [(key: Int, value: Double)], correct: Bool)] = []

    var count: Int { examples.count }

    init(_ labelled: [LabelledExample], analyzer: ReferenceAnalyzer, corpus: ReferenceCorpus) {
        for example in labelled {
            var entries: [(key: Int, value: Double)] = []
            for (key, value) in Self.vector(of: analyzer.analyze(example.answer), corpus: corpus) {
                let id: Int
                if let known = keyIndex[key] {
                    id = known
                } else {
                    id = keyIndex.count
                    keyIndex[key] = id
                }
                entries.append((id, value))
            }
            examples.append((entries.sorted { $0.key < $1.key }, example.correct))
        }
    }

    /// (`knn_c`, `knn_i`, `knn_vote`) of an answer (as analysed, before spelling repair).
    func features(of answer: ReferenceText, corpus: ReferenceCorpus) -> (nearestCorrect: Double, nearestIncorrect: Double, vote: Double, correctVoters: Int) {
        let vector = Self.vector(of: answer, corpus: corpus)
            .compactMap { entry in keyIndex[entry.key].map { (key: $0, value: entry.value) } }
            .sorted { $0.key < $1.key }
        var similarities: [(similarity: Double, correct: Bool)] = examples.map { (Self.dot(vector, $0.vector), $0.correct) }
        similarities.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.correct && !$1.correct) }
        let nearestCorrect = similarities.first(where: \.correct)?.similarity ?? 0
        let nearestIncorrect = similarities.first(where: { !$0.correct })?.similarity ?? 0
        let top = similarities.prefix(Self.voters)
        let total = top.reduce(0) { $0 + $1.similarity }
        let vote = total > 1e-9 ? top.filter(\.correct).reduce(0) { $0 + $1.similarity } / total : 0.5
        return (nearestCorrect, nearestIncorrect, vote, top.filter(\.correct).count)
    }

    /// The normalised vector of a text, its keys in order of first appearance.
    static func vector(of text: ReferenceText, corpus: ReferenceCorpus) -> [(key: String, value: Double)] {
        var keys: [String] = []
        var values: [Double] = []
        var position: [String: Int] = [:]
        func add(_ key: String, _ value: Double) {
            if let index = position[key] {
                values[index] += value
            } else {
                position[key] = keys.count
                keys.append(key)
                values.append(value)
            }
        }
        for (stem, negated) in zip(text.stems, text.negated) {
            add(negated ? "~" + stem : stem, corpus.idf(stem))
        }
        for pair in text.pairs {
            add(pair.first + " " + pair.second, 0.5 * (corpus.idf(pair.first) + corpus.idf(pair.second)) / 2)
        }
        var norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm == 0 { norm = 1e-9 }
        return zip(keys, values).map { ($0, $1 / norm) }
    }

    static func dot(_ a: [(key: Int, value: Double)], _ b: [(key: Int, value: Double)]) -> Double {
        var sum = 0.0
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i].key == b[j].key {
                sum += a[i].value * b[j].value
                i += 1
                j += 1
            } else if a[i].key < b[j].key {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
