import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `model`, `predict`, `evaluate models` and `segment` on predictions, on the bundled customers.
@Suite struct ModelCommandTests {
    static func session(_ lines: [String]) throws -> Interpreter {
        let s = Interpreter(registry: StandardCommands.registry)
        for line in lines {
            guard case .success = s.execute(line) else { throw EngineError("failed: \(line)") }
        }
        return s
    }

    static let load = "load \"\(HelpExamplesTests.root)/datasets/customers.csv\" as customers"
    static let fit = "model logistic customers target=churned features=age,tenure_months,orders,spend,support_calls,channel folds=3 seed=1 as lr"

    @Test func fitPredictExplainAndTier() throws {
        let s = try Self.session([Self.load, Self.fit, "predict lr customers explain=3 as scored",
                                  "segment scored by p_churned thresholds=0.2,0.5 labels=low,medium,high name=risk"])
        guard case .object(let o)? = s.workspace["lr"], let model = o as? ModelObject else { Issue.record("no model"); return }
        #expect(model.positiveClass == "1" && model.folds == 3 && model.seed == 1)
        #expect(model.validation == "stratified 3-fold CV (seed 1)")
        let auc = try #require(model.validationFigures.first { $0.0 == "AUC" }?.1)
        #expect(auc > 0.7 && auc < 0.9)
        let scored = try #require(s.workspace.table("scored"))
        let p = try #require(scored.column("p_churned")?.doubles())
        #expect(p.allSatisfy { $0 > 0 && $0 < 1 })
        let reason = try #require(scored.column("reason_1")).value(at: 0)
        guard case .string(let text) = reason else { Issue.record("reason_1 is not text"); return }
        #expect(text.contains(" = ") && (text.contains(": +") || text.contains(": −")))
        #expect(scored.column("risk") != nil)
    }

    /// Refitting the same line gives the same model and figures (what replay relies on).
    @Test func refitIsIdentical() throws {
        let a = try Self.session([Self.load, Self.fit, "predict lr customers"])
        let b = try Self.session([Self.load, Self.fit, "predict lr customers"])
        #expect(a.workspace.table("customers")?.column("p_churned")?.doubles() == b.workspace.table("customers")?.column("p_churned")?.doubles())
    }

    @Test func badInputNamesTheColumnAndChangesNothing() throws {
        let s = try Self.session([Self.load, Self.fit, "derive customers flat = 1"])
        let cases: [(String, String)] = [
            ("model logistic customers target=country", "country"),
            ("model logistic customers target=flat features=age", "one class"),
            ("model logistic customers target=churned features=age,flat", "flat"),
            ("model linear customers target=gender features=age", "gender"),
            ("predict lr few", "few"),
        ]
        for (line, mention) in cases {
            let before = s.workspace.names
            guard case .failure(let message) = s.execute(line) else { Issue.record("should fail: \(line)"); continue }
            #expect(message.contains(mention), "\(line): \(message)")
            #expect(s.workspace.names == before)
        }
        _ = s.execute("select customers customer_id, age as slim")
        guard case .failure(let message) = s.execute("predict lr slim") else { Issue.record("predict on missing features should fail"); return }
        #expect(message.contains("tenure_months"))
    }

    @Test func evaluateModelsComparesOnTheSameFolds() throws {
        let s = try Self.session([Self.load, Self.fit,
                                  "model logistic customers target=churned features=orders,support_calls folds=3 seed=1 as small",
                                  "evaluate models lr, small"])
        let t = try #require(s.workspace.table("model_comparison"))
        #expect(t.rowCount == 2)
        let auc = try #require(t.column("auc")?.doubles())
        guard case .object(let o)? = s.workspace["lr"], let lr = o as? ModelObject else { return }
        // Same folds and seed as the fit: the same mean AUC.
        #expect(abs(auc[0] - (lr.validationFigures.first { $0.0 == "AUC" }?.1 ?? 0)) < 1e-12)
    }

    /// Default features leave out keys (however they are spelled) and columns that cannot inform a
    /// model, naming them; a constant column the user names is still an error.
    @Test func defaultFeaturesSkipKeysAndConstants() throws {
        let s = try Self.session([Self.load, "derive customers flat = 1", "derive customers CustomerID = customer_id",
                                  "select customers CustomerID, age, orders, flat, churned as slim",
                                  "model logistic slim target=churned folds=3 seed=1 as m"])
        guard case .object(let o)? = s.workspace["m"], let model = o as? ModelObject else { Issue.record("no model"); return }
        #expect(model.schema.features.map(\.name) == ["age", "orders"])
        #expect(ModelInput.looksLikeIdentifier("CustomerID") && ModelInput.looksLikeIdentifier("orderId")
                && ModelInput.looksLikeIdentifier("user-id") && !ModelInput.looksLikeIdentifier("PAID")
                && !ModelInput.looksLikeIdentifier("paid"))
        guard case .failure(let message) = s.execute("model logistic slim target=churned features=age,flat") else {
            Issue.record("a named constant feature should fail"); return
        }
        #expect(message.contains("'flat' is constant"))
    }
}
