import Foundation
import Testing
@testable import StrataEngine

/// The workers behind every parallel loop: many short loops in a row, loops after the workers have
/// gone to sleep, loops inside loops and loops from several threads at once all run every chunk
/// exactly once.
@Suite struct SpinningWorkersTests {
    /// Runs one loop of `chunks` chunks on `workers` threads and checks each ran once.
    static func loop(chunks: Int, workers: Int, nested: Bool = false) throws -> Bool {
        let split = FixedChunks(pieces: chunks)
        let counts = DisjointWrites<Int>(repeating: 0, count: chunks)
        try split.forEach(workers: workers, cancellation: .never) { chunk in
            counts[chunk] += 1
            if nested {
                let inner = FixedChunks(pieces: 4)
                let innerCounts = DisjointWrites<Int>(repeating: 0, count: 4)
                inner.forEach(workers: workers) { innerCounts[$0] += 1 }
                if (0..<4).contains(where: { innerCounts[$0] != 1 }) { counts[chunk] += 100 }
            }
        }
        return (0..<chunks).allSatisfy { counts[$0] == 1 }
    }

    @Test func thousandsOfShortLoopsInARow() throws {
        for i in 0..<5_000 { #expect(try Self.loop(chunks: 1 + i % 7, workers: 2)) }
    }

    @Test func loopsAfterTheWorkersHaveGoneToSleep() throws {
        for _ in 0..<20 {
            // Longer than the spin: the worker parks and must be woken.
            Thread.sleep(forTimeInterval: 0.002)
            #expect(try Self.loop(chunks: 8, workers: 2))
        }
    }

    @Test func loopsInsideLoops() throws {
        for _ in 0..<500 { #expect(try Self.loop(chunks: 6, workers: 2, nested: true)) }
    }

    @Test func loopsFromSeveralThreadsAtOnce() async throws {
        let failures = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    (0..<1_000).filter { (try? Self.loop(chunks: 2 + $0 % 5, workers: 2)) != true }.count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }

    @Test func aDirectPerformGivesEachIndexOnce() {
        let seen = DisjointWrites<Int>(repeating: 0, count: 2)
        for _ in 0..<1_000 {
            SpinningWorkers.shared.perform(iterations: 2) { seen[$0] += 1 }
        }
        #expect(seen[0] == 1_000 && seen[1] == 1_000)
    }
}
