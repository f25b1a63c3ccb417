import Testing
@testable import StrataEngine

@Suite struct InteractionsBuildTests {
    static func table(_ columns: [Column]) -> Table { try! Table(columns: columns) }

    @Test func ratingsWithStringUsersAndIntItems() throws {
        let t = Self.table([
            Column(name: "user", data: .string(codes: [0, 1, 0, 2, 0], dictionary: ["bob", "amy", "cy"])),
            Column(name: "item", data: .int([30, 10, 10, 20, 30])),
            Column(name: "rating", data: .float([4, 5, 3, 2, 1])),
            Column(name: "ts", data: .timestamp([100, 200, 300, 400, 500])),
        ])
        let built = try Interactions.build(from: t, spec: InteractionSpec(user: "user", item: "item",
            feedback: .rating(column: "rating", scale: 1...5), time: "ts"), context: .quiet)
        let x = built.interactions
        #expect(x.userIds == ["amy", "bob", "cy"])
        #expect(x.itemIds == ["10", "20", "30"])          // numeric order, not text order
        #expect(x.kind == .explicit(scale: 1...5))
        #expect(x.userIndex("bob") == 1 && x.itemIndex("30") == 2 && x.itemIndex("99") == nil)
        // bob rated 30 twice: the last (1, at ts 500) is kept
        #expect(x.byUser.value(row: 1, column: 2) == 1)
        #expect(x.byUser.value(row: 1, column: 0) == 3)
        #expect(built.report.duplicatesCombined == 1)
        #expect(x.entryTimes == [200, 300, 500, 400])
        #expect(x.byItem.row(2).indices.elementsEqual([1]))
        #expect(x.seenItems(user: 1) == [0, 2])
        #expect(x.itemPopularity() == [2, 1, 1])
    }

    @Test func weightedEventsSum() throws {
        let t = Self.table([
            Column(name: "u", data: .int([1, 1, 1, 2])),
            Column(name: "i", data: .int([7, 7, 8, 7])),
            Column(name: "event", data: .string(codes: [0, 1, 2, 0], dictionary: ["view", "cart", "purchase"])),
        ])
        let x = try Interactions.build(from: t, spec: InteractionSpec(user: "u", item: "i",
            feedback: .events(column: "event", weights: InteractionSpec.standardEventWeights)), context: .quiet).interactions
        #expect(x.kind == .implicit)
        #expect(x.byUser.value(row: 0, column: 0) == 4)   // view 1 + cart 3
        #expect(x.byUser.value(row: 0, column: 1) == 5)
        let err = #expect(throws: EngineError.self) {
            _ = try Interactions.build(from: t, spec: InteractionSpec(user: "u", item: "i",
                feedback: .events(column: "event", weights: ["view": 1])), context: .quiet)
        }
        #expect(err?.message == "no weight for event types 'cart', 'purchase' in 'event'")
    }

    @Test func badInputIsNamed() {
        let t = Self.table([
            Column(name: "u", data: .int([1, 2])),
            Column(name: "i", data: .int([7, 8])),
            Column(name: "r", data: .float([4, 9])),
            Column(name: "s", data: .string(codes: [0, 1], dictionary: ["good", "bad"])),
        ])
        let outside = #expect(throws: EngineError.self) {
            _ = try Interactions.build(from: t, spec: InteractionSpec(user: "u", item: "i", feedback: .rating(column: "r", scale: 1...5)), context: .quiet)
        }
        #expect(outside?.message == "1 ratings in 'r' are outside the scale 1–5 (e.g. 9)")
        let text = #expect(throws: EngineError.self) {
            _ = try Interactions.build(from: t, spec: InteractionSpec(user: "u", item: "i", feedback: .rating(column: "s", scale: nil)), context: .quiet)
        }
        #expect(text?.message == "rating column 's' holds text, not numbers")
        let unknown = #expect(throws: EngineError.self) {
            _ = try Interactions.build(from: t, spec: InteractionSpec(user: "user", item: "i", feedback: .presence), context: .quiet)
        }
        #expect(unknown?.message == "no user column 'user'")
        let empty = Self.table([Column(name: "u", data: .int([])), Column(name: "i", data: .int([]))])
        #expect(throws: EngineError.self) {
            _ = try Interactions.build(from: empty, spec: InteractionSpec(user: "u", item: "i", feedback: .presence), context: .quiet)
        }
    }
}
