import Foundation
import Testing
@testable import StrataEngine

/// The ALS fold-in gives exactly the factors a batch ALS half-step gives the same user, and the
/// event log it refits from is appended in place, copied only by a refit.
@Suite struct ALSFoldInTests {
    static func options(factors: Int) -> ImplicitALSOptions {
        var o = ImplicitALSOptions(seed: 3)
        o.factors = factors
        o.iterations = 3
        o.regularization = 0.1
        o.alpha = 2
        o.solver = .cholesky
        return o
    }

    /// Random item factors, 5 items × 4 factors; users with items given in any order fold in to the
    /// batch half-step's row to the last bit (the batch keeps Float factors, the fold-in Double).
    @Test func aFoldInEqualsTheBatchHalfStepForThatUser() throws {
        let f = 4
        var g = SeededGenerator(seed: 11)
        let y = (0..<(5 * f)).map { _ in Float(g.nextDouble() - 0.5) }
        let rows: [[Int32]] = [[3, 0, 4], [1], [2, 4, 1, 0, 3]]
        let users = rows.indices.flatMap { u in rows[u].map { _ in Int32(u) } }
        let data = Interactions(userIds: ["a", "b", "c"], itemIds: (0..<5).map(String.init),
                                byUser: CSRMatrix.fromTriplets(rows: users, columns: rows.flatMap { $0 }, values: [Double](repeating: 1, count: users.count),
                                                               rowCount: 3, columnCount: 5, duplicates: .max).matrix,
                                kind: .implicit)
        let step = ALSHalfStep(options: Self.options(factors: f))
        var x = [Float](repeating: 0, count: 3 * f)
        try step.solve(rows: &x, fixed: y, interactions: data.byUser, context: .quiet)
        let gram = try step.gram(y, rowCount: 5, context: .quiet)
        for (u, items) in rows.enumerated() {
            let folded = FoldInALS.foldIn(items: items, itemFactors: y, fittedItems: 5, gram: gram, factors: f, alpha: 2)
            #expect(folded.map(Float.init) == Array(x[(u * f)..<((u + 1) * f)]), "user \(u)")
            #expect(folded.contains { $0 != 0 })
        }
    }

    /// The streaming model: after its last refit, every user with an event since has the factors a
    /// batch half-step gives them against the refit's item factors, over all their items so far
    /// that have factors.
    @Test func foldedUsersEqualTheBatchHalfStepAgainstTheLastRefit() throws {
        let o = Self.options(factors: 3)
        let events = IncrementalRecommenderTests.stream()
        let model = try FoldInALS(options: o, period: 6 * 3_600).updated(with: events, context: .quiet)
        #expect(model.refits == 4)
        // The last refit is at the first event at or past 24 h: event 1 440, which it includes.
        let lastRefit = 1_440
        let f = o.factors, items = model.fittedItems
        let known = events.filter { Int($0.item) < items }
        let data = IncrementalRecommenderTests.batch(known)
        let step = ALSHalfStep(options: o)
        var x = [Float](repeating: 0, count: data.userCount * f)
        try step.solve(rows: &x, fixed: model.itemFactors, interactions: data.byUser, context: .quiet)
        let folded = Set(events[(lastRefit + 1)...].map { Int($0.user) })
        #expect(folded.count > 30)
        for u in folded.sorted() {
            let mine = model.userFactors[(u * f)..<((u + 1) * f)].map(Float.init)
            #expect(mine == Array(x[(u * f)..<((u + 1) * f)]), "user \(u)")
        }
    }

    /// A refit that throws leaves the log as it was; events between refits are appended in place.
    @Test func aFailedRefitLeavesTheLogAsItWas() throws {
        struct Refused: Error {}
        var log = RefitLog(period: 10)
        let e = { (t: Int64) in StreamInteraction(user: 0, item: Int32(t), time: t) }
        #expect(log.append(e(0)) { _ in 1 } == nil)
        #expect(log.append(e(5)) { _ in 1 } == nil)
        #expect(throws: Refused.self) { try log.append(e(10)) { _ -> Int in throw Refused() } }
        #expect(log.users.count == 2)
        #expect(log.nextRefit == 10)
        var seen = -1
        #expect(log.append(e(12)) { data -> Int in seen = data.byUser.values.count; return 7 } == 7)
        #expect(seen == 3)
        #expect(log.items == [0, 5, 12])
        #expect(log.nextRefit == 20)
    }
}
