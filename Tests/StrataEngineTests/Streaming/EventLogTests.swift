import Testing
@testable import StrataEngine

@Suite struct EventLogTests {
    static let spec = EventLogSpec(userColumn: "user", itemColumn: "item", timeColumn: "time",
                                   eventColumn: "event", contextColumns: ["device"])

    static func table(_ text: String) throws -> Table {
        try CSVReader.read(text: text, name: "events.csv").table
    }

    @Test func ordersByTimeWithTiesInRowOrderAndCountsOutOfOrderRows() throws {
        let t = try Self.table("""
            user,item,event,time,device
            u1,a,view,2024-01-01 10:00:00,mobile
            u2,b,view,2024-01-01 09:00:00,desktop
            u1,c,buy,2024-01-01 10:00:00,mobile
            u3,a,view,2024-01-01 08:00:00,
            """)
        let log = try EventLog.build(from: t, spec: Self.spec, context: .quiet)
        #expect(log.events.map(\.row) == [3, 1, 0, 2])
        #expect(log.report.outOfOrder == 2)
        #expect(log.report.firstOutOfOrderRow == 2)
        // Ids in order of arrival in the stream, not of rows.
        #expect(log.vocabulary.users.texts == ["u3", "u2", "u1"])
        #expect(log.vocabulary.items.texts == ["a", "b", "c"])
        #expect(log.events[0].context == [-1])
        #expect(log.vocabulary.contextText(log.events[1], column: 0) == "desktop")
        #expect(log.vocabulary.eventTypes.text(of: log.events[3].type) == "buy")
        #expect(log.report.warnings.first?.contains("stable sort by time") == true)
    }

    @Test func skipsMissingTimesAndUnknownTypesNamingTheFirstRow() throws {
        let t = try Self.table("""
            user,item,event,time,device
            u1,a,view,2024-01-01 10:00:00,mobile
            u2,b,view,,desktop
            u1,c,refund,2024-01-01 11:00:00,mobile
            ,c,view,2024-01-01 11:00:00,mobile
            u2,d,view,,desktop
            """)
        var spec = Self.spec
        spec.acceptedTypes = ["view", "buy"]
        let log = try EventLog.build(from: t, spec: spec, context: .quiet)
        #expect(log.events.count == 1)
        #expect(log.report.missingTime == 2)
        #expect(log.report.firstMissingTimeRow == 2)
        #expect(log.report.unknownType == 1)
        #expect(log.report.unknownTypeNames == ["refund"])
        #expect(log.report.firstUnknownTypeRow == 3)
        #expect(log.report.missingField == 1)
        #expect(log.report.firstMissingFieldRow == 4)
        #expect(log.report.warnings.count == 3)
    }

    @Test func refusesWrongColumnsAndEmptyLogs() throws {
        let t = try Self.table("user,item,event,time,device\nu1,a,view,,x\n")
        #expect(throws: EngineError.self) { try EventLog.build(from: t, spec: Self.spec, context: .quiet) }
        var spec = Self.spec
        spec.timeColumn = "when"
        #expect(throws: EngineError.self) { try EventLog.build(from: t, spec: spec, context: .quiet) }
        spec.timeColumn = "device"
        #expect(throws: EngineError.self) { try EventLog.build(from: t, spec: spec, context: .quiet) }
    }

    @Test func appendingKeepsIdsAndCountsLateRows() throws {
        let first = try Self.table("""
            user,item,event,time,device
            u1,a,view,2024-01-01 10:00:00,mobile
            u2,b,view,2024-01-01 11:00:00,desktop
            """)
        let log = try EventLog.build(from: first, spec: Self.spec, context: .quiet)
        let more = try Self.table("""
            user,item,event,time,device
            u3,b,view,2024-01-01 12:00:00,mobile
            u1,c,view,2024-01-01 10:30:00,mobile
            """)
        let (grown, batch) = try log.appending(more, context: .quiet)
        #expect(grown.events.map(\.row) == [0, 1, 3, 2])
        #expect(batch.late == 1)
        #expect(batch.firstLateRow == 4)
        #expect(grown.vocabulary.users.texts == ["u1", "u2", "u3"])
        #expect(grown.events[2].user == 0)
        #expect(grown.report.rowsRead == 4)
        #expect(log.events.count == 2)
    }

    @Test func cursorReadsWholeChunksStopsAtATimeAndResumes() throws {
        let t = try Self.table("""
            user,item,time
            u1,a,100
            u2,b,200
            u1,c,300
            u3,a,400
            u2,c,500
            """)
        let log = try EventLog.build(from: t, spec: EventLogSpec(userColumn: "user", itemColumn: "item", timeColumn: "time"),
                                     context: .quiet)
        var cursor = StreamCursor()
        #expect(cursor.lagSeconds(in: log) == 400)
        let c1 = try #require(cursor.nextChunk(in: log, size: 2, until: 300))
        #expect(c1 == 0..<2)
        // Not advanced yet: asking again gives the same chunk (an abandoned chunk is re-read).
        #expect(cursor.nextChunk(in: log, size: 2, until: 300) == c1)
        cursor.advance(over: c1, in: log)
        #expect(cursor.clock == 200)
        let c2 = try #require(cursor.nextChunk(in: log, size: 2, until: 300))
        #expect(c2 == 2..<3)
        cursor.advance(over: c2, in: log)
        #expect(cursor.nextChunk(in: log, size: 2, until: 300) == nil)
        cursor.stop(at: 350)
        #expect(cursor.clock == 350)
        #expect(cursor.backlog(in: log) == 2)
        #expect(cursor.lagSeconds(in: log) == 150)
        let c3 = try #require(cursor.nextChunk(in: log, size: 10))
        #expect(c3 == 3..<5)
        cursor.advance(over: c3, in: log)
        #expect(cursor.clock == 500)
        #expect(cursor.nextChunk(in: log, size: 10) == nil)
    }
}
