import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `model report` and `model sweep` on the bundled customers: the report's figures are the engine's
/// on the model's own folds, and the sweep repeats `model KIND` once per value.
@Suite struct ModelReportTests {
    static func text(_ s: Interpreter, _ line: String) throws -> String {
        switch s.execute(line) {
        case .success(let o): return OutputRenderer.render(o, style: RenderStyle(width: 200, ascii: false, color: false))
        case .failure(let m): throw EngineError("failed: \(line): \(m)")
        default: throw EngineError("no output: \(line)")
        }
    }

    static func model(_ s: Interpreter, _ name: String) throws -> ModelObject {
        guard case .object(let o)? = s.workspace[name], let m = o as? ModelObject else { throw EngineError("no model \(name)") }
        return m
    }

    /// The ROC title's AUC is the engine's pooled out-of-fold AUC on folds built afresh from the
    /// model's k and seed (its refit scoring each held-out fold).
    @Test func reportAUCIsTheEnginesPooledAUC() throws {
        let s = try ModelCommandTests.session([ModelCommandTests.load, ModelCommandTests.fit])
        let m = try Self.model(s, "lr")
        let y = m.trainingTarget
        let folds = try Folds.stratified(labels: y.map { $0 == 1 ? 1 : 0 }, k: 3, seed: 1, classNames: nil)
        let frame = m.training
        let refit = m.refit
        let cv = try CrossValidation.binaryScores(folds, isPositive: y.map { $0 == 1 }, context: RunContext()) { fold, context in
            try refit(frame.takingRows(fold.trainRows), fold.trainRows.map { y[$0] }, context).predict(frame.takingRows(fold.testRows))
        }
        let auc = try ClassificationMetrics.rocAUC(cv.pooled())
        let held = try ModelScores.heldOut(m, context: RunContext())
        #expect(try ClassificationMetrics.rocAUC(held.outcomes()) == auc)
        let out = try Self.text(s, "model report lr show=roc,confusion threshold=0.5")
        #expect(out.contains("ROC curve, AUC \(DescribeFormat.number(auc))"), "\(out.prefix(400))")
        // At 0.5 the confusion figures are the model command's pooled ones.
        let matrix = try ConfusionMatrix(cv.pooled(), threshold: 0.5)
        #expect(out.contains("│ 1 (positive)     │                \(matrix.truePositives) │"), "\(out)")
    }

    /// Lift deciles cover every row and every positive once; the gain ends at 1.
    @Test func liftTableSums() throws {
        let s = try ModelCommandTests.session([ModelCommandTests.load, ModelCommandTests.fit])
        let outcomes = try ModelScores.heldOut(Self.model(s, "lr"), context: RunContext()).outcomes()
        let lift = try LiftTable(outcomes)
        #expect(lift.groups.count == 10)
        #expect(lift.groups.map(\.rows).reduce(0, +) == 5000)
        #expect(lift.groups.map(\.positives).reduce(0, +) == Double(outcomes.positiveCount))
        #expect(abs((lift.groups.last?.cumulativeGain ?? 0) - 1) < 1e-12)
        let weighted = lift.groups.map { $0.lift * Double($0.rows) }.reduce(0, +) / 5000
        #expect(abs(weighted - 1) < 1e-12)  // lift averages to 1 over all rows
        let out = try Self.text(s, "model report lr show=lift,gain,calibration")
        #expect(out.contains("lift by decile (overall rate") && out.contains("cumulative gain by decile") && out.contains("calibration bins"))
    }

    /// One row per value of c; the row for c=1 has the AUC `model logistic` reports with c=1.
    @Test func sweepGivesARowPerValue() throws {
        let features = "features=age,tenure_months,orders,spend,support_calls,channel folds=3 seed=1"
        let s = try ModelCommandTests.session([ModelCommandTests.load, ModelCommandTests.fit,
                                               "model sweep logistic customers target=churned \(features) param=c values=0.01,0.1,1"])
        let t = try #require(s.workspace.table("customers_logistic_sweep"))
        #expect(t.rowCount == 3)
        #expect(t.column("c")?.doubles() == [0.01, 0.1, 1])
        let auc = try #require(t.column("AUC")?.doubles())
        let fitted = try #require(Self.model(s, "lr").validationFigures.first { $0.0 == "AUC" }?.1)
        #expect(auc[2] == fitted)
        #expect(auc[0] != auc[2])
    }

    @Test func aWholeNumberOptionSweepsAsAnIntColumn() throws {
        let s = try ModelCommandTests.session([ModelCommandTests.load,
            "model sweep tree customers target=churned features=age,orders,spend param=depth values=1,3 folds=3 seed=1 as sw"])
        let t = try #require(s.workspace.table("sw"))
        #expect(t.column("depth")?.type == .int)
        #expect(t.column("depth")?.value(at: 1) == .int(3))
    }

    @Test func regressorReportGivesResidualsAndPartialDependence() throws {
        let s = try ModelCommandTests.session([ModelCommandTests.load,
            "model linear customers target=spend features=age,tenure_months,orders,support_calls,channel folds=3 seed=1 as lm"])
        let out = try Self.text(s, "model report lm feature=channel")
        let held = try ModelScores.heldOut(Self.model(s, "lm"), context: RunContext())
        let rmse = try RegressionMetrics(actual: held.actual, predicted: held.predicted).rmse
        #expect(out.contains("residuals (actual − predicted)") && out.contains("partial dependence on channel"))
        #expect(out.contains(NumberFormatting.significant(rmse, digits: 4).prefix(5)), "\(out.prefix(600))")
    }

    @Test func badInputIsRefusedClearly() throws {
        let s = try ModelCommandTests.session([ModelCommandTests.load, ModelCommandTests.fit, "select customers customer_id, age as slim"])
        let cases: [(String, String)] = [
            ("model sweep logistic customers target=churned param=depth values=1,2", "c, max_iter"),
            ("model sweep logistic customers target=churned param=c values=0,1", "outside"),
            ("model sweep logistic customers target=churned param=c values=1 c=2", "swept"),
            ("model report lr show=residuals", "roc, pr, lift"),
            ("model report lr show=pdp", "feature="),
            ("model report lr feature=gender", "not one of"),
            ("model report lr threshold=high", "best_f1"),
            ("model report lr precision=0.5 threshold=0.3", "not both"),
            ("model report lr on slim", "churned"),
            ("model report customers", "not a model"),
        ]
        for (line, mention) in cases {
            let before = s.workspace.names
            guard case .failure(let message) = s.execute(line) else { Issue.record("should fail: \(line)"); continue }
            #expect(message.contains(mention), "\(line): \(message)")
            #expect(s.workspace.names == before)
        }
    }
}
