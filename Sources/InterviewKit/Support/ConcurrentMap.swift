import Dispatch
import Foundation

/// `map` with the elements transformed at once on every core; the results keep the input's order.
enum ConcurrentMap {
    static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Slots<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            results[index] = transform(elements[index])
        }
        return results.filled
    }

    /// One slot per element, each written by exactly one iteration, read after all have finished.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var values: [Value?]
        private let lock = NSLock()

        init(count: Int) { values = Array(repeating: nil, count: count) }

        subscript(index: Int) -> Value? {
            get { lock.withLock { values[index] } }
            set { lock.withLock { values[index] = newValue } }
        }

        var filled: [Value] {
            lock.withLock { values.map { value in
                guard let value else { preconditionFailure("an iteration of concurrentPerform did not run") }
                return value
            } }
        }
    }
}
