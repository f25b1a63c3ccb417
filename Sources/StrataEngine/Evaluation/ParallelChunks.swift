/// Work split into a fixed number of chunks run on all cores; results come back in chunk order, so
/// they never depend on the thread count or on scheduling.
enum ParallelChunks {
    static let defaultCount = 16

    /// `body(chunk, range)` for `chunks` contiguous ranges covering 0..<total; results in range order.
    static func map<T>(total: Int, chunks: Int = defaultCount, _ body: @Sendable (Int, Range<Int>) throws -> T) throws -> [T] {
        let n = max(1, min(chunks, total))
        return try Parallel.map(chunks: n) { c in try body(c, (c * total / n)..<((c + 1) * total / n)) }
    }
}
