import Testing
@testable import StrataEngine

@Suite struct StreamProfilesTests {
    static let text = """
        customer,item,time,amount
        a,x,2024-01-01 09:00:00,10
        b,y,2024-01-01 10:00:00,50
        c,x,2024-01-02 11:00:00,20
        a,y,2024-01-03 08:00:00,5
        d,z,2024-01-03 09:00:00,70
        b,x,2024-01-04 12:00:00,-20
        e,x,2024-01-05 12:00:00,15
        c,y,2024-01-06 12:00:00,40
        f,z,2024-01-06 13:00:00,1
        """

    static func streamed(untilEndOf day: Int) throws -> (StreamProfiles, EventLog) {
        let table = try CSVReader.read(text: text, name: "tx.csv").table
        let log = try EventLog.build(from: table, spec: EventLogSpec(userColumn: "customer", itemColumn: "item", timeColumn: "time",
                                                                     valueColumn: "amount"), context: .quiet)
        let until = CivilCalendar.days(year: 2024, month: 1, day: day) * 86_400 + 86_399
        var profiles = StreamProfiles()
        var cursor = StreamCursor()
        while let chunk = cursor.nextChunk(in: log, size: 2, until: until) {
            profiles = try profiles.consuming(log.events[chunk], log: log, context: .quiet)
            cursor.advance(over: chunk, in: log)
        }
        return (profiles.clockAdvanced(to: until, log: log), log)
    }

    @Test func segmentsAtEachCloseEqualBatchRFM() throws {
        for day in [3, 6] {
            let (profiles, log) = try Self.streamed(untilEndOf: day)
            let table = try CSVReader.read(text: Self.text, name: "tx.csv").table
            var options = RFMOptions(customer: "customer", date: "time", amount: "amount")
            options.asOf = CivilCalendar.days(year: 2024, month: 1, day: day + 1)
            let batch = try RFM.compute(table, options: options).table
            let customers = try #require(batch.column("customer")), segments = try #require(batch.column("segment"))
            for row in 0..<batch.rowCount {
                guard case .string(let c) = customers.value(at: row), case .string(let s) = segments.value(at: row) else {
                    Issue.record("row \(row)"); continue
                }
                let id = try #require(log.vocabulary.users.id(of: c))
                #expect(profiles.segment[Int(id)] == s, "\(c) at the close of day \(day)")
            }
            #expect(profiles.customers == batch.rowCount)
        }
    }

    @Test func recordsMovesWithTheDayTheyHappened() throws {
        let (profiles, log) = try Self.streamed(untilEndOf: 6)
        #expect(profiles.closedDays == 6)
        let first = try #require(profiles.moves.first)
        #expect(first.day == CivilCalendar.days(year: 2024, month: 1, day: 1))
        #expect(first.from == nil)
        #expect(log.vocabulary.users.text(of: first.customer) == "a")
        // Every customer gets exactly one "(new)" entry, on the day of their first purchase.
        #expect(profiles.moves.filter { $0.from == nil }.count == 6)
        let perDay = profiles.movesPerDay()
        #expect(perDay.reduce(0) { $0 + $1.new } == 6)
        #expect(perDay.reduce(0) { $0 + $1.moves } == profiles.moves.count - 6)
    }

    @Test func aFailedChunkLeavesProfilesUnchanged() throws {
        let table = try CSVReader.read(text: Self.text, name: "tx.csv").table
        let log = try EventLog.build(from: table, spec: EventLogSpec(userColumn: "customer", itemColumn: "item", timeColumn: "time"),
                                     context: .quiet)
        let profiles = StreamProfiles()
        let cancelled = RunContext(cancellation: Cancellation { true })
        #expect(throws: CancelledError.self) { try profiles.consuming(log.events[0..<4], log: log, context: cancelled) }
        #expect(profiles.customers == 0)
        #expect(profiles.moves.isEmpty)
    }

    @Test func aStrayTimeFarAheadDoesNotCloseMillionsOfDays() throws {
        let table = try CSVReader.read(text: "customer,item,time\na,x,100\nb,y,90000\nc,x,4000000000000000\n", name: "t.csv").table
        let log = try EventLog.build(from: table, spec: EventLogSpec(userColumn: "customer", itemColumn: "item", timeColumn: "time"),
                                     context: .quiet)
        let profiles = try StreamProfiles().consuming(log.events[...], log: log, context: .quiet)
        // Day 0 and day 1 close; across the gap only its first and last day.
        #expect(profiles.closedDays == 3)
        #expect(profiles.customers == 3)
        var cursor = StreamCursor()
        #expect(cursor.lagSeconds(in: log) == 4_000_000_000_000_000 - 100)
        cursor.advance(over: 0..<3, in: log)
        #expect(cursor.lagSeconds(in: log) == 0)
    }
}
