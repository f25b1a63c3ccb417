import Foundation
import Testing
@testable import StrataEngine

/// The linear models against scikit-learn (Tests/fixtures-src/linear_reference.py) and hand-computed cases.
@Suite struct LinearModelTests {
    struct Reference: Decodable {
        struct Model: Decodable {
            let labels: [String]
            let coefficients: [Double]
            let intercept: Double
            let first_probabilities: [Double]?
        }
        let x1: [Double], x2: [Double], x3: [Double]
        let colour: [String]
        let y_class: [Int]
        let y_value: [Double]
        let models: [String: Model]
    }

    static func reference() throws -> Reference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/linear_reference.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    static func frame(_ r: Reference) throws -> ModelFrame {
        let levels = ["blue", "green", "red"]
        return try ModelFrame(rowCount: r.x1.count, features: [
            .numeric(name: "x1", values: r.x1), .numeric(name: "x2", values: r.x2), .numeric(name: "x3", values: r.x3),
            .categorical(name: "colour", codes: r.colour.map { Int32(levels.firstIndex(of: $0) ?? -1) }, levels: levels)])
    }

    static func check(_ p: LinearPredictor, _ m: Reference.Model) {
        let got = p.labelledCoefficients
        #expect(got.map(\.label) == m.labels)
        for (g, want) in zip(got, m.coefficients) { #expect(abs(g.coefficient - want) < 1e-4, "\(g.label): \(g.coefficient) vs \(want)") }
        #expect(abs(p.intercept - m.intercept) < 1e-4)
    }

    @Test(arguments: [1.0, 0.1]) func logisticMatchesScikitLearn(c: Double) throws {
        let r = try Self.reference()
        let data = ClassificationData(frame: try Self.frame(r), target: ClassTarget(labels: r.y_class, classes: ["0", "1"]))
        let model = try LogisticRegression(LogisticRegressionParameters(c: c)).fit(data, context: .quiet)
        let reference = try #require(r.models["logistic_C\(c)"])
        #expect(model.converged)
        Self.check(model.predictor, reference)
        let p = try model.predictProbabilities(data.frame.takingRows(Array(0..<5))).map { $0[1] }
        for (a, b) in zip(p, reference.first_probabilities ?? []) { #expect(abs(a - b) < 1e-6) }
    }

    @Test func ridgeAndLeastSquaresMatchScikitLearn() throws {
        let r = try Self.reference()
        let data = RegressionData(frame: try Self.frame(r), target: r.y_value)
        Self.check(try LinearRegression(LinearRegressionParameters(alpha: 10)).fit(data, context: .quiet).predictor, try #require(r.models["ridge_10.0"]))
        Self.check(try LinearRegression().fit(data, context: .quiet).predictor, try #require(r.models["ols"]))
    }

    /// Contributions add up with the expected value to each row's log-odds exactly, and are
    /// coefficient × (value − mean) by hand on a tiny case.
    @Test func contributionsAddUpToTheScore() throws {
        let r = try Self.reference()
        let frame = try Self.frame(r)
        let model = try LogisticRegression().fit(ClassificationData(frame: frame, target: ClassTarget(labels: r.y_class, classes: ["0", "1"])), context: .quiet)
        let scores = try model.predictor.scores(frame)
        for (row, c) in try model.contributions(frame).enumerated() {
            #expect(abs(model.expectedValue + c.reduce(0, +) - scores[row]) < 1e-9)
        }
        // y = 2x exactly: slope 2, intercept 0; x = 3 is 1 above the mean 2, so it contributes +2.
        let tiny = try ModelFrame(rowCount: 3, features: [.numeric(name: "x", values: [1, 2, 3])])
        let ols = try LinearRegression().fit(RegressionData(frame: tiny, target: [2, 4, 6]), context: .quiet)
        #expect(abs(ols.predictor.coefficients[0] - 2) < 1e-12 && abs(ols.predictor.intercept) < 1e-12)
        #expect(abs(ols.expectedValue - 4) < 1e-12)
        #expect(abs(try ols.contributions(tiny)[2][0] - 2) < 1e-12)
    }

    /// Missing numbers are mean-imputed with an indicator; unseen or missing levels are all zeros.
    @Test func missingAndUnseenValues() throws {
        let frame = try ModelFrame(rowCount: 4, features: [
            .numeric(name: "x", values: [1, .nan, 3, 5]),
            .categorical(name: "c", codes: [0, 1, -1, 0], levels: ["a", "b"])])
        let encoding = try LinearEncoding(fitting: frame)
        #expect(encoding.columns.map(\.label) == ["x", "x (missing)", "c = a", "c = b"])
        #expect(encoding.imputation[0] == 3)
        let raw = try encoding.rawDesign(frame)
        #expect(Array(raw[4..<8]) == [3, 1, 0, 1])
        #expect(Array(raw[8..<12]) == [3, 0, 0, 0])
    }

    @Test func oneClassIsRefused() throws {
        let frame = try ModelFrame(rowCount: 3, features: [.numeric(name: "x", values: [1, 2, 3])])
        #expect(throws: EngineError.self) {
            try LogisticRegression().fit(ClassificationData(frame: frame, target: ClassTarget(labels: [1, 1, 1], classes: ["0", "1"])), context: .quiet)
        }
    }
}
