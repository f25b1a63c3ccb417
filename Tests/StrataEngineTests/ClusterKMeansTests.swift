import Testing
@testable import StrataEngine

@Suite struct ClusterKMeansTests {
    static let exact: [KMeansAlgorithm] = [.auto, .lloyd, .hamerly]

    /// k-means inertia within 1 % of scikit-learn's best of 10 starts (iris 78.9408, blobs 17798.84),
    /// and the inertia reported is the one of the returned labels.
    @Test(arguments: exact, ["iris", "blobs"])
    func inertiaWithinOnePercentOfScikitLearn(_ algorithm: KMeansAlgorithm, _ dataset: String) throws {
        let (x, fixture) = dataset == "iris"
            ? (ClusteringFixture.irisMatrix, ClusteringFixture.shared.iris)
            : (ClusteringFixture.blobsMatrix, ClusteringFixture.shared.blobs)
        var options = KMeansOptions(k: fixture.k, seed: 1)
        options.algorithm = algorithm
        let model = try KMeans(options).fit(x, context: .quiet)
        let reference = fixture.kmeans_inertia_best_of_10
        #expect(model.inertia <= reference * 1.01)
        #expect(model.inertia >= reference * 0.999)
        #expect(model.converged)
        #expect(Set(model.labels) == Set(0..<fixture.k))
        #expect(relativelyClose(ClusterValidity.inertia(x, labels: model.labels), model.inertia, 1e-9))
    }

    @Test func miniBatchIsCloseToTheExactOptimum() throws {
        var options = KMeansOptions(k: 5, seed: 3)
        options.algorithm = .minibatch
        options.batchSize = 256
        options.initCount = 3
        let model = try KMeans(options).fit(ClusteringFixture.blobsMatrix, context: .quiet)
        #expect(model.inertia <= ClusteringFixture.shared.blobs.kmeans_inertia_best_of_10 * 1.03)
        #expect(model.algorithm == .minibatch)
        let again = try KMeans(options).fit(ClusteringFixture.blobsMatrix, context: .quiet)
        #expect(again.labels == model.labels)
    }

    @Test func lloydAndHamerlyGiveTheSameClustering() throws {
        for seed: UInt64 in [0, 1, 2] {
            var options = KMeansOptions(k: 8, seed: seed)
            options.initCount = 2
            options.algorithm = .lloyd
            let lloyd = try KMeans(options).fit(ClusteringFixture.blobsMatrix, context: .quiet)
            options.algorithm = .hamerly
            let hamerly = try KMeans(options).fit(ClusteringFixture.blobsMatrix, context: .quiet)
            #expect(lloyd.labels == hamerly.labels)
            #expect(lloyd.iterations == hamerly.iterations)
            #expect(relativelyClose(lloyd.inertia, hamerly.inertia, 1e-12))
        }
    }

    @Test(arguments: [KMeansAlgorithm.lloyd, .hamerly, .minibatch])
    func resultDoesNotDependOnThreadsOrRuns(_ algorithm: KMeansAlgorithm) throws {
        var options = KMeansOptions(k: 6, seed: 42)
        options.algorithm = algorithm
        options.initCount = 3
        options.batchSize = 200
        let x = ClusteringFixture.blobsMatrix
        // Small chunks so that 2,000 rows make several of them.
        let one = try KMeans.fit(x, options: options, context: .quiet, workers: 1, chunkSize: 128)
        let two = try KMeans.fit(x, options: options, context: .quiet, workers: 2, chunkSize: 128)
        let again = try KMeans.fit(x, options: options, context: .quiet, workers: 2, chunkSize: 128)
        #expect(one.labels == two.labels)
        #expect(one.centers == two.centers)
        #expect(one.inertia == two.inertia)
        #expect(two.centers == again.centers)
        // Another chunking changes only the order of additions, not the clustering.
        let single = try KMeans.fit(x, options: options, context: .quiet, workers: 1, chunkSize: 1 << 20)
        #expect(single.labels == one.labels)
    }

    @Test func differentSeedsAreDifferentStreams() throws {
        var generatorA = SeededGenerator(seed: 5, stream: 0)
        var generatorB = SeededGenerator(seed: 5, stream: 1)
        #expect(generatorA.next() != generatorB.next())
    }

    @Test func handComputedTinyCase() throws {
        // Two obvious groups on a line: {0, 1, 2} and {10, 11}; centres 1 and 10.5,
        // inertia (1 + 0 + 1) + (0.25 + 0.25) = 2.5.
        let x = FeatureMatrix(columns: [[0, 1, 2, 10, 11]], names: ["v"])
        for algorithm in [KMeansAlgorithm.lloyd, .hamerly] {
            var options = KMeansOptions(k: 2, seed: 9)
            options.algorithm = algorithm
            let model = try KMeans(options).fit(x, context: .quiet)
            #expect(model.inertia == 2.5)
            let low = model.labels[0]
            #expect(model.labels == [low, low, low, 1 - low, 1 - low])
            #expect(model.centers[low, 0] == 1)
            #expect(model.centers[1 - low, 0] == 10.5)
            #expect(model.predict(FeatureMatrix(columns: [[-5, 6, 100]], names: ["v"])) == [low, 1 - low, 1 - low])
        }
    }

    @Test func oneClusterIsTheMean() throws {
        let x = FeatureMatrix(columns: [[1, 2, 3, 6], [0, 0, 4, 4]], names: ["a", "b"])
        let model = try KMeans(KMeansOptions(k: 1, seed: 0)).fit(x, context: .quiet)
        #expect(model.centers.values == [3, 2])
        #expect(model.labels == [0, 0, 0, 0])
        #expect(model.inertia == 4 + 1 + 0 + 9 + 4 + 4 + 4 + 4)
    }

    @Test func kEqualToDistinctPointsPutsEachPointAlone() throws {
        let x = FeatureMatrix(columns: [[0, 0, 5, 9, 9]], names: ["v"])
        let model = try KMeans(KMeansOptions(k: 3, seed: 4)).fit(x, context: .quiet)
        #expect(model.inertia == 0)
        #expect(Set(model.labels).count == 3)
        #expect(model.labels[0] == model.labels[1] && model.labels[3] == model.labels[4])
    }

    @Test func emptyClusterTakesTheFarthestPoint() throws {
        // Start with one centre far from every point: it is empty after the first assignment and
        // takes the point farthest from its centre (100), as scikit-learn relocates.
        let x = FeatureMatrix(columns: [[0, 1, 2, 100]], names: ["v"])
        try x.values.withUnsafeBufferPointer { xs in
            let space = KMeansWorkspace(x: xs.baseAddress!, n: 4, d: 1, k: 2, workers: 1, cancellation: .never)
            let lloyd = try KMeansLloyd.run(space, initial: [10, -1000], maxIterations: 10, tolerance: 0)
            #expect(lloyd.labels == [0, 0, 0, 1])
            #expect(lloyd.centers == [1, 100])
            let hamerly = try KMeansHamerly(space).run(initial: [10, -1000], maxIterations: 10, tolerance: 0)
            #expect(hamerly.labels == [0, 0, 0, 1])
            #expect(hamerly.inertia == 2)
        }
    }

    @Test func iterationCapStopsUnconverged() throws {
        var options = KMeansOptions(k: 5, seed: 1)
        options.maxIterations = 1
        options.initCount = 1
        options.tolerance = 0
        let model = try KMeans(options).fit(ClusteringFixture.blobsMatrix, context: .quiet)
        #expect(model.iterations == 1)
        #expect(!model.converged)
    }

    @Test func kMeansPlusPlusTrialsFollowScikitLearn() {
        #expect(KMeansPlusPlus.localTrials(k: 1) == 2)
        #expect(KMeansPlusPlus.localTrials(k: 3) == 3)
        #expect(KMeansPlusPlus.localTrials(k: 8) == 4)
        #expect(KMeansPlusPlus.localTrials(k: 100) == 6)
    }

    @Test func toleranceIsScaledByMeanFeatureVariance() {
        let x = FeatureMatrix(columns: [[1, 3], [0, 4]], names: ["a", "b"])   // variances 1 and 4
        #expect(KMeansInputCheck.meanFeatureVariance(x) == 2.5)
    }

    @Test func badInputIsRefusedWithAMessage() {
        let x = FeatureMatrix(columns: [[1, 1, 1, 2]], names: ["v"])
        func message(_ options: KMeansOptions, _ matrix: FeatureMatrix = x) -> String {
            do {
                _ = try KMeans(options).fit(matrix, context: .quiet)
                return "no error"
            } catch let error as EngineError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message(KMeansOptions(k: 0, seed: 0)) == "k must be at least 1 (got 0)")
        #expect(message(KMeansOptions(k: 5, seed: 0)) == "k=5 is more than the number of rows (4)")
        #expect(message(KMeansOptions(k: 3, seed: 0)) == "k=3 is more than the number of distinct points (2)")
        let empty = FeatureMatrix(rowCount: 0, columnCount: 1, values: [], columnNames: ["v"])
        #expect(message(KMeansOptions(k: 1, seed: 0), empty).contains("at least one row"))
        let withNaN = FeatureMatrix(columns: [[1, .nan, 3]], names: ["v"])
        #expect(message(KMeansOptions(k: 1, seed: 0), withNaN)
            == "1 feature value(s) are not finite numbers (first: row 2, column 'v' is nan)")
        var options = KMeansOptions(k: 1, seed: 0)
        options.initCount = 0
        #expect(message(options).contains("starts must be at least 1"))
        options = KMeansOptions(k: 1, seed: 0)
        options.tolerance = -1
        #expect(message(options).contains("tolerance"))
    }

    @Test func cancellationStopsTheFit() {
        let cancelled = RunContext(cancellation: Cancellation { true })
        #expect(throws: CancelledError.self) {
            _ = try KMeans(KMeansOptions(k: 5, seed: 0)).fit(ClusteringFixture.blobsMatrix, context: cancelled)
        }
    }
}
