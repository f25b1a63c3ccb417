import StrataEngine

/// A trained recommender bound in the workspace (`recommender … as NAME`).
public struct RecommenderObject: WorkspaceObject {
    public let model: any Recommender
    /// What reading the training table did (rows left out, duplicates combined).
    public let report: InteractionsReport

    public init(model: any Recommender, report: InteractionsReport) {
        self.model = model
        self.report = report
    }

    public var kindName: String { "recommender" }

    public var summary: String {
        let t = model.training
        return "\(model.algorithmName) on \(Format.count(t.userCount)) users × \(Format.count(t.itemCount)) items"
            + " (\(Format.count(t.count)) interactions, \(t.kind.description))"
    }
}
