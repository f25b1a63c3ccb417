/// Adjusted p-values for a family of tests, computed exactly as statsmodels' `multipletests`
/// (same operation order, so the same floating-point results).
public enum MultipleTesting {
    /// Holm's step-down: sort ascending, multiply the i-th smallest (from 0) by m − i, take the
    /// running maximum, cap at 1. Controls the family-wise error rate.
    public static func holm(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        var adjusted = [Double](repeating: .nan, count: m)
        var running = -Double.infinity
        for (rank, index) in order.enumerated() {
            running = max(running, pValues[index] * Double(m - rank))
            adjusted[index] = min(1, running)
        }
        return adjusted
    }

    /// Benjamini–Hochberg step-up: the i-th smallest (from 1) divided by i/m, then the running
    /// minimum from the largest down, capped at 1. Controls the false discovery rate.
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        var adjusted = [Double](repeating: .nan, count: m)
        var running = Double.infinity
        for rank in stride(from: m - 1, through: 0, by: -1) {
            let index = order[rank]
            running = min(running, pValues[index] / (Double(rank + 1) / Double(m)))
            adjusted[index] = min(1, running)
        }
        return adjusted
    }
}
