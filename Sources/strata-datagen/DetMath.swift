import StrataEngine

/// `exp` and `log` built from IEEE-754 `+ − × ÷` only. Those four are correctly rounded on every
/// platform; libm's transcendental functions are not (glibc and Apple's libm may differ in the last
/// bit), and one flipped threshold somewhere would ripple through every file that follows.
enum DetMath {
    static let ln2 = 0.693_147_180_559_945_3
    // fdlibm's split of ln 2: `k * ln2Hi` is exact for the |k| we ever see, so range reduction
    // loses nothing.
    private static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    private static let ln2Lo = 1.908_214_929_270_587_700_02e-10
    private static let sqrt2 = 1.414_213_562_373_095_1

    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "DetMath.log needs a positive finite argument")
        var e = Double(x.exponent)
        var m = x.significand
        // Centre the mantissa on 1 so the atanh series below converges in a dozen terms.
        if m > sqrt2 {
            m *= 0.5
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var term = s
        var sum = s
        var k = 3.0
        for _ in 0..<12 {
            term *= s2
            sum += term / k
            k += 2
        }
        return e * ln2Hi + (e * ln2Lo + 2 * sum)
    }

    static func exp(_ x: Double) -> Double {
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        // |r| <= ln2/2, so sixteen Taylor terms are well below one ulp.
        var term = 1.0
        var sum = 1.0
        for i in 1...16 {
            term = term * r / Double(i)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}

extension SeededGenerator {
    /// Uniform in the open interval (0, 1), so its logarithm is always finite.
    mutating func openUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Standard normal by the polar method, with the portable logarithm
    /// (the engine's `nextGaussian` goes through libm).
    mutating func normal() -> Double {
        while true {
            let u = 2 * nextDouble() - 1
            let v = 2 * nextDouble() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * DetMath.log(s) / s).squareRoot()
            }
        }
    }

    mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    mutating func chance(_ p: Double) -> Bool { nextDouble() < p }

    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * nextDouble() }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextInt(below: range.count)
    }

    /// Gumbel noise: adding it to log-weights and keeping the k largest is weighted sampling
    /// without replacement (Efraimidis–Spirakis), with no cumulative table to rebuild.
    mutating func gumbel() -> Double { -DetMath.log(-DetMath.log(openUnit())) }

    mutating func poisson(_ lambda: Double) -> Int {
        if lambda <= 0 { return 0 }
        if lambda >= 30 {
            return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
        }
        let limit = DetMath.exp(-lambda)
        var k = 0
        var p = nextDouble()
        while p > limit {
            k += 1
            p *= nextDouble()
        }
        return k
    }

    /// Index drawn in proportion to `weights` (short lists; long ones use `CumulativeSampler`).
    mutating func pick(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var target = nextDouble() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 && w > 0 { return i }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }
}

/// Weighted draws from a long, fixed list by binary search over running totals.
struct CumulativeSampler {
    private let totals: [Double]

    init(weights: [Double]) {
        var running = 0.0
        var totals: [Double] = []
        totals.reserveCapacity(weights.count)
        for w in weights {
            running += max(0, w)
            totals.append(running)
        }
        precondition(running > 0, "CumulativeSampler needs a positive weight")
        self.totals = totals
    }

    var count: Int { totals.count }

    func draw(_ rng: inout SeededGenerator) -> Int { draw(in: 0..<totals.count, &rng) }

    /// A draw restricted to `range`; zero-weight entries inside it are never returned.
    func draw(in range: Range<Int>, _ rng: inout SeededGenerator) -> Int {
        let lo = range.lowerBound > 0 ? totals[range.lowerBound - 1] : 0
        let hi = totals[range.upperBound - 1]
        let target = lo + (hi - lo) * rng.nextDouble()
        var a = range.lowerBound
        var b = range.upperBound - 1
        while a < b {
            let mid = (a + b) / 2
            if totals[mid] > target { b = mid } else { a = mid + 1 }
        }
        return a
    }

    func mass(in range: Range<Int>) -> Double {
        let lo = range.lowerBound > 0 ? totals[range.lowerBound - 1] : 0
        return totals[range.upperBound - 1] - lo
    }
}
