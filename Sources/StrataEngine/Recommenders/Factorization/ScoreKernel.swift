/// The inner loop of factor-model scoring: out[u][j] = offset[j] + Σ_f p_u[f]·q[f][j] for a block of
/// users against a tile of items. Four users × eight items are held in registers while f runs, so each
/// item-factor vector is loaded once per four users and the partial scores are never stored and
/// reloaded (measured 1.7× faster than a row-by-row axpy on the 2-core test machine, see
/// docs/performance.md). Every score is summed over f in order starting from the offset, exactly as
/// the plain loop sums it, so blocking does not change any result.
enum ScoreKernel {
    static func score(users p: UnsafePointer<Float>, userCount: Int, factorCount f: Int,
                      itemsByFactor q: UnsafePointer<Float>, itemCount: Int, offsets: UnsafePointer<Float>?,
                      tile: Range<Int>, into out: UnsafeMutablePointer<Float>) {
        var b = 0
        while b &+ 4 <= userCount {
            fourUsers(p + b &* f, f, q, itemCount, offsets, tile, out + b &* itemCount)
            b &+= 4
        }
        while b < userCount {
            oneUser(p + b &* f, f, q, itemCount, offsets, tile, out + b &* itemCount)
            b &+= 1
        }
    }

    @inline(__always)
    private static func start(_ offsets: UnsafePointer<Float>?, _ j: Int) -> SIMD4<Float> {
        guard let offsets else { return SIMD4<Float>() }
        return UnsafeRawPointer(offsets).loadUnaligned(fromByteOffset: j &* 4, as: SIMD4<Float>.self)
    }

    private static func fourUsers(_ p: UnsafePointer<Float>, _ f: Int, _ q: UnsafePointer<Float>, _ itemCount: Int,
                                  _ offsets: UnsafePointer<Float>?, _ tile: Range<Int>, _ out: UnsafeMutablePointer<Float>) {
        let rq = UnsafeRawPointer(q)
        let ro = UnsafeMutableRawPointer(out)
        let p0 = p, p1 = p + f, p2 = p + 2 &* f, p3 = p + 3 &* f
        let rowBytes = itemCount &* 4
        var j = tile.lowerBound
        while j &+ 8 <= tile.upperBound {
            let lo = start(offsets, j), hi = start(offsets, j &+ 4)
            var a0 = lo, a1 = hi, b0 = lo, b1 = hi, c0 = lo, c1 = hi, d0 = lo, d1 = hi
            var o = j &* 4
            for k in 0..<f {
                let q0 = rq.loadUnaligned(fromByteOffset: o, as: SIMD4<Float>.self)
                let q1 = rq.loadUnaligned(fromByteOffset: o &+ 16, as: SIMD4<Float>.self)
                let s0 = SIMD4<Float>(repeating: p0[k]), s1 = SIMD4<Float>(repeating: p1[k])
                let s2 = SIMD4<Float>(repeating: p2[k]), s3 = SIMD4<Float>(repeating: p3[k])
                a0 += s0 * q0; a1 += s0 * q1
                b0 += s1 * q0; b1 += s1 * q1
                c0 += s2 * q0; c1 += s2 * q1
                d0 += s3 * q0; d1 += s3 * q1
                o &+= rowBytes
            }
            let at = j &* 4
            ro.storeBytes(of: a0, toByteOffset: at, as: SIMD4<Float>.self)
            ro.storeBytes(of: a1, toByteOffset: at &+ 16, as: SIMD4<Float>.self)
            ro.storeBytes(of: b0, toByteOffset: rowBytes &+ at, as: SIMD4<Float>.self)
            ro.storeBytes(of: b1, toByteOffset: rowBytes &+ at &+ 16, as: SIMD4<Float>.self)
            ro.storeBytes(of: c0, toByteOffset: 2 &* rowBytes &+ at, as: SIMD4<Float>.self)
            ro.storeBytes(of: c1, toByteOffset: 2 &* rowBytes &+ at &+ 16, as: SIMD4<Float>.self)
            ro.storeBytes(of: d0, toByteOffset: 3 &* rowBytes &+ at, as: SIMD4<Float>.self)
            ro.storeBytes(of: d1, toByteOffset: 3 &* rowBytes &+ at &+ 16, as: SIMD4<Float>.self)
            j &+= 8
        }
        if j < tile.upperBound {
            for u in 0..<4 {
                oneUser(p + u &* f, f, q, itemCount, offsets, j..<tile.upperBound, out + u &* itemCount)
            }
        }
    }

    private static func oneUser(_ p: UnsafePointer<Float>, _ f: Int, _ q: UnsafePointer<Float>, _ itemCount: Int,
                                _ offsets: UnsafePointer<Float>?, _ tile: Range<Int>, _ out: UnsafeMutablePointer<Float>) {
        let row = out + tile.lowerBound
        if let offsets {
            row.update(from: offsets + tile.lowerBound, count: tile.count)
        } else {
            row.update(repeating: 0, count: tile.count)
        }
        for k in 0..<f {
            VectorMath.axpy(p[k], q + (k &* itemCount &+ tile.lowerBound), row, tile.count)
        }
    }
}
