/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations: slow for
/// large matrices but accurate to a few ulps, which is what the feature covariances here need.
enum SymmetricEigen {
    /// `matrix` is `size × size`, row-major and symmetric. Returns the eigenvalues in descending
    /// order and the matching unit eigenvectors as rows (`size × size`, row-major).
    static func decompose(_ matrix: [Double], size: Int) -> (values: [Double], vectors: [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: size * size)
        for i in 0..<size { v[i * size + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            var diagonal = 0.0
            for p in 0..<size {
                diagonal += a[p * size + p] * a[p * size + p]
                for q in (p + 1)..<max(p + 1, size) { off += a[p * size + q] * a[p * size + q] }
            }
            if off == 0 || off < 1e-34 * diagonal { break }
            for p in 0..<size {
                for q in (p + 1)..<max(p + 1, size) where a[p * size + q] != 0 {
                    rotate(&a, &v, size: size, p: p, q: q)
                }
            }
        }
        let values = (0..<size).map { a[$0 * size + $0] }
        let order = (0..<size).sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        var vectors = [Double](repeating: 0, count: size * size)
        for (row, source) in order.enumerated() {
            // Eigenvectors are the columns of the accumulated rotations.
            for f in 0..<size { vectors[row * size + f] = v[f * size + source] }
        }
        return (order.map { values[$0] }, vectors)
    }

    /// Zeroes `a[p][q]` with one rotation and accumulates it into `v`.
    private static func rotate(_ a: inout [Double], _ v: inout [Double], size: Int, p: Int, q: Int) {
        let apq = a[p * size + q]
        let theta = (a[q * size + q] - a[p * size + p]) / (2 * apq)
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for r in 0..<size {
            let arp = a[r * size + p]
            let arq = a[r * size + q]
            a[r * size + p] = c * arp - s * arq
            a[r * size + q] = s * arp + c * arq
        }
        for r in 0..<size {
            let apr = a[p * size + r]
            let aqr = a[q * size + r]
            a[p * size + r] = c * apr - s * aqr
            a[q * size + r] = s * apr + c * aqr
        }
        for r in 0..<size {
            let vrp = v[r * size + p]
            let vrq = v[r * size + q]
            v[r * size + p] = c * vrp - s * vrq
            v[r * size + q] = s * vrp + c * vrq
        }
    }
}
