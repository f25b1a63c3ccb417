import Synchronization
import Testing
@testable import StrataEngine

@Suite struct FixedChunksTests {
    @Test func splitsCoverEveryRowOnceInOrder() {
        let splits = [
            FixedChunks(total: 10, size: 3), FixedChunks(total: 0, size: 3), FixedChunks(total: 10, parts: 4),
            FixedChunks(total: 3, parts: 16), FixedChunks(total: 100, parts: 8, minimumToSplit: 2_048),
            FixedChunks(triangular: 1_000, parts: 8), FixedChunks(pieces: 5),
        ]
        for chunks in splits {
            #expect(chunks.flatMap { Array($0) } == Array(0..<chunks.total))
            #expect(Array(chunks).count == chunks.count)
            for c in 0..<chunks.count where !chunks.range(c).isEmpty {
                #expect(chunks.chunk(containing: chunks.range(c).lowerBound) == c)
                #expect(chunks.chunk(containing: chunks.range(c).upperBound - 1) == c)
            }
        }
        #expect(Array(FixedChunks(total: 10, size: 3)) == [0..<3, 3..<6, 6..<9, 9..<10])
        #expect(Array(FixedChunks(total: 10, parts: 4)) == [0..<2, 2..<5, 5..<7, 7..<10])
        // Empty work is still one (empty) part, so a map over it returns one result.
        #expect(Array(FixedChunks(total: 0, parts: 16)) == [0..<0])
        #expect(FixedChunks(total: 100, parts: 8, minimumToSplit: 2_048).count == 1)
        let some = FixedChunks(total: 100, parts: 10).subset(3..<6)
        #expect(Array(some) == [30..<40, 40..<50, 50..<60])
    }

    @Test func mapReturnsResultsInChunkOrderWhateverTheWorkers() throws {
        let chunks = FixedChunks(total: 100_000, size: 1_000)
        let sums = { (workers: Int) in
            try chunks.map(workers: workers, cancellation: .never) { range in range.reduce(0.0) { $0 + 1 / Double($1 + 1) } }
        }
        let one = try sums(1), two = try sums(2), four = try sums(4)
        #expect(one == two && two == four)
        #expect(one.count == 100)
    }

    @Test func theFirstErrorInChunkOrderIsThrown() {
        struct Failure: Error, Equatable { let chunk: Int }
        for workers in [1, 2] {
            #expect(throws: Failure(chunk: 3)) {
                try FixedChunks(pieces: 40).forEach(workers: workers, cancellation: .never) { chunk in
                    if chunk == 3 || chunk == 7 || chunk == 30 { throw Failure(chunk: chunk) }
                }
            }
        }
    }

    @Test func cancellationStopsHandingOutChunks() {
        for workers in [1, 2] {
            let started = Counter()
            let cancellation = Cancellation { started.value >= 5 }
            #expect(throws: CancelledError.self) {
                try FixedChunks(pieces: 1_000).forEach(workers: workers, cancellation: cancellation) { _ in
                    started.increment()
                }
            }
            // At most one chunk per worker starts after the probe fires.
            #expect(started.value < 5 + workers + 1)
        }
    }

    @Test func disjointWritesOwnsPerChunkSlots() throws {
        let slots = DisjointWrites<Int>(chunks: 8, stride: 3, initial: -1)
        try FixedChunks(pieces: 8).forEach(workers: 2, cancellation: .never) { chunk in
            for s in 0..<3 { slots.slot(chunk)[s] = chunk * 10 + s }
        }
        #expect((0..<24).map { slots[$0] } == (0..<8).flatMap { c in (0..<3).map { c * 10 + $0 } })
        var array = [Int](repeating: 0, count: 4)
        array.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            FixedChunks(pieces: 4).forEach(workers: 2) { out[$0] = $0 * $0 }
        }
        #expect(array == [0, 1, 4, 9])
        #expect(DisjointWrites<Double>(nil, count: 0).count == 0)
    }
}

private final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}
