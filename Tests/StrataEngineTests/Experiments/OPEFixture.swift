import Foundation

/// obp, statsmodels and SciPy figures written by `Tests/fixtures-src/ope_reference.py` (run with the
/// peers venv; versions are in the JSON).
struct OPEFixture: Decodable {
    struct Estimates: Decodable {
        let ips: Double; let snips: Double; let dm: Double; let dr: Double
        let ips_round_sd: Double; let dm_round_sd: Double; let dr_round_sd: Double
        let replay: Double; let matched: Int; let ess: Double; let logged: Double
    }
    struct SmallLog: Decodable {
        let cells: [Int]; let actions: [Int]; let propensities: [Double]; let rewards: [Double]; let choices: [Int]
        let actions_count: Int; let cells_count: Int
    }
    struct Wilson: Decodable { let successes: Int; let trials: Int; let level: Double; let low: Double; let high: Double }
    struct TInterval: Decodable { let values: [Double]; let level: Double; let mean: Double; let low: Double; let high: Double }

    let small: SmallLog
    let smallEstimates: Estimates
    let exposures: Estimates
    let wilson: [Wilson]
    let t_interval: TInterval

    private enum Keys: String, CodingKey { case small, exposures, wilson, t_interval }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        small = try c.decode(SmallLog.self, forKey: .small)
        smallEstimates = try c.decode(Estimates.self, forKey: .small)
        exposures = try c.decode(Estimates.self, forKey: .exposures)
        wilson = try c.decode([Wilson].self, forKey: .wilson)
        t_interval = try c.decode(TInterval.self, forKey: .t_interval)
    }

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("ope_reference.json")

    static let shared: OPEFixture? = {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(OPEFixture.self, from: data)
    }()
}
