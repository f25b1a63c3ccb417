import Testing
@testable import StrataEngine

struct ModelValidationTests {
    @Test func plainFoldsPartitionTheRowsLikeKFold() throws {
        let folds = try Folds.plain(rowCount: 103, k: 5, seed: 7)
        #expect(folds.testRows.map(\.count) == [21, 21, 21, 20, 20])
        #expect(folds.testRows.joined().sorted() == Array(0..<103))
        #expect(folds.trainRows(0).count == 82)
        #expect(try Folds.plain(rowCount: 103, k: 5, seed: 7) == folds)
        #expect(try Folds.plain(rowCount: 103, k: 5, seed: 8) != folds)
    }

    @Test func stratifiedFoldsKeepEachClassWithinOne() throws {
        let labels = (0..<97).map { $0 % 4 == 0 ? 1 : ($0 % 7 == 0 ? 2 : 0) }
        let folds = try Folds.stratified(labels: labels, k: 4, seed: 3)
        let sizes = folds.testRows.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
        for c in 0...2 {
            let perFold = folds.testRows.map { rows in rows.filter { labels[$0] == c }.count }
            #expect(perFold.max()! - perFold.min()! <= 1, "class \(c)")
        }
        let summary = folds.summaries(isPositive: labels.map { $0 == 1 })
        #expect(summary.map(\.testPositives).reduce(0, +) == labels.filter { $0 == 1 }.count)
        #expect(summary[0].trainRows + summary[0].testRows == 97)
    }

    @Test func stratifiedFoldsRefuseAClassSmallerThanK() {
        #expect(throws: EngineError.self) {
            try Folds.stratified(labels: [0, 0, 0, 0, 1, 1], k: 3, seed: 1, classNames: ["stay", "churn"])
        }
        #expect(throws: EngineError.self) { try Folds.plain(rowCount: 3, k: 5, seed: 1) }
    }

    @Test func trainTestSplits() throws {
        let split = try TrainTestSplit.random(rowCount: 10, testFraction: 0.25, seed: 1)
        #expect(split.testRows.count == 3)  // ⌈2.5⌉
        #expect((split.trainRows + split.testRows).sorted() == Array(0..<10))
        let labels = [Int](repeating: 0, count: 80) + [Int](repeating: 1, count: 20)
        let s = try TrainTestSplit.stratified(labels: labels, testFraction: 0.3, seed: 9)
        #expect(s.testRows.count == 30)
        #expect(s.testRows.filter { labels[$0] == 1 }.count == 6)
        #expect(throws: EngineError.self) { try TrainTestSplit.random(rowCount: 10, testFraction: 1.2, seed: 1) }
    }

    @Test func crossValidationIsTheSameOnOneOrManyWorkers() throws {
        let isPositive = (0..<60).map { $0 % 3 == 0 }
        let folds = try Folds.stratified(labels: isPositive.map { $0 ? 1 : 0 }, k: 5, seed: 11)
        // A "model" whose score for a test row depends on its fold's training rows.
        let score: @Sendable (Fold, RunContext) throws -> [Double] = { fold, _ in
            let trainPositiveRate = Double(fold.trainRows.filter { $0 % 3 == 0 }.count) / Double(fold.trainRows.count)
            return fold.testRows.map { row in (row % 3 == 0 ? 0.6 : 0.4) * trainPositiveRate + Double(row) * 1e-4 }
        }
        let parallel = try CrossValidation.binaryScores(folds, isPositive: isPositive, parallel: true, context: .quiet, score: score)
        let sequential = try CrossValidation.binaryScores(folds, isPositive: isPositive, parallel: false, context: .quiet, score: score)
        #expect(parallel == sequential)
        #expect(!parallel.scores.contains { $0.isNaN })
        #expect(try parallel.perFold(.auc) == [1, 1, 1, 1, 1])
        let comparison = try FoldComparison(parallel, sequential, metric: .brier)
        #expect(comparison.meanDifference == 0)
        #expect(abs(folds.testToTrainRatio - 0.25) < 1e-12)
    }

    @Test func crossValidationStopsWhenCancelled() throws {
        let folds = try Folds.plain(rowCount: 20, k: 4, seed: 1)
        let context = RunContext(cancellation: Cancellation { true })
        #expect(throws: CancelledError.self) {
            try CrossValidation.run(folds, context: context) { fold, _ in fold.index }
        }
    }
}
