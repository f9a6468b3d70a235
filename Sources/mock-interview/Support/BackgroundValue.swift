import Dispatch

/// A value worked out on another thread while this one does something else: `report` and
/// `progress` parse the question bank while they read the database.
///
/// ```swift
/// let questions = BackgroundValue { (try? QuestionBank.load(from: path))?.questions ?? [] }
/// let data = try store.progress()
/// render(data, questions.value)
/// ```
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    // `result` is written once, before `done` is signalled, and read only after waiting for it.
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, waiting for it if it is not ready yet.
    lazy var value: Value = {
        done.wait()
        guard let result else { preconditionFailure("the background work signalled without a value") }
        return result
    }()
}
