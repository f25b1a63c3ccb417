import Dispatch
import Foundation
import Synchronization

/// The engine's one way to split work: consecutive ranges covering `0..<total`, their number and
/// bounds chosen by the algorithm, never by the core count. Parallel runs keep one result (or one
/// scratch slot) per chunk and combine them in chunk order, so a result is the same bit for bit on
/// one thread or many; `threadCount` only decides how many chunks run at once.
///
/// Cancellation is checked before every chunk starts, so a loop over chunks stops within one
/// chunk's work of Ctrl-C; chunk bodies that run long check it themselves as well.
///
/// Also a `Sequence` of the ranges, for sequential loops that check cancellation once per range
/// (a plain `for` loop rather than a closure, so the optimizer can hoist work out of the body).
public struct FixedChunks: Sendable, Sequence {
    /// `$STRATA_THREADS` when set (1 runs every loop sequentially: the tests compare 1 and 2),
    /// else the number of active processors.
    public static let threadCount: Int = {
        if let raw = ProcessInfo.processInfo.environment["STRATA_THREADS"], let n = Int(raw), n >= 1 { return n }
        return Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Rows per chunk of the k-means loops: large enough that a chunk is worth a thread hand-off,
    /// small enough that two cores share the work evenly on a few hundred thousand rows.
    static let defaultSize = 8_192

    /// Rows per range of sequential table loops: checking cancellation this often makes Ctrl-C feel
    /// immediate and costs nothing.
    static let rowBlock = 65_536

    /// Parts for work split by count where the algorithm has no better number: more than the
    /// cores, so uneven parts even out.
    static let defaultParts = 16

    /// Work smaller than this is not worth starting threads for (see `init(total:parts:minimumToSplit:)`).
    static let worthSplitting = 2_048

    private enum Layout: Sendable {
        /// Ranges of `size` rows; the last one may be shorter.
        case size(Int)
        /// `parts` near-equal ranges: part `p` is `total·p/parts ..< total·(p+1)/parts`.
        case parts(Int)
        /// Explicit boundaries: range `c` is `bounds[c] ..< bounds[c + 1]`.
        case bounds([Int])
    }

    let total: Int
    private let layout: Layout

    /// Ranges of `size` rows (the last may be shorter); none when `total` is 0.
    init(total: Int, size: Int = FixedChunks.defaultSize) {
        self.total = Swift.max(0, total)
        layout = .size(Swift.max(1, size))
    }

    /// One chunk per piece of work the caller has already split (a worker, a column): chunk `c` is `c..<c+1`.
    init(pieces: Int) {
        self.init(total: pieces, size: 1)
    }

    /// `parts` ranges of near-equal length (fewer when `total` is smaller; one empty range when it
    /// is 0), or a single range when `total` is below `minimumToSplit`.
    init(total: Int, parts: Int, minimumToSplit: Int = 0) {
        self.total = Swift.max(0, total)
        let wanted = total < minimumToSplit ? 1 : parts
        layout = .parts(Swift.max(1, Swift.min(wanted, self.total)))
    }

    /// Splits `0..<total` for work whose cost for index `i` grows like `total - i` (the rows of a
    /// triangular matrix), so each range holds about the same number of pairs. Empty ranges are left out.
    init(triangular total: Int, parts: Int) {
        let count = Swift.max(0, total)
        let parts = Swift.max(1, Swift.min(parts, count))
        let pairs = Double(count) * Double(count) / 2
        var bounds = [0]
        for part in 1..<parts {
            // Rows 0..<r hold about pairs − (count − r)²/2 pairs.
            let remaining = pairs * Double(parts - part) / Double(parts)
            let row = count - Int((2 * remaining).squareRoot().rounded())
            bounds.append(Swift.min(count, Swift.max(bounds[bounds.count - 1], row)))
        }
        bounds.append(count)
        var distinct = [0]
        for bound in bounds.dropFirst() where bound > distinct[distinct.count - 1] { distinct.append(bound) }
        self.init(total: count, bounds: distinct)
    }

    private init(total: Int, bounds: [Int]) {
        self.total = total
        layout = .bounds(bounds)
    }

    var count: Int {
        switch layout {
        case .size(let size): return (total + size - 1) / size
        case .parts(let parts): return parts
        case .bounds(let bounds): return bounds.count - 1
        }
    }

    func range(_ chunk: Int) -> Range<Int> {
        switch layout {
        case .size(let size): return (chunk * size)..<Swift.min(total, (chunk + 1) * size)
        case .parts(let parts): return (total * chunk / parts)..<(total * (chunk + 1) / parts)
        case .bounds(let bounds): return bounds[chunk]..<bounds[chunk + 1]
        }
    }

    /// The chunk whose range holds `row` (which must lie in `0..<total`).
    func chunk(containing row: Int) -> Int {
        if case .size(let size) = layout { return row / size }
        var low = 0
        var high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if range(middle).lowerBound <= row { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The chunks `chunks` of this split, as a split of their own (their ranges unchanged).
    func subset(_ chunks: Range<Int>) -> FixedChunks {
        FixedChunks(total: total, bounds: chunks.map { range($0).lowerBound } + [range(chunks.upperBound - 1).upperBound])
    }

    public func makeIterator() -> Iterator { Iterator(chunks: self) }

    public struct Iterator: IteratorProtocol {
        let chunks: FixedChunks
        private var position = 0

        init(chunks: FixedChunks) { self.chunks = chunks }

        public mutating func next() -> Range<Int>? {
            guard position < chunks.count else { return nil }
            defer { position += 1 }
            return chunks.range(position)
        }
    }

    /// Runs `body(chunk)` for every chunk on up to `workers` threads, which take chunks in order.
    /// Once `cancellation` fires or a chunk throws, no further chunk starts; then the first error
    /// in chunk order is thrown (`CancelledError` when cancelled).
    ///
    /// `body` is not `@Sendable`: chunk bodies share the caller's buffers, and each writes only its
    /// own rows or its own per-chunk slots (through `DisjointWrites`), which is what makes handing
    /// them to other threads safe.
    func forEach(workers: Int = FixedChunks.threadCount, cancellation: Cancellation,
                 _ body: (Int) throws -> Void) throws {
        let chunkCount = count
        guard chunkCount > 0 else { return }
        let failures = DisjointWrites<(any Error)?>(repeating: nil, count: chunkCount)
        let tickets = ChunkTickets()
        func run(_ chunk: Int) {
            do {
                try body(chunk)
            } catch {
                failures[chunk] = error
                tickets.stop()
            }
        }
        if workers <= 1 || chunkCount == 1 {
            for chunk in 0..<chunkCount {
                if tickets.isStopped || cancellation.isCancelled { break }
                run(chunk)
            }
        } else {
            withoutActuallyEscaping(run) { run in
                let shared = UncheckedChunkBody(run: run)
                SpinningWorkers.shared.perform(iterations: Swift.min(workers, chunkCount)) { _ in
                    while !tickets.isStopped && !cancellation.isCancelled {
                        let chunk = tickets.take()
                        if chunk >= chunkCount { return }
                        shared.run(chunk)
                    }
                }
            }
        }
        // Chunks start in order, so every chunk before a failed one ran to its end: the first
        // failure in chunk order is the same whatever the thread count.
        for chunk in 0..<chunkCount { if let failure = failures[chunk] { throw failure } }
        try cancellation.check()
    }

    /// Runs every chunk, for work that cannot fail and whose own loops watch for cancellation.
    func forEach(workers: Int = FixedChunks.threadCount, _ body: (Int) -> Void) {
        // Neither the body nor `.never` throws.
        try? forEach(workers: workers, cancellation: .never, body)
    }

    /// `body(range)` for every chunk, the results in chunk order (see `forEach` for threads,
    /// cancellation and errors).
    func map<T>(workers: Int = FixedChunks.threadCount, cancellation: Cancellation,
                _ body: @Sendable (Range<Int>) throws -> T) throws -> [T] {
        let results = DisjointWrites<T?>(repeating: nil, count: count)
        try forEach(workers: workers, cancellation: cancellation) { chunk in
            results[chunk] = try body(range(chunk))
        }
        return try (0..<count).map { chunk in
            guard let result = results[chunk] else {
                throw EngineError("internal error: a parallel chunk produced no result")
            }
            return result
        }
    }
}

/// Hands out chunk numbers in order to worker threads, and tells them when to stop taking more.
private final class ChunkTickets: Sendable {
    private let next = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
    func stop() { stopped.store(true, ordering: .relaxed) }
    var isStopped: Bool { stopped.load(ordering: .relaxed) }
}

/// `forEach`'s body on the worker threads; see there why sharing it is safe.
private struct UncheckedChunkBody: @unchecked Sendable {
    let run: (Int) -> Void
}
