import Foundation
import Testing
@testable import StrataEngine

/// scikit-learn's MiniBatchKMeans.partial_fit with fixed initial centres and no reassignment, fed
/// 60 rows in batches of 8. Produced by `Tests/fixtures-src/streaming_kmeans_reference.py`
/// (scikit-learn 1.9.1).
struct StreamingKMeansFixture: Decodable {
    let rows: [[Double]]
    let `init`: [[Double]]
    let batch: Int
    let centers_after_each_batch: [[[Double]]]
    let counts: [Double]

    static func load() throws -> StreamingKMeansFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/streaming_kmeans_reference.json")
        return try JSONDecoder().decode(StreamingKMeansFixture.self, from: Data(contentsOf: url))
    }
}

@Suite struct StreamingKMeansTests {
    @Test func equalsScikitLearnPartialFitOnAFixedOrder() throws {
        let fixture = try StreamingKMeansFixture.load()
        var model = try StreamingKMeans(StreamingKMeansParameters(k: 3), dimensions: 2, initialCenters: fixture.`init`)
        for (b, start) in stride(from: 0, to: fixture.rows.count, by: fixture.batch).enumerated() {
            model = try model.updated(with: fixture.rows[start..<min(fixture.rows.count, start + fixture.batch)], context: .quiet)
            for (mine, theirs) in zip(model.centers, fixture.centers_after_each_batch[b]) {
                for (a, e) in zip(mine, theirs) { #expect(abs(a - e) < 1e-9, "batch \(b)") }
            }
        }
        #expect(model.weights == fixture.counts)
    }

    @Test func handRunWithForgetting() throws {
        // Start (0) and (10), weight 0. Batch 1: 1, 3 → centre 0 moves to 2 (weight 2); 9 → 9 (weight 1).
        // Batch 2 with decay 0.5: 5 goes to centre 0 (|5−2| < |5−9|... 3 < 4): (2·1 + 5) / (1 + 1) = 3.5.
        let start = try StreamingKMeans(StreamingKMeansParameters(k: 2, decay: 0.5), dimensions: 1,
                                        initialCenters: [[0], [10]])
        let one = try start.updated(with: [[1], [3], [9]], context: .quiet)
        #expect(one.centers == [[2], [9]])
        #expect(one.weights == [2, 1])
        let two = try one.updated(with: [[5]], context: .quiet)
        #expect(two.centers == [[3.5], [9]])
        #expect(two.weights == [2, 0.5])
        #expect(one.centers == [[2], [9]])
    }

    @Test func seedsFromTheFirstRowsAndRefusesBadRows() throws {
        let model = try StreamingKMeans(StreamingKMeansParameters(k: 2), dimensions: 1)
        // The repeated 4 is not a second centre: it and 5 are one batch for centre 0, (4·1 + 4 + 5) / 3.
        let seeded = try model.updated(with: [[4], [4], [8], [5]], context: .quiet)
        #expect(seeded.centers == [[13.0 / 3], [8]])
        #expect(throws: EngineError.self) { try seeded.updated(with: [[Double.nan]], context: .quiet) }
        #expect(throws: EngineError.self) { try StreamingKMeans(StreamingKMeansParameters(k: 2, decay: 0), dimensions: 1) }
    }
}
