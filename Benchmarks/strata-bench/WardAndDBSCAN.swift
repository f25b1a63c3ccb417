// Ward on the first rows of a blobs file, cut into k clusters, and DBSCAN on the first rows
// (Benchmarks/cluster/ward_dbscan.sh). Labels go to files so the peer script can compare them
// with SciPy's and scikit-learn's; timings are the median of the repeats, excluding the load.
import Foundation
import StrataEngine

enum WardAndDBSCAN {
    static let usage = "FILE WARD_ROWS K DBSCAN_ROWS EPS MIN_POINTS REPEATS LABELS_PREFIX"

    static func run(_ args: [String]) throws -> String {
        guard args.count == 8, let wardRows = Int(args[1]), let k = Int(args[2]), let dbscanRows = Int(args[3]),
              let eps = Double(args[4]), let minPoints = Int(args[5]), let repeats = Int(args[6]), repeats > 0 else {
            throw BenchUsageError(description: "usage: ward-dbscan " + usage)
        }
        let table = try CSVReader.read(path: args[0]).table
        let names = table.columnNames.filter { $0 != "label" }
        let all = try table.features(names).matrix

        let wardInput = all.takingRows(Array(0..<min(wardRows, all.rowCount)))
        var wardTimes: [Double] = [], wardLabels: [Int] = []
        for _ in 0..<repeats {
            var clock = BenchClock()
            let tree = try HierarchicalClustering.dendrogram(wardInput, linkage: .ward, context: .quiet)
            wardLabels = try tree.labels(clusterCount: k)
            wardTimes.append(clock.lap())
        }

        let dbscanInput = all.takingRows(Array(0..<min(dbscanRows, all.rowCount)))
        var dbscanTimes: [Double] = []
        var result: DBSCANModel?
        for _ in 0..<repeats {
            var clock = BenchClock()
            result = try DBSCAN(DBSCANParameters(eps: eps, minPoints: minPoints)).fit(dbscanInput, context: .quiet)
            dbscanTimes.append(clock.lap())
        }
        let dbscanLabels = result?.labels ?? []
        try write(wardLabels, to: args[7] + "ward.txt")
        try write(dbscanLabels, to: args[7] + "dbscan.txt")
        return "{\"ward_rows\": \(wardInput.rowCount), \"ward_seconds\": \(median(wardTimes)), "
            + "\"dbscan_rows\": \(dbscanInput.rowCount), \"dbscan_seconds\": \(median(dbscanTimes)), "
            + "\"dbscan_clusters\": \(result?.clusterCount ?? 0), \"dbscan_noise\": \(result?.noiseCount ?? 0)}"
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    private static func write(_ labels: [Int], to path: String) throws {
        try (labels.map(String.init).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
