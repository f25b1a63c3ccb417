/// Runs `body` over a fixed split of `0..<count` on both cores and returns the per-chunk results in
/// chunk order, so whatever the caller combines from them does not depend on scheduling.
/// The first error (in chunk order) is rethrown after every chunk has stopped.
enum FixedChunkParallel {
    /// Work smaller than this runs on the calling thread: starting threads would cost more.
    static let minimumParallelCount = 2_048

    /// `chunks` ranges over `0..<count`, or a single one when the work is too small to share.
    static func ranges(count: Int, chunks: Int) -> [Range<Int>] {
        split(count: count, chunks: count < minimumParallelCount ? 1 : chunks)
    }

    /// `chunks` consecutive ranges of near-equal length covering `0..<count` (fewer when count is small).
    static func split(count: Int, chunks: Int) -> [Range<Int>] {
        let parts = max(1, min(chunks, count))
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }

    /// Splits `0..<count` for work whose cost for index `i` grows like `count - i` (the rows of a
    /// triangular matrix), so each range holds about the same number of pairs.
    static func triangularSplit(count: Int, chunks: Int) -> [Range<Int>] {
        let parts = max(1, min(chunks, count))
        let total = Double(count) * Double(count) / 2
        var bounds = [0]
        for part in 1..<parts {
            // Rows 0..<r hold about total − (count − r)²/2 pairs.
            let remaining = total * Double(parts - part) / Double(parts)
            let row = count - Int((2 * remaining).squareRoot().rounded())
            bounds.append(min(count, max(bounds[bounds.count - 1], row)))
        }
        bounds.append(count)
        return (0..<parts).map { bounds[$0]..<bounds[$0 + 1] }.filter { !$0.isEmpty }
    }

    static func map<Result: Sendable>(
        ranges: [Range<Int>], _ body: @Sendable (Range<Int>) throws -> Result
    ) throws -> [Result] {
        if ranges.count <= 1 { return try ranges.map(body) }
        return try Parallel.map(chunks: ranges.count) { try body(ranges[$0]) }
    }
}
