import Dispatch

/// Work spread over the machine's cores, for independent pieces of one analysis (the awareness
/// indicators: each its own pass over the respondents).
package enum ParallelMap {
    /// `body(0) ... body(count - 1)`, computed on as many threads as the machine has cores,
    /// returned in order. `body` must not share mutable state between calls.
    package static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let results = Slots<T>(count)
        withoutActuallyEscaping(body) { body in
            let work = Work(body)
            DispatchQueue.concurrentPerform(iterations: count) { i in results.put(i, work.body(i)) }
        }
        return results.values()
    }

    /// The closure handed to the worker threads; `map` waits for them all before it returns.
    private final class Work<T>: @unchecked Sendable {  // called concurrently for distinct indices only
        let body: (Int) -> T
        init(_ body: @escaping (Int) -> T) { self.body = body }
    }

    /// One slot per index, each written by exactly one thread, read after every thread is done.
    private final class Slots<T>: @unchecked Sendable {  // distinct indices per thread; read after the join
        private let buffer: UnsafeMutableBufferPointer<T?>

        init(_ count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func put(_ i: Int, _ value: T) { buffer[i] = value }

        func values() -> [T] { buffer.map { $0! } }
    }
}
