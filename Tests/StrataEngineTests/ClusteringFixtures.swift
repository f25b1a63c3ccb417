import Foundation
@testable import StrataEngine

/// scikit-learn 1.9.1 reference figures, written by
/// `/work/peers/venv/bin/python Tests/fixtures-src/clustering_fixtures.py` (run from the repository root):
/// iris (data copied into the JSON) and 2,000 blobs from
/// `gen_blobs.py --n 2000 --d 4 --k 5 --seed 7 --std 1.5` (Fixtures/blobs_2000_d4_k5.csv).
struct ClusteringFixture: Decodable {
    struct Validity: Decodable {
        struct ClusterMean: Decodable { let cluster: Int; let size: Int; let mean: Double }
        let labels_used: Int
        let silhouette: Double
        let silhouette_per_cluster: [ClusterMean]
        let davies_bouldin: Double
        let calinski_harabasz: Double
    }

    struct PCAFigures: Decodable {
        let explained_variance: [Double]
        let explained_variance_ratio: [Double]
        let components: [[Double]]
        let mean: [Double]
        let transform_first_5: [[Double]]
    }

    struct Case: Decodable {
        let k: Int
        let kmeans_inertia_best_of_10: Double
        let kmeans_labels: [Int]
        let validity: Validity
        let noisy_labels: [Int]
        let noisy_validity: Validity
        let pca: PCAFigures
        let x: [[Double]]?
        let columns: [String]?
    }

    let iris: Case
    let blobs: Case

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let shared: ClusteringFixture = {
        do {
            let data = try Data(contentsOf: directory.appendingPathComponent("clustering_sklearn.json"))
            return try JSONDecoder().decode(ClusteringFixture.self, from: data)
        } catch {
            fatalError("clustering fixture unreadable: \(error)")
        }
    }()

    static let irisMatrix: FeatureMatrix = {
        let rows = shared.iris.x ?? []
        return FeatureMatrix(rowCount: rows.count, columnCount: 4, values: rows.flatMap { $0 },
                             columnNames: shared.iris.columns ?? ["a", "b", "c", "d"])
    }()

    static let blobsMatrix: FeatureMatrix = {
        do {
            let path = directory.appendingPathComponent("blobs_2000_d4_k5.csv").path
            let table = try CSVReader.read(path: path).table
            return try table.features(["f1", "f2", "f3", "f4"]).matrix
        } catch {
            fatalError("blobs fixture unreadable: \(error)")
        }
    }()
}

/// |actual − expected| ≤ tolerance × max(|expected|, tiny).
func relativelyClose(_ actual: Double, _ expected: Double, _ tolerance: Double) -> Bool {
    abs(actual - expected) <= tolerance * max(abs(expected), 1e-300)
}
