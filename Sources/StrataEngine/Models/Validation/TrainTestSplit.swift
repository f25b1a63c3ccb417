/// A seeded split of rows into a training part and a test part, optionally keeping each class's
/// share in both.
public struct TrainTestSplit: Sendable, Equatable {
    /// Ascending.
    public let trainRows: [Int]
    /// Ascending.
    public let testRows: [Int]
    public let seed: UInt64
    public let isStratified: Bool

    /// ⌈fraction · n⌉ rows drawn for test (scikit-learn's `train_test_split` count).
    public static func random(rowCount: Int, testFraction: Double, seed: UInt64) throws -> TrainTestSplit {
        let testCount = try testSize(rowCount: rowCount, testFraction: testFraction)
        var generator = SeededGenerator(seed: seed)
        let test = generator.sampleIndices(count: testCount, from: rowCount)
        return make(rowCount: rowCount, test: test, seed: seed, stratified: false)
    }

    /// The same test size, shared between classes in proportion to their size (largest
    /// remainders get the rounding, earlier classes first on equal remainders), each class's test
    /// rows drawn at random. `labels[i]` is row i's class index (≥ 0).
    public static func stratified(labels: [Int], testFraction: Double, seed: UInt64) throws -> TrainTestSplit {
        let n = labels.count
        let testCount = try testSize(rowCount: n, testFraction: testFraction)
        let byClass = try Folds.rowsByClass(labels)
        let exact = byClass.map { Double($0.count) * Double(testCount) / Double(n) }
        var take = exact.map { Int($0.rounded(.down)) }
        let remainders = exact.indices.sorted { (exact[$0] - Double(take[$0]), -$0) > (exact[$1] - Double(take[$1]), -$1) }
        var missing = testCount - take.reduce(0, +)
        for c in remainders where missing > 0 && take[c] < byClass[c].count {
            take[c] += 1
            missing -= 1
        }
        var generator = SeededGenerator(seed: seed)
        var test: [Int] = []
        for (c, rows) in byClass.enumerated() where take[c] > 0 {
            test += generator.sampleIndices(count: take[c], from: rows.count).map { rows[$0] }
        }
        return make(rowCount: n, test: test, seed: seed, stratified: true)
    }

    private static func testSize(rowCount: Int, testFraction: Double) throws -> Int {
        guard testFraction > 0, testFraction < 1 else {
            throw EngineError("test fraction \(testFraction) is not between 0 and 1", suggestion: "e.g. test=0.25")
        }
        let count = Int((testFraction * Double(rowCount)).rounded(.up))
        guard count >= 1, count < rowCount else {
            throw EngineError("a test fraction of \(testFraction) of \(rowCount) rows leaves \(count == 0 ? "no test rows" : "no training rows")")
        }
        return count
    }

    private static func make(rowCount: Int, test: [Int], seed: UInt64, stratified: Bool) -> TrainTestSplit {
        var isTest = [Bool](repeating: false, count: rowCount)
        for row in test { isTest[row] = true }
        return TrainTestSplit(trainRows: (0..<rowCount).filter { !isTest[$0] }, testRows: test.sorted(),
                              seed: seed, isStratified: stratified)
    }
}
