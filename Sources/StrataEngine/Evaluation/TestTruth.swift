/// Test interactions mapped onto one model's training indices.
struct TestTruth: Sendable {
    struct User: Sendable {
        let testId: String
        /// The model's user index; nil for users absent from training.
        let trainingUser: Int?
        let relevant: RelevantItems
    }

    var users: [User] = []
    var testUsers = 0
    var usersAbsentFromTraining = 0
    var usersWithoutRelevant = 0
    var relevantAbsentFromTraining = 0
    var relevantAlreadyInTraining = 0
    /// (training user, training item, test value) for explicit test data.
    var ratingPairs: [(user: Int, item: Int, actual: Double)] = []
    var ratingPairsUnknown = 0

    init(test: Interactions, training: Interactions, threshold: Double?, coldUsers: ColdUserPolicy) {
        let itemMap = test.itemIds.map { training.itemIndex($0) ?? -1 }
        let explicit = test.kind.isExplicit
        testUsers = test.userCount
        for t in 0..<test.userCount {
            let trainingUser = training.userIndex(test.userIds[t])
            let row = test.byUser.row(t)
            var relevant = RelevantItems()
            for (item, value) in zip(row.indices, row.values) {
                let v = Double(value)
                let mapped = itemMap[Int(item)]
                if explicit {
                    if let u = trainingUser, mapped >= 0 { ratingPairs.append((u, mapped, v)) } else { ratingPairsUnknown += 1 }
                }
                if let threshold, v < threshold { continue }
                if mapped < 0 {
                    relevant.unknownGrades.append(v)
                    relevantAbsentFromTraining += 1
                } else {
                    relevant.grades[mapped] = v
                    if let u = trainingUser, training.byUser.value(row: u, column: mapped) != nil {
                        relevantAlreadyInTraining += 1
                    }
                }
            }
            if trainingUser == nil { usersAbsentFromTraining += 1 }
            if relevant.isEmpty { usersWithoutRelevant += 1; continue }
            if trainingUser == nil && coldUsers == .skip { continue }
            users.append(User(testId: test.userIds[t], trainingUser: trainingUser, relevant: relevant))
        }
    }
}
