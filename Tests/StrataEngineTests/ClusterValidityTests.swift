import Testing
@testable import StrataEngine

@Suite struct ClusterValidityTests {
    typealias Case = ClusteringFixture.Case

    static var cases: [(String, FeatureMatrix, Case)] {
        [("iris", ClusteringFixture.irisMatrix, ClusteringFixture.shared.iris),
         ("blobs", ClusteringFixture.blobsMatrix, ClusteringFixture.shared.blobs)]
    }

    static func check(_ x: FeatureMatrix, _ labels: [Int], _ expected: ClusteringFixture.Validity, workers: Int) throws {
        let report = try ClusterValidity.silhouette(x, labels: labels, sampleLimit: nil, seed: 0, context: .quiet,
                                                    workers: workers)
        #expect(relativelyClose(report.mean, expected.silhouette, 1e-9))
        #expect(report.pointsUsed == expected.labels_used)
        #expect(!report.sampled)
        #expect(report.perCluster.map(\.cluster) == expected.silhouette_per_cluster.map(\.cluster))
        #expect(report.perCluster.map(\.size) == expected.silhouette_per_cluster.map(\.size))
        for (ours, theirs) in zip(report.perCluster, expected.silhouette_per_cluster) {
            #expect(relativelyClose(ours.mean, theirs.mean, 1e-9))
        }
        #expect(relativelyClose(try ClusterValidity.daviesBouldin(x, labels: labels), expected.davies_bouldin, 1e-9))
        #expect(relativelyClose(try ClusterValidity.calinskiHarabasz(x, labels: labels), expected.calinski_harabasz, 1e-9))
    }

    @Test func indicesEqualScikitLearnForTheSameLabels() throws {
        for (_, x, fixture) in Self.cases {
            try Self.check(x, fixture.kmeans_labels, fixture.validity, workers: 2)
        }
    }

    @Test func noisePointsAreLeftOut() throws {
        for (_, x, fixture) in Self.cases {
            try Self.check(x, fixture.noisy_labels, fixture.noisy_validity, workers: 2)
        }
    }

    @Test func silhouetteDoesNotDependOnThreads() throws {
        // 700 rows: three tile rows (256 each), so the lanes really split the work.
        let rows = Array(0..<700)
        let x = ClusteringFixture.blobsMatrix.takingRows(rows)
        let labels = rows.map { ClusteringFixture.shared.blobs.kmeans_labels[$0] }
        let one = try ClusterValidity.silhouette(x, labels: labels, sampleLimit: nil, seed: 0, context: .quiet, workers: 1)
        let two = try ClusterValidity.silhouette(x, labels: labels, sampleLimit: nil, seed: 0, context: .quiet, workers: 2)
        #expect(one.mean == two.mean)
        #expect(one.perCluster.map(\.mean) == two.perCluster.map(\.mean))
    }

    @Test func sampledSilhouetteIsTheExactOneOfTheSeededSample() throws {
        let rows = Array(0..<1000)
        let x = ClusteringFixture.blobsMatrix.takingRows(rows)
        let labels = rows.map { ClusteringFixture.shared.blobs.kmeans_labels[$0] }
        let report = try ClusterValidity.silhouette(x, labels: labels, sampleLimit: 300, seed: 11, context: .quiet)
        #expect(report.sampled)
        #expect(report.pointsUsed == 300)
        var generator = SeededGenerator(seed: 11)
        let picked = generator.sampleIndices(count: 300, from: 1000).sorted()
        let subset = try ClusterValidity.silhouette(x.takingRows(picked), labels: picked.map { labels[$0] },
                                                    sampleLimit: nil, seed: 0, context: .quiet)
        #expect(report.mean == subset.mean)
        let again = try ClusterValidity.silhouette(x, labels: labels, sampleLimit: 300, seed: 11, context: .quiet)
        #expect(again.mean == report.mean)
        // Within a few hundredths of the full-data figure on these well-separated blobs.
        #expect(abs(report.mean - ClusteringFixture.shared.blobs.validity.silhouette) < 0.03)
        let small = FeatureMatrix(columns: [[0, 1, 4, 5]], names: ["v"])
        let unsampled = try ClusterValidity.silhouette(small, labels: [0, 0, 1, 1], sampleLimit: 4, seed: 11, context: .quiet)
        #expect(!unsampled.sampled)
    }

    @Test func handComputedTinyCase() throws {
        // Points 0, 1 | 4 on a line. Point 0: a = 1, b = 4 → 0.75. Point 1: a = 1, b = 3 → 2/3.
        // Point 4 is alone → 0. Mean (0.75 + 2/3 + 0) / 3.
        let x = FeatureMatrix(columns: [[0, 1, 4]], names: ["v"])
        let report = try ClusterValidity.silhouette(x, labels: [0, 0, 1], sampleLimit: nil, seed: 0, context: .quiet)
        #expect(abs(report.mean - (0.75 + 2.0 / 3.0) / 3) < 1e-15)
        #expect(report.perCluster.map(\.size) == [2, 1])
        #expect(report.perCluster[1].mean == 0)
        // Centroids 0.5 and 4; spreads 0.5 and 0; DB = mean(0.5/3.5, 0.5/3.5).
        #expect(abs(try ClusterValidity.daviesBouldin(x, labels: [0, 0, 1]) - 0.5 / 3.5) < 1e-15)
        // Overall mean 5/3; between = 2·(0.5−5/3)² + (4−5/3)² = 49/6; within = 0.5; CH = (49/6)·(3−2)/(0.5·1).
        #expect(abs(try ClusterValidity.calinskiHarabasz(x, labels: [0, 0, 1]) - 49.0 / 3.0) < 1e-12)
        #expect(ClusterValidity.inertia(x, labels: [0, 0, 1]) == 0.5)
        #expect(ClusterValidity.inertia(x, labels: [0, -1, 1]) == 0)
    }

    @Test func clusterIdsNeedNotBeContiguous() throws {
        let x = ClusteringFixture.irisMatrix
        let labels = ClusteringFixture.shared.iris.kmeans_labels
        let renamed = labels.map { [7, 3, 12][$0] }
        let a = try ClusterValidity.silhouette(x, labels: labels, sampleLimit: nil, seed: 0, context: .quiet)
        let b = try ClusterValidity.silhouette(x, labels: renamed, sampleLimit: nil, seed: 0, context: .quiet)
        #expect(relativelyClose(a.mean, b.mean, 1e-12))
        #expect(b.perCluster.map(\.cluster) == [3, 7, 12])
        #expect(relativelyClose(try ClusterValidity.daviesBouldin(x, labels: renamed),
                                try ClusterValidity.daviesBouldin(x, labels: labels), 1e-12))
    }

    @Test func degenerateClusteringsAreRefused() {
        let x = FeatureMatrix(columns: [[0, 1, 4, 5]], names: ["v"])
        func message(_ body: () throws -> Any) -> String {
            do {
                _ = try body()
                return "no error"
            } catch let error as EngineError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message { try ClusterValidity.daviesBouldin(x, labels: [0, 0, 0, 0]) }
            == "Davies–Bouldin needs at least 2 clusters; all 4 points are in one cluster")
        #expect(message { try ClusterValidity.calinskiHarabasz(x, labels: [0, -1, -1, -1]) }
            == "Calinski–Harabasz needs at least 2 clustered points; there are 1 after leaving out 3 noise point(s)")
        #expect(message { try ClusterValidity.silhouette(x, labels: [0, 1, 2, 3], sampleLimit: nil, seed: 0, context: .quiet) }
            == "silhouette needs fewer clusters than points (4 clusters, 4 points)")
        #expect(message { try ClusterValidity.silhouette(x, labels: [0, 1], sampleLimit: nil, seed: 0, context: .quiet) }
            == "silhouette: 2 labels for 4 rows")
        #expect(message { try ClusterValidity.silhouette(x, labels: [0, 1, -2, 1], sampleLimit: nil, seed: 0, context: .quiet) }
            .contains("found -2"))
        #expect(message { try ClusterValidity.silhouette(x, labels: [0, 0, 1, 1], sampleLimit: 1, seed: 0, context: .quiet) }
            .contains("at least 2 points"))
    }
}

@Suite struct SilhouetteSquareRootTests {
    @Test func packedSquareRootIsWithinTwoUlps() {
        var generator = SeededGenerator(seed: 3)
        var values = (0..<10_000).map { _ in
            let exponent = Double(generator.nextInt(below: 80) - 40)
            return generator.nextDouble() * Double.pow10(exponent)
        }
        values += [0, 1, 4, 2, 1e-300, 1e300, 0.25]
        let expected = values.map { $0.squareRoot() }
        values.withUnsafeMutableBufferPointer { SilhouetteTileKernel.squareRoots($0.baseAddress!, count: $0.count) }
        for (ours, exact) in zip(values, expected) {
            #expect(abs(ours - exact) <= 2 * exact.ulp)
        }
    }
}

private extension Double {
    static func pow10(_ e: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(abs(e)) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}
