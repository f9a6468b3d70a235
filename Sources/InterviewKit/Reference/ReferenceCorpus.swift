import Foundation

/// Document frequencies of stems over one batch of grading: the IDF weights that make rare, telling
/// words ("series", "terminal") count for more than common ones ("battery", "bulb").
///
/// The documents are each distinct question text and each distinct reference answer once, every answer
/// of the batch, and every labelled example answer (each distinct list of examples once). A batch of
/// fewer than `minimumDocuments` documents gives no usable statistics, so every stem then weighs 1
/// (`uniform`), as it does for a single answer.
///
/// ```swift
/// var builder = ReferenceCorpus.Builder(analyzer: analyzer)
/// for item in batch { builder.add(item.question, answer: item.answer) }
/// let corpus = builder.corpus()                  // idf(s) = ln((N+1)/(df(s)+1))
/// ```
public struct ReferenceCorpus: Sendable, Hashable {
    /// Below this many documents the weights are uniform (the prototype's advice: "under ~30").
    public static let minimumDocuments = 30

    /// No statistics: every stem weighs 1.
    public static let uniform = ReferenceCorpus(documentCount: 0, documentFrequencies: [:], isUniform: true)

    public let documentCount: Int
    let documentFrequencies: [String: Int]
    public let isUniform: Bool
    let unseenWeight: Double

    init(documentCount: Int, documentFrequencies: [String: Int], isUniform: Bool) {
        self.documentCount = documentCount
        self.documentFrequencies = documentFrequencies
        self.isUniform = isUniform
        unseenWeight = log(Double(documentCount + 1))
    }

    /// Statistics of these documents (each a text's stems); uniform below `minimumDocuments`.
    public init(documents: [ReferenceText]) {
        var frequencies: [String: Int] = [:]
        for document in documents {
            for stem in document.distinctStems { frequencies[stem, default: 0] += 1 }
        }
        self.init(documentCount: documents.count, documentFrequencies: frequencies, isUniform: documents.count < Self.minimumDocuments)
    }

    /// `ln((N+1)/(df+1))`, or `ln(N+1)` for a stem no document has; 1 when uniform.
    public func idf(_ stem: String) -> Double {
        if isUniform { return 1 }
        guard let frequency = documentFrequencies[stem] else { return unseenWeight }
        return log(Double(documentCount + 1) / Double(frequency + 1))
    }

    /// Collects the documents of a batch, one item at a time, counting repeated questions, references
    /// and example lists once.
    public struct Builder: Sendable {
        public let analyzer: ReferenceAnalyzer
        private var frequencies: [String: Int] = [:]
        private var count = 0
        private var seenTexts: Set<String> = []
        private var seenExampleLists: Set<[LabelledExample]> = []

        public init(analyzer: ReferenceAnalyzer) {
            self.analyzer = analyzer
        }

        /// Adds an item's question and references (unless seen before), its answer, and its examples
        /// (unless this list of examples was seen before).
        public mutating func add(_ question: ReferenceQuestion, answer: String) {
            for text in [question.question].compactMap({ $0 }) + question.references where seenTexts.insert(text).inserted {
                addDocument(text)
            }
            addDocument(answer)
            if !question.examples.isEmpty, seenExampleLists.insert(question.examples).inserted {
                for example in question.examples { addDocument(example.answer) }
            }
        }

        mutating func addDocument(_ text: String) {
            count += 1
            for stem in analyzer.analyze(text).distinctStems { frequencies[stem, default: 0] += 1 }
        }

        public var documentCount: Int { count }

        public func corpus() -> ReferenceCorpus {
            ReferenceCorpus(documentCount: count, documentFrequencies: frequencies, isUniform: count < ReferenceCorpus.minimumDocuments)
        }
    }
}
