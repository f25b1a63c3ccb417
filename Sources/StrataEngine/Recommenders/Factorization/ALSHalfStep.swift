/// One half of an ALS iteration: new factors for every row (user or item) with the other side fixed.
struct ALSHalfStep: Sendable {
    let options: ImplicitALSOptions

    @inline(__always)
    func confidence(_ value: Float) -> Double { 1 + options.alpha * (options.binary ? 1 : Double(value)) }

    @inline(__always)
    func confidenceFloat(_ value: Float) -> Float { Float(confidence(value)) }

    /// FᵀF + λI of row-major factors `m` (rowCount × f), summed in Double over fixed row ranges in
    /// order (a sum over every user or item, where Float would lose digits).
    func gram(_ m: [Float], rowCount: Int, context: RunContext) throws -> [Double] {
        let f = options.factors
        let chunks = FixedChunks(total: rowCount, parts: FixedChunks.defaultParts)
        let parts = try chunks.map(cancellation: context.cancellation) { range -> [Double] in
            var g = [Double](repeating: 0, count: f * f)
            m.withUnsafeBufferPointer { mp in
                g.withUnsafeMutableBufferPointer { gp in
                    for r in range {
                        let v = mp.baseAddress! + r * f
                        for s in 0..<f {
                            let vs = Double(v[s])
                            let gs = gp.baseAddress! + s * f
                            for t in s..<f { gs[t] += vs * Double(v[t]) }
                        }
                    }
                }
            }
            return g
        }
        var g = [Double](repeating: 0, count: f * f)
        for part in parts { for k in 0..<(f * f) { g[k] += part[k] } }
        for s in 0..<f {
            for t in 0..<s { g[s * f + t] = g[t * f + s] }
            g[s * f + s] += options.regularization
        }
        return g
    }

    /// Replaces each row of `rows` by its least-squares solution given `fixed`.
    func solve(rows: inout [Float], fixed: [Float], interactions: CSRMatrix, context: RunContext) throws {
        let f = options.factors
        let gramDouble = try gram(fixed, rowCount: fixed.count / f, context: context)
        let g = options.solver == .cg ? gramDouble.map { Float($0) } : []
        try rows.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            let chunks = FixedChunks(total: interactions.rowCount, parts: FixedChunks.defaultParts)
            _ = try chunks.map(cancellation: context.cancellation) { range -> Int in
                var work = RowWork(factors: f, cholesky: options.solver == .cholesky)
                try fixed.withUnsafeBufferPointer { y in
                    try gramDouble.withUnsafeBufferPointer { gd in
                    try g.withUnsafeBufferPointer { gp in
                        for r in range {
                            if (r - range.lowerBound) & 63 == 0 { try context.cancellation.check() }
                            let x = out.base + r * f
                            let lo = interactions.rowStart[r], hi = interactions.rowStart[r + 1]
                            guard hi > lo else {
                                x.update(repeating: 0, count: f)
                                continue
                            }
                            let entries = RowEntries(indices: interactions.indices, values: interactions.values, range: lo..<hi)
                            switch options.solver {
                            case .cg: conjugateGradient(x: x, y: y.baseAddress!, g: gp.baseAddress!, entries: entries, work: &work)
                            case .cholesky: exactSolve(x: x, y: y.baseAddress!, g: gd.baseAddress!, entries: entries, work: &work)
                            }
                        }
                    }
                    }
                }
                return 0
            }
        }
    }

    struct RowEntries {
        let indices: [Int32]
        let values: [Float]
        let range: Range<Int>
    }

    /// Scratch vectors reused across the rows of one range. The exact solve works in Double.
    struct RowWork {
        var r: [Float], p: [Float], ap: [Float]
        var a: [Double], b: [Double]
        init(factors f: Int, cholesky: Bool) {
            r = [Float](repeating: 0, count: f)
            p = r
            ap = r
            a = [Double](repeating: 0, count: cholesky ? f * f : 0)
            b = [Double](repeating: 0, count: cholesky ? f : 0)
        }
    }

    /// out = G v + Σ (c − 1)(y_i·v) y_i over the row's entries.
    @inline(__always)
    private func systemTimes(_ v: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, y: UnsafePointer<Float>,
                             g: UnsafePointer<Float>, entries: RowEntries) {
        let f = options.factors
        VectorMath.symmetricTimes(g, v, out, f)
        for k in entries.range {
            let yi = y + Int(entries.indices[k]) * f
            let c1 = confidenceFloat(entries.values[k]) - 1
            guard c1 != 0 else { continue }
            VectorMath.axpy(c1 * VectorMath.dot(yi, v, f), yi, out, f)
        }
    }

    private func conjugateGradient(x: UnsafeMutablePointer<Float>, y: UnsafePointer<Float>, g: UnsafePointer<Float>,
                                   entries: RowEntries, work: inout RowWork) {
        let f = options.factors
        work.r.withUnsafeMutableBufferPointer { rb in
        work.p.withUnsafeMutableBufferPointer { pb in
        work.ap.withUnsafeMutableBufferPointer { apb in
            let r = rb.baseAddress!, p = pb.baseAddress!, ap = apb.baseAddress!
            // r = b − A x, with b = Σ c y_i.
            systemTimes(UnsafePointer(x), out: ap, y: y, g: g, entries: entries)
            for t in 0..<f { r[t] = -ap[t] }
            for k in entries.range {
                let yi = y + Int(entries.indices[k]) * f
                VectorMath.axpy(confidenceFloat(entries.values[k]), yi, r, f)
            }
            p.update(from: r, count: f)
            var rsOld = VectorMath.dot(r, r, f)
            guard rsOld >= 1e-20 else { return }
            for _ in 0..<options.cgSteps {
                systemTimes(UnsafePointer(p), out: ap, y: y, g: g, entries: entries)
                let pAp = VectorMath.dot(p, ap, f)
                guard pAp > 0 else { return }
                let step = rsOld / pAp
                VectorMath.axpy(step, p, x, f)
                VectorMath.axpy(-step, ap, r, f)
                let rsNew = VectorMath.dot(r, r, f)
                if rsNew < 1e-20 { return }
                let beta = rsNew / rsOld
                for t in 0..<f { p[t] = r[t] + beta * p[t] }
                rsOld = rsNew
            }
        }}}
    }

    private func exactSolve(x: UnsafeMutablePointer<Float>, y: UnsafePointer<Float>, g: UnsafePointer<Double>,
                            entries: RowEntries, work: inout RowWork) {
        let f = options.factors
        work.a.withUnsafeMutableBufferPointer { ab in
        work.b.withUnsafeMutableBufferPointer { bb in
            let a = ab.baseAddress!, b = bb.baseAddress!
            let solved = Self.exactRowSolve(factors: f, y: y, gram: g, a: a, b: b, count: entries.range.count) { k in
                let e = entries.range.lowerBound + k
                return (Int(entries.indices[e]), confidence(entries.values[e]))
            }
            if solved {
                for s in 0..<f { x[s] = Float(b[s]) }
            } else {
                x.update(repeating: 0, count: f)
            }
        }}
    }

    /// One row's normal equations solved exactly, in Double: (G + Σ_k (c_k − 1) y_k y_kᵀ) x = Σ_k c_k y_k
    /// over the `count` entries `entry(k)` gives (the index of y_k in `y`, and c_k; nil skips it).
    /// `a` (f × f) and `b` (f) are the caller's scratch; on success `b` holds x. False when the matrix
    /// is not positive definite. The batch half-step and the streaming fold-in both solve here, so a
    /// user folded in gets the factors a batch half-step would give them (same sums in the same order).
    @inline(__always)
    static func exactRowSolve(factors f: Int, y: UnsafePointer<Float>, gram g: UnsafePointer<Double>,
                              a: UnsafeMutablePointer<Double>, b: UnsafeMutablePointer<Double>,
                              count: Int, entry: (Int) -> (index: Int, confidence: Double)?) -> Bool {
        a.update(from: g, count: f * f)
        b.update(repeating: 0, count: f)
        for k in 0..<count {
            guard let (index, c) = entry(k) else { continue }
            let yi = y + index * f
            let c1 = c - 1
            for s in 0..<f {
                let ys = Double(yi[s])
                b[s] += c * ys
                let w = c1 * ys
                let row = a + s * f
                for t in 0...s { row[t] += w * Double(yi[t]) }
            }
        }
        // Only the lower triangle was accumulated; the factorisation reads only that.
        guard DenseSolve.choleskyFactor(a, f) else { return false }
        DenseSolve.choleskySolve(a, f, b)
        return true
    }
}
