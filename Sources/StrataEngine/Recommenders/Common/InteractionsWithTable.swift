/// Training data for a recommender that also reads a table describing the items (content-based) or
/// the users (segment popularity), joined on ids as they appear in the interactions.
public struct InteractionsWithTable: Sendable {
    public let interactions: Interactions
    public let table: Table

    public init(_ interactions: Interactions, _ table: Table) {
        self.interactions = interactions
        self.table = table
    }
}
