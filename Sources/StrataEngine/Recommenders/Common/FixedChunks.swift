import Dispatch
import Synchronization

/// Splits `0..<count` into a fixed number of consecutive ranges and runs them on all cores.
/// The split depends only on `count` and `chunkCount`, never on the number of threads, and the
/// results come back in range order, so whatever a caller combines from them is deterministic.
enum FixedChunks {
    /// Enough ranges for two cores to balance uneven rows, few enough that per-range set-up is negligible.
    static let defaultChunkCount = 16

    static func ranges(count: Int, chunkCount: Int = defaultChunkCount) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let chunks = max(1, min(chunkCount, count))
        return (0..<chunks).map { c in (count * c / chunks)..<(count * (c + 1) / chunks) }
    }

    /// `body(range)` for each fixed range, in parallel; results in range order. The first error
    /// (by range order) is rethrown after all ranges finished or stopped.
    static func map<T: Sendable>(
        count: Int, chunkCount: Int = defaultChunkCount, context: RunContext,
        _ body: @Sendable (Range<Int>) throws -> T
    ) throws -> [T] {
        let parts = ranges(count: count, chunkCount: chunkCount)
        let slots = Mutex<[Int: Result<T, any Error>]>([:])
        let cancellation = context.cancellation
        DispatchQueue.concurrentPerform(iterations: parts.count) { c in
            let result: Result<T, any Error>
            do {
                try cancellation.check()
                result = .success(try body(parts[c]))
            } catch {
                result = .failure(error)
            }
            slots.withLock { $0[c] = result }
        }
        let collected = slots.withLock { $0 }
        return try (0..<parts.count).map { c in
            guard let r = collected[c] else { throw CancelledError() }
            return try r.get()
        }
    }
}
