import Dispatch

/// Work split into a fixed number of chunks run on all cores; results come back in chunk order, so
/// they never depend on the thread count or on scheduling.
enum ParallelChunks {
    static let defaultCount = 16

    /// `body(chunk, range)` for `chunks` contiguous ranges covering 0..<total; results in range order.
    static func map<T>(total: Int, chunks: Int = defaultCount, _ body: @Sendable (Int, Range<Int>) throws -> T) throws -> [T] {
        let n = max(1, min(chunks, total))
        let slots = ResultSlots<T>(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { c in
            let range = (c * total / n)..<((c + 1) * total / n)
            slots.store(c, Result { try body(c, range) })
        }
        return try slots.take()
    }
}

/// One slot per chunk, each written by exactly one worker before `take` reads them.
private final class ResultSlots<T>: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<Result<T, any Error>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: nil, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    func store(_ index: Int, _ value: Result<T, any Error>) { pointer[index] = value }

    /// The results in chunk order; the first failure (in chunk order) is rethrown.
    func take() throws -> [T] {
        try (0..<count).map { i in
            guard let r = pointer[i] else { throw EngineError("internal: a parallel chunk produced no result") }
            return try r.get()
        }
    }
}
