import Foundation
import Testing
@testable import StrataEngine

/// The factorisation machine: a prediction and one SGD step computed by hand, and learning that
/// matches river's FMRegressor step for step (Fixtures/fm_river_reference.json, from
/// Tests/fixtures-src/fm_river_reference.py).
@Suite struct ContextualFMTests {
    /// n = 4 features, k = 2: v0 = (1, 2), v1 = (0, 1), v2 = (0.5, −1), v3 = (2, 0).
    static let machine = FactorizationMachine(bias: 0.5, linear: [0.1, -0.2, 0.3, 0.4], factors: [1, 2, 0, 1, 0.5, -1, 2, 0], k: 2)

    @Test func predictionEqualsTheHandComputedSum() {
        // 0.5 + (0.1 + 0.3 + 0.4) + ⟨v0,v2⟩ + ⟨v0,v3⟩ + ⟨v2,v3⟩ = 1.3 + (−1.5 + 2 + 1) = 2.8
        #expect(abs(Self.machine.predict([0, 2, 3]) - 2.8) < 1e-12)
        #expect(abs(Self.machine.pairwise([0, 2, 3]) - 1.5) < 1e-12)
        #expect(abs(Self.machine.predict([1]) - 0.3) < 1e-12)
    }

    @Test func oneStepEqualsTheHandComputedUpdate() {
        var m = Self.machine
        let predicted = m.step([0, 2, 3], target: 2, learningRate: 0.1, regularization: 0)
        // g = 2(2.8 − 2) = 1.6; ηg = 0.16; Σv = (3.5, 1) before the step.
        #expect(abs(predicted - 2.8) < 1e-12)
        #expect(abs(m.bias - 0.34) < 1e-12)
        let linear: [Double] = [-0.06, -0.2, 0.14, 0.24]
        let factors: [Double] = [0.6, 2.16, 0, 1, 0.02, -1.32, 1.76, -0.16]
        for (a, b) in zip(m.linear, linear) { #expect(abs(a - b) < 1e-12) }
        for (a, b) in zip(m.factors, factors) { #expect(abs(a - b) < 1e-12) }
    }

    struct Reference: Decodable {
        struct Row: Decodable { let user: Int; let item: Int; let device: Int; let band: Int; let target: Double }
        struct Run: Decodable {
            let l2: Double
            let predictions_before_each_step: [Double]
            let final_predictions: [Double]
            let intercept: Double
            let weights: [Double]
            let factors: [Double]
        }
        let users: Int; let items: Int; let devices: Int; let k: Int
        let learning_rate: Double; let epochs: Int
        let initial_factors: [Double]
        let rows: [Row]
        let runs: [Run]
    }

    @Test func learningMatchesRiverFMRegressor() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fm_river_reference.json")
        let ref = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let layout = ContextualFM.Layout(users: ref.users, items: ref.items, devices: ref.devices)
        #expect(ref.runs.count == 2)
        for run in ref.runs {
            var m = FactorizationMachine(bias: 0, linear: [Double](repeating: 0, count: layout.featureCount),
                                         factors: ref.initial_factors, k: ref.k)
            let rows = ref.rows.map { r in
                (layout.features(user: r.user, item: r.item, device: r.device, band: HourBand(rawValue: r.band)), r.target)
            }
            var before: [Double] = []
            for _ in 0..<ref.epochs {
                for (x, y) in rows { before.append(m.step(x, target: y, learningRate: ref.learning_rate, regularization: run.l2)) }
            }
            #expect(before.count == run.predictions_before_each_step.count)
            for (a, b) in zip(before, run.predictions_before_each_step) { #expect(abs(a - b) < 1e-12) }
            for ((x, _), b) in zip(rows, run.final_predictions) { #expect(abs(m.predict(x) - b) < 1e-12) }
            #expect(abs(m.bias - run.intercept) < 1e-12)
            for (a, b) in zip(m.linear, run.weights) { #expect(abs(a - b) < 1e-12) }
            for (a, b) in zip(m.factors, run.factors) { #expect(abs(a - b) < 1e-12) }
        }
    }

    /// Two users, three items; user 0 on mobile in the evening, user 1 on desktop in the morning.
    static func tinyContext() -> ContextualInteractions {
        let data = RecAlgoData.interactions(users: 2, items: 3, [(0, 0, 1), (0, 1, 1), (1, 1, 1), (1, 2, 1)], explicit: false)
        let rows = [ContextRow(user: 0, item: 0, device: 1, band: .evening), ContextRow(user: 0, item: 1, device: 1, band: .evening),
                    ContextRow(user: 1, item: 1, device: 0, band: .morning), ContextRow(user: 1, item: 2, device: 0, band: .morning)]
        return ContextualInteractions(interactions: data, vocabulary: ContextVocabulary(devices: ["desktop", "mobile"], bands: [.morning, .evening]),
                                      rows: rows, deviceColumn: "device", hourColumn: "hour")
    }

    @Test func fittedModelRanksByItsOwnPredictionsAndIsSeeded() throws {
        var p = ContextualFMParameters(seed: 3)
        p.epochs = 20
        p.factors = 2
        let data = Self.tinyContext()
        let a = try ContextualFMEstimator(p).fit(data, context: RunContext())
        let b = try ContextualFMEstimator(p).fit(data, context: RunContext())
        #expect(a.machine == b.machine)
        #expect(a.positives == 4)
        let mobile = ResolvedContext(device: 1, deviceName: "mobile", band: .evening, hour: 21)
        let list = a.recommend(user: 0, count: 3, exclude: [], in: mobile)
        #expect(list.count == 3)
        for r in list {
            #expect(r.score == a.machine.predict(a.layout.features(user: 0, item: r.item, device: 1, band: .evening)))
        }
        #expect(zip(list, list.dropFirst()).allSatisfy { $0.score >= $1.score })
        let why = a.explain(user: 0, item: 2, in: mobile).reasons.map { $0.text(ids: data.interactions) }
        #expect(why.first?.hasPrefix("context: on mobile ") == true)
        #expect(why.first?.contains("in the evening (18–23 h)") == true)
    }
}
