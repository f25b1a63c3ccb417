/// Short dense vector kernels for the factor models. A dot product written as one running sum is a
/// chain of dependent additions the compiler may not reorder; several SIMD accumulators keep many
/// products in flight. The summation order is fixed, so results are reproducible.
///
/// The factor models keep their factors in `Float`, as implicit and LensKit do: the baseline x86-64
/// target has 128-bit vectors, so Float doubles the lanes per instruction and halves the memory the
/// scoring streams through (measured: ALS fit on goodbooks-10k 4.7 s in Double, see docs/performance.md).
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

    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        let width = 4 * MemoryLayout<Float>.stride
        var s0 = SIMD4<Float>(), s1 = SIMD4<Float>(), s2 = SIMD4<Float>(), s3 = SIMD4<Float>()
        var i = 0
        while i &+ 16 <= n {
            let o = i &* MemoryLayout<Float>.stride
            s0 += ra.loadUnaligned(fromByteOffset: o, as: SIMD4<Float>.self) * rb.loadUnaligned(fromByteOffset: o, as: SIMD4<Float>.self)
            s1 += ra.loadUnaligned(fromByteOffset: o &+ width, as: SIMD4<Float>.self)
                * rb.loadUnaligned(fromByteOffset: o &+ width, as: SIMD4<Float>.self)
            s2 += ra.loadUnaligned(fromByteOffset: o &+ 2 &* width, as: SIMD4<Float>.self)
                * rb.loadUnaligned(fromByteOffset: o &+ 2 &* width, as: SIMD4<Float>.self)
            s3 += ra.loadUnaligned(fromByteOffset: o &+ 3 &* width, as: SIMD4<Float>.self)
                * rb.loadUnaligned(fromByteOffset: o &+ 3 &* width, as: SIMD4<Float>.self)
            i &+= 16
        }
        while i &+ 4 <= n {
            let o = i &* MemoryLayout<Float>.stride
            s0 += ra.loadUnaligned(fromByteOffset: o, as: SIMD4<Float>.self) * rb.loadUnaligned(fromByteOffset: o, as: SIMD4<Float>.self)
            i &+= 4
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

    /// y += alpha · x (the compiler vectorises and unrolls this loop itself, better than explicit SIMD4).
    @inline(__always)
    static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { y[i] += alpha * x[i] }
    }

    /// out = M v for a symmetric row-major n×n M, as a sum of M's rows scaled by v's entries
    /// (vectorisable, unlike n separate dot products).
    @inline(__always)
    static func symmetricTimes(_ m: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ n: Int) {
        out.update(repeating: 0, count: n)
        for t in 0..<n { axpy(v[t], m + t * n, out, n) }
    }

    /// The Float version keeps 32 outputs in eight registers while t runs, instead of loading and
    /// storing `out` once per row of M (the ALS conjugate-gradient step spends most of its time here).
    /// Each output is still summed over t in order, as the row-by-row form sums it.
    static func symmetricTimes(_ m: UnsafePointer<Float>, _ v: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ n: Int) {
        let rm = UnsafeRawPointer(m), ro = UnsafeMutableRawPointer(out)
        let rowBytes = n &* 4
        var c = 0
        while c &+ 32 <= n {
            var a0 = SIMD4<Float>(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0
            var o = c &* 4
            for t in 0..<n {
                let s = SIMD4<Float>(repeating: v[t])
                a0 += s * rm.loadUnaligned(fromByteOffset: o, as: SIMD4<Float>.self)
                a1 += s * rm.loadUnaligned(fromByteOffset: o &+ 16, as: SIMD4<Float>.self)
                a2 += s * rm.loadUnaligned(fromByteOffset: o &+ 32, as: SIMD4<Float>.self)
                a3 += s * rm.loadUnaligned(fromByteOffset: o &+ 48, as: SIMD4<Float>.self)
                a4 += s * rm.loadUnaligned(fromByteOffset: o &+ 64, as: SIMD4<Float>.self)
                a5 += s * rm.loadUnaligned(fromByteOffset: o &+ 80, as: SIMD4<Float>.self)
                a6 += s * rm.loadUnaligned(fromByteOffset: o &+ 96, as: SIMD4<Float>.self)
                a7 += s * rm.loadUnaligned(fromByteOffset: o &+ 112, as: SIMD4<Float>.self)
                o &+= rowBytes
            }
            let at = c &* 4
            ro.storeBytes(of: a0, toByteOffset: at, as: SIMD4<Float>.self)
            ro.storeBytes(of: a1, toByteOffset: at &+ 16, as: SIMD4<Float>.self)
            ro.storeBytes(of: a2, toByteOffset: at &+ 32, as: SIMD4<Float>.self)
            ro.storeBytes(of: a3, toByteOffset: at &+ 48, as: SIMD4<Float>.self)
            ro.storeBytes(of: a4, toByteOffset: at &+ 64, as: SIMD4<Float>.self)
            ro.storeBytes(of: a5, toByteOffset: at &+ 80, as: SIMD4<Float>.self)
            ro.storeBytes(of: a6, toByteOffset: at &+ 96, as: SIMD4<Float>.self)
            ro.storeBytes(of: a7, toByteOffset: at &+ 112, as: SIMD4<Float>.self)
            c &+= 32
        }
        while c &+ 4 <= n {
            var a = SIMD4<Float>()
            var o = c &* 4
            for t in 0..<n {
                a += SIMD4<Float>(repeating: v[t]) * rm.loadUnaligned(fromByteOffset: o, as: SIMD4<Float>.self)
                o &+= rowBytes
            }
            ro.storeBytes(of: a, toByteOffset: c &* 4, as: SIMD4<Float>.self)
            c &+= 4
        }
        while c < n {
            var a: Float = 0
            for t in 0..<n { a += v[t] * m[t &* n &+ c] }
            out[c] = a
            c &+= 1
        }
    }
}
