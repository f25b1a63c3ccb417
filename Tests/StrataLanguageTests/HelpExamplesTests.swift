import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Every example in `help` runs on the bundled data: after loading the datasets the way the
/// README's tour does, each example succeeds on its own copy of that workspace.
@Suite struct HelpExamplesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Also the setup of `BadInputFuzzTests`, which runs it on miniature copies of the same files:
    /// a line appended here must work on both.
    static let preamble = [
        "load \"datasets/transactions.csv\" as tx",
        "load \"datasets/customers.csv\" as customers",
        "load \"datasets/ratings.csv\" as ratings",
        "load \"datasets/items.csv\" as items",
        "filter tx where quantity > 0 as sales",
        "sample customers n=5 seed=1 as few",
        "select tx invoice as slim",
        "sample tx n=10 as small",
        "derive tx amount = quantity * unit_price",
        "rfm tx customer=customer_id date=invoice_date amount=amount invoice=invoice as rfm",
        "rfm tx customer=customer_id date=invoice_date amount=amount invoice=invoice asof=2025-07-01 as rfm_h1",
        "join rfm customers on=customer_id as rfmc",
        "score rfm criteria=\"recency:-0.4, frequency:0.35, monetary:0.25\" as scored",
        "segment scored by score tiers=4 labels=\"Low,Mid,High,Top\"",
        "sample rfm n=300 seed=1 as rfm_small",
        "cluster kmeans rfm cols=recency,frequency,monetary scale=log1p_zscore k=4 seed=42 as seg",
        "split ratings by=user test=0.2 seed=7 as parts",
        "recommender popular parts.train as pop",
        "load \"datasets/events.csv\" as events",
        "load \"datasets/segments.csv\" as segments",
        "recommender itemknn ratings as iknn",
        "recommender mf ratings factors=10 epochs=5 seed=1 as mf",
        "recommender content ratings items=items text=genres categories=category as cb",
        "cluster hierarchical rfm_small cols=recency,frequency,monetary scale=log1p_zscore k=4 as tree",
        "load \"datasets/experiment.csv\" as ab",
        "load \"datasets/kpis.csv\" as kpis",
        "model logistic customers target=churned features=age,tenure_months,orders,spend,support_calls,channel folds=3 as lr",
        "model logistic customers target=churned features=orders,support_calls folds=3 as lr_small",
        "load \"datasets/exposures.csv\" as exposures",
        "split events by=user test=0.2 seed=7 as ev_parts",
        "recommender itemknn ev_parts.train event=event postfilter=yes as ctx_knn",
    ]

    /// The examples read datasets/ by relative path.
    static var runsFromRoot: Bool { FileManager.default.currentDirectoryPath == root }

    @Test func everyExampleRuns() throws {
        guard FileManager.default.currentDirectoryPath == Self.root else {
            Issue.record("run the tests from the package root (\(Self.root)); the examples use relative paths")
            return
        }
        let base = Interpreter(registry: StandardCommands.registry)
        for line in Self.preamble {
            guard case .success = base.execute(line) else { Issue.record("preamble failed: \(line)"); return }
        }
        for spec in StandardCommands.registry.commands {
            for example in spec.examples {
                let copy = Interpreter(registry: StandardCommands.registry, workspace: base.workspace, cells: base.cells)
                switch copy.execute(example) {
                case .success, .quit: break
                case .empty: Issue.record("\(spec.name): example is empty: \(example)")
                case .failure(let message): Issue.record("\(spec.name): example failed: \(example)\n\(message)")
                }
            }
        }
    }
}
