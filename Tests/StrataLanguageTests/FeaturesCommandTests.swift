import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `features` on the bundled transactions, and a model trained on its table.
@Suite struct FeaturesCommandTests {
    static let load = "load \"\(HelpExamplesTests.root)/datasets/transactions.csv\" as tx"
    static let amount = "derive tx amount = quantity * unit_price"
    static func features(_ cutoff: String, _ rest: String) -> String {
        "features tx customer=customer_id time=invoice_date amount=amount cutoff=\(cutoff) \(rest)"
    }

    @Test func churnTableFeedsALogisticModel() throws {
        let s = try ModelCommandTests.session([Self.load, Self.amount])
        guard case .success(let output) = s.execute(Self.features("2025-09-01", "churn=90 counts=channel as churn_sep")) else {
            Issue.record("features failed"); return
        }
        let text = OutputRenderer.render(output, style: RenderStyle(width: 400, ascii: false, color: false))
        #expect(text.contains("4,658 customers with a purchase before the cut-off 2025-09-01"))
        #expect(text.contains("30 days = 2025-08-02 to 2025-08-31"))
        #expect(text.contains("label window: 2025-09-01 to 2025-11-29 (90 days)"))
        #expect(text.contains("1,768 of 4,658 customers (38.0% churned)"))
        let t = try #require(s.workspace.table("churn_sep"))
        #expect(t.rowCount == 4658)
        #expect(t.column("orders_channel_web") != nil && t.column("churned") != nil)
        guard case .success = s.execute("model logistic churn_sep target=churned folds=3 as lr") else { Issue.record("model failed"); return }
        guard case .object(let o)? = s.workspace["lr"], let model = o as? ModelObject else { Issue.record("no model"); return }
        // The customer id is left out of the default features.
        #expect(!model.featureColumns.contains("customer_id"))
        let auc = try #require(model.validationFigures.first { $0.0 == "AUC" }?.1)
        #expect(auc > 0.75 && auc < 0.95)
    }

    /// Next month's table: the same customer's tenure grows by the days between the cut-offs.
    @Test func aLaterCutOffGivesNextMonthsTable() throws {
        let s = try ModelCommandTests.session([Self.load, Self.amount, Self.features("2025-08-01", "churn=90 as aug"),
                                               Self.features("2025-09-01", "churn=90 as sep")])
        let aug = try #require(s.workspace.table("aug")), sep = try #require(s.workspace.table("sep"))
        let ids = { (t: Table) in (0..<t.rowCount).map { "\(t.column("customer_id")?.value(at: $0) ?? .missing)" } }
        let augIds = ids(aug), sepIds = ids(sep)
        let row = try #require(augIds.indices.first)
        let other = try #require(sepIds.firstIndex(of: augIds[row]))
        let tenure = { (t: Table, i: Int) in t.column("tenure_days")?.doubles()?[i] ?? .nan }
        #expect(tenure(sep, other) - tenure(aug, row) == 31)
        #expect(sep.rowCount >= aug.rowCount)
    }

    /// Without amount= every row is a purchase and there are no spend columns.
    @Test func withoutAnAmountEveryRowIsAnOrder() throws {
        let s = try ModelCommandTests.session([Self.load, "features tx customer=customer_id time=invoice_date cutoff=2025-06-01 windows=30 churn=30 as plain"])
        let t = try #require(s.workspace.table("plain"))
        #expect(t.columnNames == ["customer_id", "recency_days", "frequency", "tenure_days", "orders_30", "trend_30", "churned"])
        #expect(t.rowCount == 4314)
    }

    @Test func badCutOffsAndLabelWindowsAreRefusedAndChangeNothing() throws {
        let s = try ModelCommandTests.session([Self.load, Self.amount])
        let cases: [(String, String)] = [
            (Self.features("2025-10-01", "churn=90"), "latest cut-off with a complete 90-day label window is 2025-09-11"),
            (Self.features("2024-11-01", "churn=90"), "2024-12-01 to 2025-12-09"),
            (Self.features("2026-03-01", ""), "2024-12-01 to 2025-12-09"),
            (Self.features("2025-09-01", "churn=90 spend=90"), "not both"),
            (Self.features("2025-09-01", "windows=30,x"), "windows="),
            ("features tx customer=customer_id time=invoice_date churn=90", "cutoff="),
            ("features tx customer=customer_id time=invoice_date cutoff=2025-06-01 spend=30", "spend= needs amount="),
            (Self.features("2025-06-01", "counts=invoice"), "invoice"),
        ]
        for (line, mention) in cases {
            let before = s.workspace.names
            guard case .failure(let message) = s.execute(line) else { Issue.record("should fail: \(line)"); continue }
            #expect(message.contains(mention), "\(line): \(message)")
            #expect(s.workspace.names == before)
        }
    }
}
