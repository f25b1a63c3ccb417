/// Short dense vector kernels for the factor models. A dot product written as one running sum is a
/// chain of dependent additions the compiler may not reorder; four two-lane accumulators keep
/// eight products in flight. The summation order is fixed, so results are reproducible.
enum VectorMath {
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        let stride = MemoryLayout<Double>.stride
        var s0 = SIMD2<Double>(), s1 = SIMD2<Double>(), s2 = SIMD2<Double>(), s3 = SIMD2<Double>()
        var i = 0
        while i + 8 <= n {
            let o = i * stride
            s0 += ra.loadUnaligned(fromByteOffset: o, as: SIMD2<Double>.self) * rb.loadUnaligned(fromByteOffset: o, as: SIMD2<Double>.self)
            s1 += ra.loadUnaligned(fromByteOffset: o + 2 * stride, as: SIMD2<Double>.self)
                * rb.loadUnaligned(fromByteOffset: o + 2 * stride, as: SIMD2<Double>.self)
            s2 += ra.loadUnaligned(fromByteOffset: o + 4 * stride, as: SIMD2<Double>.self)
                * rb.loadUnaligned(fromByteOffset: o + 4 * stride, as: SIMD2<Double>.self)
            s3 += ra.loadUnaligned(fromByteOffset: o + 6 * stride, as: SIMD2<Double>.self)
                * rb.loadUnaligned(fromByteOffset: o + 6 * stride, as: SIMD2<Double>.self)
            i += 8
        }
        var s = ((s0 + s1) + (s2 + s3)).sum()
        while i < n {
            s += a[i] * b[i]
            i += 1
        }
        return s
    }

    /// y += alpha · x
    @inline(__always)
    static func axpy(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int) {
        for i in 0..<n { y[i] += alpha * x[i] }
    }

    /// out = M v for a symmetric row-major n×n M, as a sum of M's rows scaled by v's entries
    /// (vectorisable, unlike n separate dot products).
    @inline(__always)
    static func symmetricTimes(_ m: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ n: Int) {
        out.update(repeating: 0, count: n)
        for t in 0..<n { axpy(v[t], m + t * n, out, n) }
    }
}
