/// A seeded k-fold partition of rows: every row is in exactly one fold's test part, and a fold's
/// training rows are all the others. Drawn with the project's PRNG, so the folds are not
/// scikit-learn's for the same seed, but they have the same sizes: fold sizes differ by at most
/// one row and, when stratified, each class's count per fold by at most one.
public struct Folds: Sendable, Equatable {
    public let rowCount: Int
    /// Test rows of each fold, ascending.
    public let testRows: [[Int]]
    public let seed: UInt64
    public let isStratified: Bool

    public var count: Int { testRows.count }

    /// Every row not in fold `fold`'s test part, ascending.
    public func trainRows(_ fold: Int) -> [Int] {
        var isTest = [Bool](repeating: false, count: rowCount)
        for row in testRows[fold] { isTest[row] = true }
        return (0..<rowCount).filter { !isTest[$0] }
    }

    public func fold(_ index: Int) -> Fold {
        Fold(index: index, trainRows: trainRows(index), testRows: testRows[index])
    }

    /// Test rows over training rows, averaged over folds: about 1/(k − 1). The corrected
    /// resampled t-test needs it.
    public var testToTrainRatio: Double {
        let test = Double(testRows.reduce(0) { $0 + $1.count }) / Double(max(1, count))
        return test / max(1, Double(rowCount) - test)
    }

    /// k folds of a random permutation, cut into consecutive parts (the first `rowCount % k`
    /// one row larger, as scikit-learn's `KFold`).
    public static func plain(rowCount: Int, k: Int, seed: UInt64) throws -> Folds {
        try checkCount(k: k, rowCount: rowCount)
        var rows = Array(0..<rowCount)
        var generator = SeededGenerator(seed: seed)
        generator.shuffle(&rows)
        let folds = (0..<k).map { f in Array(rows[(rowCount * f / k)..<(rowCount * (f + 1) / k)]).sorted() }
        return Folds(rowCount: rowCount, testRows: folds, seed: seed, isStratified: false)
    }

    /// k folds keeping each class's share: each class's rows are shuffled, the classes are laid
    /// end to end, and rows are dealt to folds in turn, so a class with n rows puts ⌊n/k⌋ or
    /// ⌈n/k⌉ in every fold and fold sizes differ by at most one. `labels[i]` is row i's class
    /// index (≥ 0).
    public static func stratified(labels: [Int], k: Int, seed: UInt64, classNames: [String]? = nil) throws -> Folds {
        try checkCount(k: k, rowCount: labels.count)
        let byClass = try rowsByClass(labels)
        for (c, rows) in byClass.enumerated() where !rows.isEmpty && rows.count < k {
            let name = classNames.flatMap { $0.indices.contains(c) ? "'\($0[c])'" : nil } ?? "\(c)"
            throw EngineError("class \(name) has \(rows.count) row\(rows.count == 1 ? "" : "s"), fewer than the \(k) folds, so some test folds would have none",
                              suggestion: "use k=\(max(2, rows.count)) or fewer folds")
        }
        var generator = SeededGenerator(seed: seed)
        var folds = [[Int]](repeating: [], count: k)
        var position = 0
        for var rows in byClass {
            generator.shuffle(&rows)
            for row in rows {
                folds[position % k].append(row)
                position += 1
            }
        }
        return Folds(rowCount: labels.count, testRows: folds.map { $0.sorted() }, seed: seed, isStratified: true)
    }

    /// Row indices per class index, refusing a row without a class.
    static func rowsByClass(_ labels: [Int]) throws -> [[Int]] {
        if let row = labels.firstIndex(where: { $0 < 0 }) {
            throw EngineError("row \(row + 1) has no class, so it cannot be stratified",
                              suggestion: "drop rows with a missing target first")
        }
        var byClass = [[Int]](repeating: [], count: (labels.max() ?? 0) + 1)
        for (row, label) in labels.enumerated() { byClass[label].append(row) }
        return byClass
    }

    private static func checkCount(k: Int, rowCount: Int) throws {
        guard k >= 2 else { throw EngineError("k-fold cross-validation needs at least 2 folds, not \(k)", suggestion: "e.g. folds=5") }
        guard rowCount >= k else {
            throw EngineError("\(k) folds need at least \(k) rows; there are \(rowCount)", suggestion: "use fewer folds")
        }
    }

    /// What to print about each fold: sizes and positives in each part.
    public struct Summary: Sendable, Equatable {
        /// 1-based.
        public let number: Int
        public let trainRows: Int
        public let testRows: Int
        public let trainPositives: Int
        public let testPositives: Int
    }

    public func summaries(isPositive: [Bool]) -> [Summary] {
        let totalPositives = isPositive.reduce(0) { $0 + ($1 ? 1 : 0) }
        return testRows.enumerated().map { f, rows in
            let positives = rows.reduce(0) { $0 + (isPositive.indices.contains($1) && isPositive[$1] ? 1 : 0) }
            return Summary(number: f + 1, trainRows: rowCount - rows.count, testRows: rows.count,
                           trainPositives: totalPositives - positives, testPositives: positives)
        }
    }
}

/// One fold: the rows to fit on and the rows to score.
public struct Fold: Sendable, Equatable {
    /// 0-based.
    public let index: Int
    public let trainRows: [Int]
    public let testRows: [Int]
}
