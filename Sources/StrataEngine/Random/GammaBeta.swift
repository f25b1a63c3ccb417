#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension SeededGenerator {
    /// Gamma(shape, 1) deviate by Marsaglia and Tsang's squeeze method (2000); shapes below 1 use
    /// Gamma(shape + 1)·U^(1/shape). `shape` must be positive and finite.
    public mutating func nextGamma(shape: Double) -> Double {
        if shape < 1 {
            // U in (0, 1]: a zero would turn the boost into 0 for every shape.
            let u = 1 - nextDouble()
            return nextGamma(shape: shape + 1) * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = nextGaussian()
            let t = 1 + c * x
            guard t > 0 else { continue }
            let v = t * t * t
            let u = 1 - nextDouble()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Beta(a, b) deviate as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). Both shapes must be positive.
    public mutating func nextBeta(_ a: Double, _ b: Double) -> Double {
        let x = nextGamma(shape: a)
        let y = nextGamma(shape: b)
        let sum = x + y
        // Both tiny shapes can underflow to 0 + 0; the mean is the honest answer then.
        return sum > 0 ? x / sum : a / (a + b)
    }
}
