import Testing
@testable import StrataEngine

/// A stream's own score and tiers (`criteria=` with `thresholds=` or `tiers=`): per-event moves on
/// a stream worked by hand, equality with batch `score` + `segment` at a day's close, and the
/// per-period migration rebuilt from the moves.
@Suite struct StreamTiersTests {
    static func day(_ d: Int) -> Int64 { CivilCalendar.days(year: 2024, month: 1, day: d) }
    static func at(_ d: Int, _ h: Int64) -> Int64 { day(d) * 86_400 + h * 3_600 }

    static func streamed(_ rules: StreamScoreRules, untilEndOf d: Int) throws -> (StreamProfiles, EventLog) {
        let table = try CSVReader.read(text: StreamProfilesTests.text, name: "tx.csv").table
        let log = try EventLog.build(from: table, spec: EventLogSpec(userColumn: "customer", itemColumn: "item", timeColumn: "time",
                                                                     valueColumn: "amount"), context: .quiet)
        let until = day(d) * 86_400 + 86_399
        var profiles = StreamProfiles(rules: rules)
        var cursor = StreamCursor()
        while let chunk = cursor.nextChunk(in: log, size: 3, until: until) {
            profiles = try profiles.consuming(log.events[chunk], log: log, context: .quiet)
            cursor.advance(over: chunk, in: log)
        }
        return (profiles.clockAdvanced(to: until, log: log), log)
    }

    /// frequency, unscaled, cut at 2: "Once" below, "Repeat" from 2 purchases. By hand on the
    /// transactions: every customer's first purchase makes them "Once" at its time; a's second
    /// (01-03 08:00) and c's second (01-06 12:00) move them to "Repeat"; b's return (01-04) changes
    /// monetary only, so b stays.
    @Test func unscaledThresholdsMoveACustomerAtThePurchase() throws {
        let rules = try StreamScoreRules(criteria: [Criterion(column: "frequency")], scaling: .none, cut: .thresholds([2]),
                                         labels: ["Once", "Repeat"])
        let (profiles, log) = try Self.streamed(rules, untilEndOf: 6)
        let tiers = try #require(profiles.tiers)
        let moves = tiers.moves.map { (log.vocabulary.users.text(of: $0.customer), $0.time, $0.from, $0.to) }
        let firsts = moves.filter { $0.2 == nil }
        #expect(firsts.map(\.0) == ["a", "b", "c", "d", "e", "f"])
        #expect(firsts.allSatisfy { $0.3 == "Once" })
        #expect(firsts.first?.1 == Self.at(1, 9))
        let ups = moves.filter { $0.2 != nil }
        #expect(ups.count == 2)
        #expect(ups.first.map { [$0.0, $0.2, $0.3] } == ["a", "Once", "Repeat"])
        #expect(ups.first?.1 == Self.at(3, 8))
        #expect(ups.last.map { [$0.0, $0.2, $0.3] } == ["c", "Once", "Repeat"])
        #expect(ups.last?.1 == Self.at(6, 12))
        #expect(tiers.customers == 6)
        #expect(tiers.skippedCloses == 0)
    }

    /// Quantile scaling and quantile tiers depend on every customer: at each close they equal
    /// `score` + `segment` on `rfm … asof=NEXT_DAY`; closes where a criterion is still constant
    /// (days 1 and 2: one purchase each) are skipped and counted.
    @Test func atEachCloseTiersEqualBatchScoreAndSegment() throws {
        let criteria = [Criterion(column: "recency", direction: .lowerIsBetter, weight: 0.4), Criterion(column: "frequency", weight: 0.35),
                        Criterion(column: "monetary", weight: 0.25)]
        let rules = try StreamScoreRules(criteria: criteria, scaling: .quantile, cut: .quantiles(2), labels: ["Low", "High"])
        for d in [3, 6] {
            let (profiles, log) = try Self.streamed(rules, untilEndOf: d)
            let tiers = try #require(profiles.tiers)
            #expect(tiers.skippedCloses == 2)
            let table = try CSVReader.read(text: StreamProfilesTests.text, name: "tx.csv").table
            var options = RFMOptions(customer: "customer", date: "time", amount: "amount")
            options.asOf = Self.day(d + 1)
            let rfm = try RFM.compute(table, options: options).table
            let x = try rfm.features(["recency", "frequency", "monetary"], missing: .refuse, allowConstant: false).matrix
            let batch = try ScoringMatrix.manual(x, criteria: criteria, scaling: .quantile)
            let cut = try Tiers.byQuantiles(batch.scores, count: 2, labels: ["Low", "High"])
            let customers = try #require(rfm.column("customer"))
            for row in 0..<rfm.rowCount {
                guard case .string(let c) = customers.value(at: row) else { Issue.record("row \(row)"); continue }
                let id = Int(try #require(log.vocabulary.users.id(of: c)))
                #expect(tiers.tier[id] == cut.labels[row], "\(c) at the close of day \(d)")
                #expect(tiers.score[id] == batch.scores[row], "\(c) at the close of day \(d)")
            }
        }
    }

    @Test func rulesAreCheckedWhenMade() throws {
        #expect(throws: EngineError.self) {
            try StreamScoreRules(criteria: [Criterion(column: "spend")], scaling: .none, cut: .thresholds([1]), labels: nil)
        }
        #expect(throws: EngineError.self) {
            try StreamScoreRules(criteria: [Criterion(column: "frequency")], scaling: .none, cut: .thresholds([2, 1]), labels: nil)
        }
        #expect(throws: EngineError.self) {
            try StreamScoreRules(criteria: [Criterion(column: "frequency")], scaling: .none, cut: .quantiles(3), labels: ["a", "b"])
        }
    }

    /// 2024-01-01 is a Monday. Moves: a and b new on 01-01, a X→Y on 01-03, b X→Z on 01-09.
    @Test func periodsAreRebuiltFromTheMoves() {
        let moves = [MembershipMove(time: Self.at(1, 9), customer: 0, from: nil, to: "X"),
                     MembershipMove(time: Self.at(1, 10), customer: 1, from: nil, to: "X"),
                     MembershipMove(time: Self.at(3, 8), customer: 0, from: "X", to: "Y"),
                     MembershipMove(time: Self.at(9, 12), customer: 1, from: "X", to: "Z")]
        let weeks = PeriodSegments.split(moves, firstOfRun: 0, by: .week)
        #expect(weeks.map(\.start) == [Self.day(1) * 86_400, Self.day(8) * 86_400])
        #expect(weeks.map(\.moves) == [3, 1])
        #expect(weeks[0].before.isEmpty)
        #expect(weeks[0].after == [0: "Y", 1: "X"])
        #expect(weeks[1].before == [0: "Y", 1: "X"])
        #expect(weeks[1].after == [0: "Y", 1: "Z"])
        let laterRun = PeriodSegments.split(moves, firstOfRun: 2, by: .run)
        #expect(laterRun.count == 1)
        #expect(laterRun[0].before == [0: "X", 1: "X"])
        #expect(laterRun[0].after == [0: "Y", 1: "Z"])
        #expect(PeriodSegments.split(moves, firstOfRun: 0, by: .day).map(\.moves) == [2, 1, 1])
        #expect(PeriodSegments.split(moves, firstOfRun: 0, by: .month).map(\.start) == [Self.day(1) * 86_400])
        #expect(MigrationPeriod.month.start(of: CivilCalendar.days(year: 2024, month: 2, day: 15) * 86_400 + 5)
                == CivilCalendar.days(year: 2024, month: 2, day: 1) * 86_400)
        // Times at the ends of Int64 do not trap.
        #expect(MigrationPeriod.week.start(of: Int64.min) == Int64.min)
        #expect(MigrationPeriod.week.start(of: Int64.max) != nil)
    }
}
