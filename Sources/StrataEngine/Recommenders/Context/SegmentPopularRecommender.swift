/// Popularity within the user's segment (a column of a user table, e.g. a customer segment):
/// items ranked by how many training users of the same segment interacted with them, ties by
/// overall popularity, then lower index. Users without a segment, and unknown users, get overall
/// popularity.
public struct SegmentPopularRecommender: ColdStartCapable {
    public let training: Interactions
    public let userColumn: String
    public let segmentColumn: String
    public let segmentNames: [String]
    /// Per training user, an index into `segmentNames`, or -1.
    public let segmentOfUser: [Int32]
    /// Per segment, users per item.
    let popularityBySegment: [[Int]]
    let overall: [Int]

    /// `users` holds one row per user: `userColumn` (ids as in the interactions) and `segmentColumn`.
    public init(training: Interactions, users: Table, userColumn: String, segmentColumn: String) throws {
        let idColumn = try users.requireColumn(userColumn)
        let segment = try users.requireColumn(segmentColumn)
        var names: [String] = []
        var indexOf: [String: Int32] = [:]
        var of = [Int32](repeating: -1, count: training.userCount)
        for r in 0..<users.rowCount where !segment.isMissing(r) {
            guard let u = training.userIndex(IdEncoder.idText(idColumn, row: r)), of[u] < 0 else { continue }
            let name = IdEncoder.idText(segment, row: r)
            let s: Int32
            if let known = indexOf[name] { s = known } else {
                s = Int32(names.count)
                indexOf[name] = s
                names.append(name)
            }
            of[u] = s
        }
        guard !names.isEmpty else {
            throw EngineError("no training user has a \(segmentColumn) in the user table (matched on \(userColumn))")
        }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: training.itemCount), count: names.count)
        for u in 0..<training.userCount where of[u] >= 0 {
            for i in training.byUser.row(u).indices { counts[Int(of[u])][Int(i)] += 1 }
        }
        self.training = training
        self.userColumn = userColumn
        self.segmentColumn = segmentColumn
        segmentNames = names
        segmentOfUser = of
        popularityBySegment = counts
        overall = training.itemPopularity()
    }

    public var algorithmName: String { "popularity within \(segmentColumn)" }
    public var parameterValues: [ParameterValue] {
        SegmentPopularParameters(userColumn: userColumn, segmentColumn: segmentColumn).described
    }

    func segment(of user: Int) -> Int? {
        guard user >= 0, user < segmentOfUser.count, segmentOfUser[user] >= 0 else { return nil }
        return Int(segmentOfUser[user])
    }

    /// Segment count first, overall popularity as a fraction below 1 to break ties.
    private func scores(segment: Int?) -> [Double] {
        let scale = Double((overall.max() ?? 0) + 1)
        guard let s = segment else { return overall.map(Double.init) }
        return zip(popularityBySegment[s], overall).map { Double($0) + Double($1) / scale }
    }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        TopScores.select(scores(segment: segment(of: user)), count: count, exclude: exclude)
    }

    public func explain(user: Int, item: Int) -> Explanation {
        guard item >= 0, item < overall.count else { return Explanation(item: item, reasons: []) }
        guard let s = segment(of: user) else {
            return Explanation(item: item, reasons: ["\(overall[item]) training users interacted with it (no \(segmentColumn) for this user)"])
        }
        return Explanation(item: item, reasons: [
            "\(popularityBySegment[s][item]) users in \(segmentColumn) \(segmentNames[s]) interacted with it",
        ])
    }

    public var coldStartRule: String { "the most popular items overall (no segment known)" }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        TopScores.select(scores(segment: nil), count: count, exclude: exclude)
    }
}

public struct SegmentPopularParameters: EstimatorParameters, Equatable {
    /// The user id column of the user table (ids as in the interactions).
    public var userColumn: String
    /// The column of the user table naming each user's segment.
    public var segmentColumn: String

    public init(userColumn: String, segmentColumn: String) {
        self.userColumn = userColumn
        self.segmentColumn = segmentColumn
    }

    public var described: [ParameterValue] { [ParameterValue("user", userColumn), ParameterValue("segment", segmentColumn)] }
}

/// Fitted on the interactions and a user table holding each user's segment.
public struct SegmentPopularEstimator: RecommenderEstimator {
    public let parameters: SegmentPopularParameters
    public init(_ parameters: SegmentPopularParameters) { self.parameters = parameters }
    public func fit(_ data: InteractionsWithTable, context: RunContext) throws -> SegmentPopularRecommender {
        try SegmentPopularRecommender(training: data.interactions, users: data.table, userColumn: parameters.userColumn,
                                      segmentColumn: parameters.segmentColumn)
    }
}
