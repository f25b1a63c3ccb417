/// Small dense symmetric positive-definite systems (factor × factor), solved in place.
enum DenseSolve {
    /// Cholesky factorisation A = L Lᵀ of the row-major n×n matrix in `a` (lower triangle
    /// overwritten with L). Returns false when A is not positive definite.
    static func choleskyFactor(_ a: UnsafeMutablePointer<Double>, _ n: Int) -> Bool {
        for j in 0..<n {
            let d = a[j * n + j] - VectorMath.dot(a + j * n, a + j * n, j)
            guard d > 0 else { return false }
            let l = d.squareRoot()
            a[j * n + j] = l
            for i in (j + 1)..<max(j + 1, n) {
                a[i * n + j] = (a[i * n + j] - VectorMath.dot(a + i * n, a + j * n, j)) / l
            }
        }
        return true
    }

    /// Solves L Lᵀ x = b with the factor from `choleskyFactor`; `b` becomes x.
    static func choleskySolve(_ l: UnsafePointer<Double>, _ n: Int, _ b: UnsafeMutablePointer<Double>) {
        for i in 0..<n {
            b[i] = (b[i] - VectorMath.dot(l + i * n, b, i)) / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = b[i]
            for k in (i + 1)..<max(i + 1, n) { s -= l[k * n + i] * b[k] }
            b[i] = s / l[i * n + i]
        }
    }

    /// x = A⁻¹ b for a row-major n×n SPD matrix given as an array; nil if A is not positive definite.
    static func solve(_ matrix: [Double], _ b: [Double]) -> [Double]? {
        let n = b.count
        guard matrix.count == n * n else { return nil }
        var a = matrix
        var x = b
        let ok = a.withUnsafeMutableBufferPointer { ap -> Bool in
            guard let base = ap.baseAddress, choleskyFactor(base, n) else { return false }
            x.withUnsafeMutableBufferPointer { xp in
                if let xb = xp.baseAddress { choleskySolve(base, n, xb) }
            }
            return true
        }
        return ok ? x : nil
    }
}
