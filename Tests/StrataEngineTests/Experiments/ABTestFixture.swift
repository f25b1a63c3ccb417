import Foundation
@testable import StrataEngine

/// SciPy/statsmodels figures written by `Tests/fixtures-src/abtest_reference.py` (run from the
/// repository root with a venv holding scipy, statsmodels and numpy; versions are in the JSON).
struct ABTestFixture: Decodable {
    struct Versions: Decodable { let scipy: String; let statsmodels: String }
    struct Welch: Decodable { let control: [Double]; let treatment: [Double]; let t: Double; let p: Double; let df: Double }
    struct MWU: Decodable { let x: [Double]; let y: [Double]; let u: Double; let p: Double }
    struct ZTest: Decodable { let control: [Int]; let treatment: [Int]; let z: Double; let p: Double }
    struct Chi2: Decodable { let rows: [[Int]]; let yates: Bool; let statistic: Double; let p: Double; let df: Int }
    struct SRM: Decodable { let counts: [Int]; let weights: [Double]; let statistic: Double; let p: Double }
    struct Multiple: Decodable { let p: [Double]; let holm: [Double]; let bh: [Double] }
    struct PowerCase: Decodable { let effect: Double; let nobs1: Double; let alpha: Double; let ratio: Double; let normal: Double; let t: Double }
    struct SizeCase: Decodable { let effect: Double; let power: Double; let alpha: Double; let ratio: Double; let normal: Double; let t: Double }
    struct MDECase: Decodable {
        let nobs1: Double; let power: Double; let alpha: Double; let normal: Double; let t: Double
        let solve_power_normal: Double; let solve_power_t: Double
    }
    struct CohensH: Decodable { let p1: Double; let p2: Double; let h: Double; let nobs1: Double }
    struct Cuped: Decodable {
        let metric: [Double]; let covariate: [Double]; let arm: [Int]
        let theta: Double; let adjusted_difference: Double; let adjusted_t: Double; let adjusted_p: Double
        let raw_t: Double; let variance_reduction: Double
    }
    struct Boot: Decodable { let resamples: Int; let low: Double; let high: Double; let standard_error: Double }
    struct Ratio: Decodable { let revenue: [Double]; let sessions: [Double]; let ratio: Double; let variance: Double }
    struct Quantile: Decodable { let p: Double; let normal: Double; let t: [String: Double] }
    struct Chi2SF: Decodable { let x: Double; let df: Double; let sf: Double }
    struct NCT: Decodable { let t: Double; let df: Double; let nc: Double; let cdf: Double }

    let versions: Versions
    let welch: Welch
    let mannwhitney: [MWU]
    let ztest: ZTest
    let chi2: [Chi2]
    let srm: [SRM]
    let multiple: Multiple
    let power: [PowerCase]
    let sample_size: [SizeCase]
    let mde: [MDECase]
    let cohens_h: CohensH
    let cuped: Cuped
    let bootstrap: Boot
    let ratio: Ratio
    let quantiles: [Quantile]
    let chi2_sf: [Chi2SF]
    let nct: [NCT]

    static let shared: ABTestFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("abtest_reference.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ABTestFixture.self, from: data)
    }()
}

/// |a − b| ≤ tolerance · max(1, |b|): absolute near zero, relative for large figures.
func agrees(_ a: Double, _ b: Double, within tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
