import Foundation
import Testing
@testable import StrataEngine

/// scikit-learn-extra's `KMedoids(method="pam", init="build")` on the points of the hierarchical /
/// DBSCAN fixture. Produced by `python Tests/fixtures-src/kmedoids_pam.py
/// Tests/StrataEngineTests/Fixtures/hierdb_clustering.json Tests/StrataEngineTests/Fixtures/kmedoids_pam.json`
/// (scikit-learn-extra 0.3.0, scikit-learn 1.9.1, numpy 1.26.4).
struct KMedoidsFixture: Decodable {
    struct Run: Decodable { let k: Int; let medoids: [Int]; let labels: [Int]; let inertia: Double; let iterations: Int }
    let sets: [String: [Run]]

    static func load() throws -> KMedoidsFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/kmedoids_pam.json")
        return try JSONDecoder().decode(KMedoidsFixture.self, from: Data(contentsOf: url))
    }
}

@Suite struct KMedoidsTests {
    static func fit(_ x: FeatureMatrix, k: Int, maxIterations: Int = 300) throws -> KMedoidsModel {
        try KMedoids(KMedoidsParameters(k: k, maxIterations: maxIterations)).fit(x, context: .quiet)
    }

    @Test(arguments: HierDBFixture.names)
    func matchesScikitLearnExtra(_ name: String) throws {
        let points = try #require(HierDBFixture.all[name]).matrix
        let runs = try #require(try KMedoidsFixture.load().sets[name])
        for run in runs {
            let model = try Self.fit(points, k: run.k)
            #expect(model.medoidRows == run.medoids, "\(name) k=\(run.k)")
            #expect(model.labels == run.labels, "\(name) k=\(run.k)")
            // scikit-learn computes distances as √(‖x‖² − 2x·y + ‖y‖²), exact here: sums agree to ~1e-9.
            #expect(abs(model.inertia - run.inertia) <= 1e-7 * run.inertia, "\(name) k=\(run.k): \(model.inertia) vs \(run.inertia)")
            // scikit-learn-extra counts the passes that swapped (n_iter_), PAM here every pass, the last one included.
            if run.k >= 2 { #expect(model.iterations == run.iterations + 1, "\(name) k=\(run.k)") }
            #expect(model.converged)
        }
    }

    /// Points 0, 1, 3, 10, 12 with k = 2, by hand. BUILD: total distances 26, 23, 21, 28, 34, so 3
    /// first; adding 10 or 12 gains 14 each, and the later (12) is kept. SWAP: giving up 3 for 1
    /// lowers the cost from 7 to 5, the best exchange; then nothing lowers it (10 for 12 ties at 5).
    @Test func tinyCaseByHand() throws {
        let x = FeatureMatrix(columns: [[0, 1, 3, 10, 12]], names: ["v"])
        let model = try Self.fit(x, k: 2)
        #expect(model.medoidRows == [1, 4])
        #expect(model.labels == [0, 0, 0, 1, 1])
        #expect(model.inertia == 5)
        #expect(model.iterations == 2 && model.converged)
        #expect(model.centers.values == [1, 12])
        #expect(model.assign(FeatureMatrix(columns: [[-4, 6, 7, 100]], names: ["v"])) == [0, 0, 1, 1])
        #expect(model.parameterValues.map(\.name) == ["k", "max_iter"])

        let stopped = try Self.fit(x, k: 2, maxIterations: 1)
        #expect(stopped.medoidRows == [1, 4] && !stopped.converged)
        let build = try Self.fit(x, k: 2, maxIterations: 0)
        #expect(build.medoidRows == [2, 4] && build.inertia == 7)
    }

    @Test func refusesWhatItCannotDo() {
        let x = FeatureMatrix(columns: [[0, 1, 2]], names: ["v"])
        #expect(throws: EngineError.self) { try Self.fit(x, k: 4) }
        #expect(throws: EngineError.self) { try Self.fit(x, k: 0) }
        #expect(throws: EngineError.self) { try Self.fit(FeatureMatrix(columns: [[0, .nan]], names: ["v"]), k: 1) }
        let tooMany = FeatureMatrix(columns: [[Double](repeating: 0, count: KMedoids.maxPoints + 1)], names: ["v"])
        #expect(throws: EngineError.self) { try Self.fit(tooMany, k: 2) }
    }

    @Test func stopsWhenCancelled() throws {
        let points = try #require(HierDBFixture.all["iris"]).matrix
        let stop = RunContext(cancellation: Cancellation { true })
        #expect(throws: CancelledError.self) { try KMedoids(KMedoidsParameters(k: 3)).fit(points, context: stop) }
    }
}
