/// A user's relevant test items: those the model's training data knows (by dense item index) and
/// those it has never seen, which no model can recommend but which still count in recall's and
/// NDCG's denominators.
public struct RelevantItems: Sendable, Equatable {
    /// Training item index -> relevance grade (the test rating, or 1 for implicit data).
    public var grades: [Int: Double]
    /// Grades of relevant test items absent from training.
    public var unknownGrades: [Double]

    public init(grades: [Int: Double] = [:], unknownGrades: [Double] = []) {
        self.grades = grades
        self.unknownGrades = unknownGrades
    }

    public var count: Int { grades.count + unknownGrades.count }
    public var isEmpty: Bool { count == 0 }
}
