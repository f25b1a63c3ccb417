import Testing
@testable import StrataEngine

@Suite struct HierarchicalClusteringTests {
    @Test(arguments: HierDBFixture.names, Linkage.allCases)
    func mergesEqualSciPyLinkage(dataset: String, linkage: Linkage) throws {
        let fixture = try #require(HierDBFixture.all[dataset])
        let expected = try #require(fixture.hierarchy[linkage.rawValue])
        let tree = try HierarchicalClustering.dendrogram(fixture.matrix, linkage: linkage, context: .quiet)
        #expect(tree.merges.count == expected.Z.count)
        var sameIds = true
        for (merge, row) in zip(tree.merges, expected.Z) {
            #expect(relativelyClose(merge.height, row[2], tolerance: 1e-9), "height \(merge.height) vs \(row[2])")
            sameIds = sameIds && merge.left == Int(row[0]) && merge.right == Int(row[1]) && merge.size == Int(row[3])
        }
        #expect(sameIds, "left/right/size differ from SciPy's linkage matrix")
    }

    @Test(arguments: HierDBFixture.names, Linkage.allCases)
    func cutsEqualFcluster(dataset: String, linkage: Linkage) throws {
        let fixture = try #require(HierDBFixture.all[dataset])
        let expected = try #require(fixture.hierarchy[linkage.rawValue])
        let tree = try HierarchicalClustering.dendrogram(fixture.matrix, linkage: linkage, context: .quiet)
        for (k, labels) in expected.maxclust {
            let clusterCount = try #require(Int(k))
            let ours = try tree.labels(clusterCount: clusterCount)
            #expect(Set(ours).count == clusterCount)
            #expect(samePartition(ours, labels), "k=\(k)")
        }
        for cut in expected.distance {
            #expect(samePartition(tree.labels(height: cut.height), cut.labels), "height=\(cut.height)")
        }
    }

    /// Points 0, 1, 3, 7 on a line, merged by hand.
    @Test func handComputedLine() throws {
        let x = oneColumn([0, 1, 3, 7])
        let expected: [Linkage: [Merge]] = [
            .single: [Merge(left: 0, right: 1, height: 1, size: 2), Merge(left: 2, right: 4, height: 2, size: 3),
                      Merge(left: 3, right: 5, height: 4, size: 4)],
            .complete: [Merge(left: 0, right: 1, height: 1, size: 2), Merge(left: 2, right: 4, height: 3, size: 3),
                        Merge(left: 3, right: 5, height: 7, size: 4)],
            .average: [Merge(left: 0, right: 1, height: 1, size: 2), Merge(left: 2, right: 4, height: 2.5, size: 3),
                       Merge(left: 3, right: 5, height: 17.0 / 3, size: 4)],
            // Ward height: sqrt(2·|A||B|/(|A|+|B|)) × distance between centroids.
            .ward: [Merge(left: 0, right: 1, height: 1, size: 2),
                    Merge(left: 2, right: 4, height: (4.0 / 3).squareRoot() * 2.5, size: 3),
                    Merge(left: 3, right: 5, height: 1.5.squareRoot() * (7 - 4.0 / 3), size: 4)],
        ]
        for (linkage, merges) in expected {
            let tree = try HierarchicalClustering.dendrogram(x, linkage: linkage, context: .quiet)
            #expect(tree.merges.map(\.left) == merges.map(\.left), "\(linkage)")
            #expect(tree.merges.map(\.right) == merges.map(\.right), "\(linkage)")
            #expect(tree.merges.map(\.size) == merges.map(\.size), "\(linkage)")
            for (a, b) in zip(tree.merges, merges) { #expect(relativelyClose(a.height, b.height, tolerance: 1e-12)) }
        }
    }

    @Test func cutsNumberClustersByFirstAppearance() throws {
        let tree = try HierarchicalClustering.dendrogram(oneColumn([7, 0, 3, 1]), linkage: .complete, context: .quiet)
        #expect(try tree.labels(clusterCount: 1) == [0, 0, 0, 0])
        #expect(try tree.labels(clusterCount: 2) == [0, 1, 1, 1])
        #expect(try tree.labels(clusterCount: 3) == [0, 1, 2, 1])
        #expect(try tree.labels(clusterCount: 4) == [0, 1, 2, 3])
        #expect(tree.labels(height: 0.5) == [0, 1, 2, 3])
        #expect(tree.labels(height: 1) == [0, 1, 2, 1])
        #expect(tree.labels(height: 100) == [0, 0, 0, 0])
        #expect(tree.heightRange(clusterCount: 2)?.from == 3)
        #expect(tree.heightRange(clusterCount: 2)?.below == 7)
    }

    @Test func tiedHeightsStillGiveTheAskedClusterCount() throws {
        // Four equally spaced points: all single-linkage merges have height 1.
        let tree = try HierarchicalClustering.dendrogram(oneColumn([0, 1, 2, 3]), linkage: .single, context: .quiet)
        #expect(tree.merges.allSatisfy { $0.height == 1 })
        #expect(Set(try tree.labels(clusterCount: 2)).count == 2)
        #expect(tree.isCutTied(clusterCount: 2))
        #expect(tree.labels(height: 1) == [0, 0, 0, 0])
        let separated = try HierarchicalClustering.dendrogram(oneColumn([0, 1, 10, 11]), linkage: .single, context: .quiet)
        #expect(!separated.isCutTied(clusterCount: 2))
    }

    @Test func duplicatesAndOnePoint() throws {
        let tree = try HierarchicalClustering.dendrogram(oneColumn([2, 2, 2]), linkage: .ward, context: .quiet)
        #expect(tree.merges.map(\.height) == [0, 0])
        #expect(try tree.labels(clusterCount: 3) == [0, 1, 2])
        let one = try HierarchicalClustering.dendrogram(oneColumn([5]), linkage: .average, context: .quiet)
        #expect(one.merges.isEmpty)
        #expect(try one.labels(clusterCount: 1) == [0])
    }

    @Test func badInputIsRefusedWithReasons() throws {
        let tooMany = oneColumn([Double](repeating: 0, count: HierarchicalClustering.maxPoints + 1))
        let refusal = #expect(throws: EngineError.self) {
            try HierarchicalClustering.dendrogram(tooMany, linkage: .ward, context: .quiet)
        }
        #expect(refusal?.message.contains("n²/2 × 8 bytes") == true)
        #expect(refusal?.message.contains("1.6 GB") == true)
        #expect(refusal?.suggestion?.contains("sample") == true)
        #expect(throws: EngineError.self) {
            try HierarchicalClustering.dendrogram(oneColumn([]), linkage: .ward, context: .quiet)
        }
        let nan = #expect(throws: EngineError.self) {
            try HierarchicalClustering.dendrogram(oneColumn([1, .nan, 3]), linkage: .single, context: .quiet)
        }
        #expect(nan?.message.contains("row 2 of 'x'") == true)
        let tree = try HierarchicalClustering.dendrogram(oneColumn([1, 2, 3]), linkage: .single, context: .quiet)
        #expect(throws: EngineError.self) { try tree.labels(clusterCount: 0) }
        #expect(throws: EngineError.self) { try tree.labels(clusterCount: 4) }
    }

    @Test func sameInputSameTree() throws {
        let fixture = try #require(HierDBFixture.all["blobs3d"])
        for linkage in Linkage.allCases {
            let a = try HierarchicalClustering.dendrogram(fixture.matrix, linkage: linkage, context: .quiet)
            let b = try HierarchicalClustering.dendrogram(fixture.matrix, linkage: linkage, context: .quiet)
            #expect(a.merges == b.merges)
        }
    }

    @Test func parallelDistanceMatrixEqualsOneThread() throws {
        // Large enough for the two-core path; compare with the definition.
        var generator = SeededGenerator(seed: 3)
        let n = 3_000, d = 3
        let values = (0..<(n * d)).map { _ in Double.random(in: -5...5, using: &generator) }
        let x = FeatureMatrix(rowCount: n, columnCount: d, values: values, columnNames: ["a", "b", "c"])
        let matrix = try CondensedDistances(euclideanBetweenRowsOf: x, context: .quiet)
        var mismatches = 0
        for i in stride(from: 0, to: n, by: 7) {
            for j in stride(from: i + 1, to: n, by: 13) {
                var sum = 0.0
                for k in 0..<d { sum += (values[i * d + k] - values[j * d + k]) * (values[i * d + k] - values[j * d + k]) }
                if matrix.distance(i, j) != sum.squareRoot() || matrix.distance(j, i) != sum.squareRoot() { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(matrix.storage.count == n * (n - 1) / 2)
    }

    @Test func triangularSplitCoversEveryRowOnce() {
        for (count, chunks) in [(0, 8), (1, 8), (5, 8), (100, 8), (10_000, 8), (7, 2)] {
            let ranges = Array(FixedChunks(triangular: count, parts: chunks))
            #expect(ranges.flatMap { Array($0) } == Array(0..<count), "count=\(count)")
        }
        // Early rows hold more pairs, so the first range is the shortest.
        let ranges = Array(FixedChunks(triangular: 10_000, parts: 4))
        #expect(ranges.count == 4 && ranges[0].count < ranges[3].count)
    }

    @Test func stopsWhenCancelled() throws {
        let fixture = try #require(HierDBFixture.all["iris"])
        let stop = RunContext(cancellation: Cancellation { true })
        #expect(throws: CancelledError.self) { try HierarchicalClustering.dendrogram(fixture.matrix, linkage: .ward, context: stop) }
        #expect(throws: CancelledError.self) { try HierarchicalClustering.dendrogram(fixture.matrix, linkage: .single, context: stop) }
    }
}
