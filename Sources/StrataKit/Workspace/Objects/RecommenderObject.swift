import StrataEngine

/// A trained recommender bound in the workspace (`recommender … as NAME`).
public struct RecommenderObject: WorkspaceObject {
    public let model: any Recommender
    /// What reading the training table did (rows left out, duplicates combined).
    public let report: InteractionsReport
    /// The model itself when it is content-based: its item vectors can measure diversity.
    public let content: ContentRecommender?

    public init(model: any Recommender, report: InteractionsReport, content: ContentRecommender? = nil) {
        self.model = model
        self.report = report
        self.content = content
    }

    public var kindName: String { "recommender" }

    public var summary: String {
        let t = model.training
        return "\(model.algorithmName) on \(Format.count(t.userCount)) users × \(Format.count(t.itemCount)) items"
            + " (\(Format.count(t.count)) interactions, \(t.kind.description))"
    }
}
