import Foundation
import Testing
@testable import StrataEngine

/// Point-in-time features on a hand-built log; every figure below is worked out by hand in the comments.
struct PointInTimeFeaturesTests {
    /// The cut-off used throughout: 2025-03-01. Offsets below are days from it.
    static let cut = CivilCalendar.days(year: 2025, month: 3, day: 1)

    /// A: −40 (50 web), −15 (30 app), −5 (20 web), −5 (10 app), 0 (99 web: on the cut-off day)
    /// B: −25 (100 web), −12 (40 web)
    /// C: +2 (60 app) only after the cut-off: not a customer of the table
    /// D: −8 (25 store), −3 (−15 web: a return, left out)
    /// E: +20 (1 web): the last day of the data
    static func events() throws -> (CustomerEvents, PointInTimeOptions.CountColumn) {
        let rows: [(String, Int64, Double, String)] = [
            ("A", -40, 50, "web"), ("A", -15, 30, "app"), ("A", -5, 20, "web"), ("A", -5, 10, "app"), ("A", 0, 99, "web"),
            ("B", -25, 100, "web"), ("B", -12, 40, "web"),
            ("C", 2, 60, "app"),
            ("D", -8, 25, "store"), ("D", -3, -15, "web"),
            ("E", 20, 1, "web"),
        ]
        let names = ["A", "B", "C", "D", "E"], channels = ["web", "app", "store"]
        let table = try Table(columns: [
            Column(name: "customer", data: .string(codes: rows.map { Int32(names.firstIndex(of: $0.0) ?? -1) }, dictionary: names)),
            Column(name: "day", data: .date(rows.map { cut + $0.1 })),
            Column(name: "amount", data: .float(rows.map(\.2))),
            Column(name: "channel", data: .string(codes: rows.map { Int32(channels.firstIndex(of: $0.3) ?? -1) }, dictionary: channels)),
        ])
        let all = try CustomerEvents.extract(table, customer: "customer", time: "day", amount: "amount", context: RunContext())
        return (all.purchasesOnly().events, .init(name: "channel", valueOfRow: rows.map { Optional($0.3) }))
    }

    static func build(cut: Int64 = cut, label: PointInTimeOptions.Label? = .churn(days: 7)) throws -> PointInTimeResult {
        let (events, channel) = try events()
        var o = PointInTimeOptions(cutOff: cut)
        o.windows = [20, 10]
        o.label = label
        o.counts = [channel]
        return try PointInTimeFeatures.build(events, options: o, context: RunContext())
    }

    static func column(_ r: PointInTimeResult, _ name: String) throws -> [Double] {
        try #require(r.table.column(name)?.doubles(), "no column \(name)")
    }

    @Test func everyFeatureHasItsHandComputedValue() throws {
        let r = try Self.build()
        #expect(r.table.columnNames == ["customer", "recency_days", "frequency", "monetary", "avg_order", "tenure_days",
                                        "orders_10", "spend_10", "trend_10", "orders_20", "spend_20", "trend_20",
                                        "orders_channel_app", "orders_channel_store", "orders_channel_web", "churned"])
        // Customers with a purchase before the cut-off, in order of first appearance: A, B, D (not C, not E).
        #expect((0..<r.table.rowCount).map { r.table.column("customer")?.value(at: $0) } == [.string("A"), .string("B"), .string("D")])
        #expect(r.customers == 3)
        // A's purchase days: −40 (50), −15 (30), −5 (20 + 10 = 30); the 99 on the cut-off day is not a feature.
        #expect(try Self.column(r, "recency_days") == [5, 12, 8])
        #expect(try Self.column(r, "frequency") == [3, 2, 1])
        #expect(try Self.column(r, "monetary") == [110, 140, 25])
        #expect(try Self.column(r, "avg_order") == [110.0 / 3, 70, 25])
        #expect(try Self.column(r, "tenure_days") == [40, 25, 8])
        // W = 10: [−10, 0) against [−20, −10). A: 30 vs 30; B: 0 vs 40; D: 25 vs 0 (missing).
        #expect(try Self.column(r, "orders_10") == [1, 0, 1])
        #expect(try Self.column(r, "spend_10") == [30, 0, 25])
        let trend10 = try Self.column(r, "trend_10")
        #expect(trend10[0] == 1 && trend10[1] == 0 && trend10[2].isNaN)
        // W = 20: [−20, 0) against [−40, −20). A: 60 vs 50; B: 40 vs 100; D: 25 vs 0 (missing).
        #expect(try Self.column(r, "orders_20") == [2, 1, 1])
        #expect(try Self.column(r, "spend_20") == [60, 40, 25])
        let trend20 = try Self.column(r, "trend_20")
        #expect(trend20[0] == 1.2 && trend20[1] == 0.4 && trend20[2].isNaN)
        // Purchase days per channel: A app on −15 and −5, web on −40 and −5; D's web row is a return.
        #expect(try Self.column(r, "orders_channel_app") == [2, 0, 0])
        #expect(try Self.column(r, "orders_channel_store") == [0, 0, 1])
        #expect(try Self.column(r, "orders_channel_web") == [2, 2, 0])
        // The event on the cut-off day is in the label window [0, 7): A did not churn.
        #expect(try Self.column(r, "churned") == [0, 1, 1])
        #expect(r.positives == 2)
        #expect(r.eventsFromCutOff == 3)
    }

    @Test func spendLabelSumsTheWindowAfterTheCutOff() throws {
        let r = try Self.build(label: .spend(days: 7))
        #expect(r.table.columnNames.last == "spend_next_7")
        #expect(try Self.column(r, "spend_next_7") == [99, 0, 0])
        #expect(r.positives == nil)
    }

    @Test func aLaterCutOffMovesTheFeaturesByTheRightAmount() throws {
        let early = try Self.build(label: nil)
        let later = try Self.build(cut: Self.cut + 10, label: nil)
        // A bought on day 0 (99): ten days later recency is 10, tenure +10, one more purchase day.
        #expect(try Self.column(later, "recency_days")[0] == 10)
        #expect(try Self.column(later, "tenure_days")[0] - Self.column(early, "tenure_days")[0] == 10)
        #expect(try Self.column(later, "frequency")[0] - Self.column(early, "frequency")[0] == 1)
        #expect(try Self.column(later, "monetary")[0] - Self.column(early, "monetary")[0] == 99)
        // B bought nothing in between: recency grows by exactly 10. C (day +2) now joins.
        #expect(try Self.column(later, "recency_days")[1] - Self.column(early, "recency_days")[1] == 10)
        #expect(later.customers == 4)
    }

    @Test func aLabelWindowPastTheDataIsRefusedWithTheLatestValidCutOff() throws {
        // The data end on day +20, so a 21-day window [0, 21) is complete and a 22-day one is not.
        #expect(try Self.build(label: .churn(days: 21)).customers == 3)
        let error = try #require(throws: EngineError.self) { try Self.build(label: .churn(days: 22)) }
        let text = "\(error.message) \(error.suggestion ?? "")"
        #expect(text.contains("2025-03-21") && text.contains("none of the 3 customers"))
        #expect(text.contains("latest cut-off with a complete 22-day label window is 2025-02-28"))
    }

    @Test func aCutOffOutsideTheDataNamesTheRange() throws {
        for day in [Self.cut - 40, Self.cut - 100, Self.cut + 22] {
            let error = try #require(throws: EngineError.self) { try Self.build(cut: day, label: nil) }
            #expect((error.suggestion ?? "").contains("the data run from 2025-01-20 to 2025-03-21"))
        }
        // The day after the last event is allowed without a label: every event is a feature.
        #expect(try Self.build(cut: Self.cut + 21, label: nil).customers == 5)
    }
}
