import Testing
@testable import StrataEngine

@Suite struct DBSCANTests {
    @Test(arguments: HierDBFixture.names)
    func labelsEqualScikitLearn(dataset: String) throws {
        let fixture = try #require(HierDBFixture.all[dataset])
        for run in fixture.dbscan {
            let result = try DBSCAN(DBSCANParameters(eps: run.eps, minPoints: run.minPoints)).fit(fixture.matrix, context: .quiet)
            #expect(samePartition(result.labels, run.labels, noise: true), "eps=\(run.eps) minPoints=\(run.minPoints)")
            // Numbering follows scikit-learn's discovery order, so the labels are even identical.
            #expect(result.labels == run.labels, "eps=\(run.eps) minPoints=\(run.minPoints)")
            #expect(result.isCore == run.core)
            #expect(result.clusterCount == Set(run.labels.filter { $0 >= 0 }).count)
            #expect(result.noiseCount == run.labels.filter { $0 < 0 }.count)
        }
    }

    /// A non-core point within eps of two clusters joins the one holding the lowest core row.
    @Test func borderPointJoinsTheClusterFoundFirst() throws {
        let left: [Double] = [0, 0.1, 0.2, 0.3], right: [Double] = [1.2, 1.3, 1.4, 1.5], border = 0.75
        let leftFirst = try DBSCAN(DBSCANParameters(eps: 0.5, minPoints: 4)).fit(oneColumn(left + [border] + right), context: .quiet)
        #expect(leftFirst.labels == [0, 0, 0, 0, 0, 1, 1, 1, 1])
        #expect(leftFirst.isCore == [true, true, true, true, false, true, true, true, true])
        let rightFirst = try DBSCAN(DBSCANParameters(eps: 0.5, minPoints: 4)).fit(oneColumn(right + [border] + left), context: .quiet)
        #expect(rightFirst.labels == [0, 0, 0, 0, 0, 1, 1, 1, 1])
        let noise = try DBSCAN(DBSCANParameters(eps: 0.5, minPoints: 4)).fit(oneColumn(left + [5] + right), context: .quiet)
        #expect(noise.labels == [0, 0, 0, 0, -1, 1, 1, 1, 1])
        #expect(noise.noiseCount == 1 && noise.clusterCount == 2)
    }

    @Test func minPointsCountsThePointItselfAndEpsIsInclusive() throws {
        let pair = oneColumn([0, 1])
        #expect(try DBSCAN(DBSCANParameters(eps: 1, minPoints: 2)).fit(pair, context: .quiet).labels == [0, 0])
        #expect(try DBSCAN(DBSCANParameters(eps: 0.99, minPoints: 2)).fit(pair, context: .quiet).labels == [-1, -1])
        #expect(try DBSCAN(DBSCANParameters(eps: 0.5, minPoints: 1)).fit(pair, context: .quiet).labels == [0, 1])
    }

    @Test func treeAndBruteForceFindTheSameNeighbours() throws {
        var generator = SeededGenerator(seed: 11)
        let n = 900, d = 4
        // Rounded coordinates put many pairs exactly at the radius: both indexes must agree on them.
        let values = (0..<(n * d)).map { _ in (Double.random(in: -3...3, using: &generator) * 4).rounded() / 4 }
        let x = FeatureMatrix(rowCount: n, columnCount: d, values: values, columnNames: ["a", "b", "c", "d"])
        let tree = KDTree(x), brute = BruteForceNeighbors(x)
        for r2 in [0.25, 1.0, 2.5] {
            let treeCounts = tree.countWithin(queries: 0..<n, radiusSquared: r2, limit: .max)
            let bruteCounts = brute.countWithin(queries: 0..<n, radiusSquared: r2, limit: .max)
            var byRow = [Int](repeating: 0, count: n)
            for (position, row) in tree.originalRow.enumerated() { byRow[row] = treeCounts[position] }
            #expect(byRow == bruteCounts, "r²=\(r2)")
            var pairs = 0
            tree.forEachWithin(queries: 0..<n, radiusSquared: r2) { _, _ in pairs += 1 }
            #expect(pairs == bruteCounts.reduce(0, +))
        }
        let treeRanked = tree.rankedSquaredDistance(queries: 0..<n, rank: 6)
        let bruteRanked = brute.rankedSquaredDistance(queries: 0..<n, rank: 6)
        var byRow = [Double](repeating: 0, count: n)
        for (position, row) in tree.originalRow.enumerated() { byRow[row] = treeRanked[position] }
        #expect(byRow == bruteRanked)
    }

    @Test func largeInputIsDeterministicAndUsesBothPaths() throws {
        var generator = SeededGenerator(seed: 5)
        let n = 2_400, d = 3
        let centers: [[Double]] = [[0, 0, 0], [4, 4, 0], [0, 5, 5]]
        var values: [Double] = []
        for i in 0..<n {
            for k in 0..<d { values.append(centers[i % 3][k] + Double.random(in: -1...1, using: &generator)) }
        }
        let x = FeatureMatrix(rowCount: n, columnCount: d, values: values, columnNames: ["a", "b", "c"])
        let a = try DBSCAN(DBSCANParameters(eps: 0.3, minPoints: 5)).fit(x, context: .quiet)
        let b = try DBSCAN(DBSCANParameters(eps: 0.3, minPoints: 5)).fit(x, context: .quiet)
        #expect(a.labels == b.labels && a.isCore == b.isCore)
        #expect(a.clusterCount == 3)
        // The brute-force path gives the same clustering as the tree.
        let brute = try DBSCANTestAccess.bruteForce(x, eps: 0.3, minPoints: 5)
        #expect(brute.labels == a.labels)
    }

    @Test func badInputIsRefused() throws {
        let x = oneColumn([0, 1, 2])
        for eps in [0, -1, Double.nan, .infinity] {
            #expect(throws: EngineError.self) { try DBSCAN(DBSCANParameters(eps: eps, minPoints: 2)).fit(x, context: .quiet) }
        }
        #expect(throws: EngineError.self) { try DBSCAN(DBSCANParameters(eps: 1, minPoints: 0)).fit(x, context: .quiet) }
        let nan = #expect(throws: EngineError.self) {
            try DBSCAN(DBSCANParameters(eps: 1, minPoints: 2)).fit(oneColumn([0, .infinity]), context: .quiet)
        }
        #expect(nan?.message.contains("row 2") == true)
        let empty = try DBSCAN(DBSCANParameters(eps: 1, minPoints: 2)).fit(oneColumn([]), context: .quiet)
        #expect(empty.labels.isEmpty && empty.clusterCount == 0)
    }

    @Test func stopsWhenCancelled() throws {
        let fixture = try #require(HierDBFixture.all["iris"])
        let stop = RunContext(cancellation: Cancellation { true })
        #expect(throws: CancelledError.self) { try DBSCAN(DBSCANParameters(eps: 0.5, minPoints: 5)).fit(fixture.matrix, context: stop) }
        #expect(throws: CancelledError.self) { try KDistance.curve(fixture.matrix, k: 4, context: stop) }
    }
}

enum DBSCANTestAccess {
    static func bruteForce(_ x: FeatureMatrix, eps: Double, minPoints: Int) throws -> DBSCANResult {
        try DBSCAN.run(BruteForceNeighbors(x), eps: eps, minPoints: minPoints, context: .quiet)
    }
}
