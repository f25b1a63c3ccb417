import Foundation
@testable import StrataEngine

/// SciPy / scikit-learn reference figures for hierarchical clustering, DBSCAN and the k-distance
/// curve, with the points they were computed on. Produced by
/// `/work/peers/venv/bin/python Tests/fixtures-src/hierdb_clustering.py ../shared/data/iris/iris.csv
/// Tests/StrataEngineTests/Fixtures/hierdb_clustering.json` (SciPy 1.17.1, scikit-learn 1.9.1).
struct HierDBFixture: Decodable {
    struct Cut: Decodable { let height: Double; let labels: [Int] }
    struct Hierarchy: Decodable {
        /// SciPy's linkage matrix rows: left, right, height, size.
        let Z: [[Double]]
        /// `fcluster(Z, k, "maxclust")` by k.
        let maxclust: [String: [Int]]
        /// `fcluster(Z, height, "distance")`.
        let distance: [Cut]
    }
    struct DBSCANRun: Decodable { let eps: Double; let minPoints: Int; let labels: [Int]; let core: [Bool] }
    struct KDistanceRun: Decodable { let k: Int; let distances: [Double] }

    let columns: Int
    let points: [Double]
    let hierarchy: [String: Hierarchy]
    let dbscan: [DBSCANRun]
    let kdistance: KDistanceRun

    var matrix: FeatureMatrix {
        FeatureMatrix(rowCount: points.count / columns, columnCount: columns, values: points,
                      columnNames: (1...columns).map { "f\($0)" })
    }

    static let names = ["iris", "blobs3d", "blobs20d"]

    static let all: [String: HierDBFixture] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hierdb_clustering.json")
        do {
            return try JSONDecoder().decode([String: HierDBFixture].self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// True when two labelings describe the same partition (a one-to-one renaming maps one onto the
/// other); noise (−1) must map to noise when `noise` is true.
func samePartition(_ a: [Int], _ b: [Int], noise: Bool = false) -> Bool {
    guard a.count == b.count else { return false }
    var forward: [Int: Int] = [:], backward: [Int: Int] = [:]
    for (x, y) in zip(a, b) {
        if noise && ((x == -1) != (y == -1)) { return false }
        if let mapped = forward[x], mapped != y { return false }
        if let mapped = backward[y], mapped != x { return false }
        forward[x] = y
        backward[y] = x
    }
    return true
}

func relativelyClose(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(abs(a), abs(b)) || abs(a - b) <= 1e-300
}

func oneColumn(_ values: [Double]) -> FeatureMatrix {
    FeatureMatrix(rowCount: values.count, columnCount: 1, values: values, columnNames: ["x"])
}
