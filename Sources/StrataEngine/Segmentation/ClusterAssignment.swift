/// Places new (already scaled) rows into an existing clustering.
public enum ClusterAssignment {
    /// Index of the nearest centre (Euclidean); ties go to the lower centre.
    public static func nearestCenter(_ x: FeatureMatrix, centers: FeatureMatrix) -> [Int] {
        (0..<x.rowCount).map { i in
            var best = -1, bestDistance = Double.infinity
            for c in 0..<centers.rowCount {
                let d = squaredDistance(x.row(i), centers.row(c))
                if d < bestDistance { best = c; bestDistance = d }
            }
            return best
        }
    }

    /// The mean of each cluster 0…k−1 (noise left out), `k × d`.
    public static func centroids(_ x: FeatureMatrix, labels: [Int]) -> FeatureMatrix {
        let k = (labels.max() ?? -1) + 1
        var sums = [Double](repeating: 0, count: k * x.columnCount)
        var counts = [Int](repeating: 0, count: k)
        for (i, l) in labels.enumerated() where l >= 0 {
            counts[l] += 1
            for j in 0..<x.columnCount { sums[l * x.columnCount + j] += x[i, j] }
        }
        for c in 0..<k where counts[c] > 0 { for j in 0..<x.columnCount { sums[c * x.columnCount + j] /= Double(counts[c]) } }
        return FeatureMatrix(rowCount: k, columnCount: x.columnCount, values: sums, columnNames: x.columnNames)
    }

    @inline(__always)
    static func squaredDistance(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
        var s = 0.0
        var j = b.startIndex
        for v in a { let d = v - b[j]; s += d * d; j += 1 }
        return s
    }
}
