import Testing
@testable import StrataEngine

// Small builders shared by the Ops*Tests files.

func intColumn(_ name: String, _ values: [Int64?]) -> Column {
    Column.fromValues(name: name, type: .int, values: values.map { $0.map(Value.int) ?? .missing })
}

func floatColumn(_ name: String, _ values: [Double?]) -> Column {
    Column.fromValues(name: name, type: .float, values: values.map { $0.map(Value.float) ?? .missing })
}

func stringColumn(_ name: String, _ values: [String?]) -> Column {
    Column.fromValues(name: name, type: .string, values: values.map { $0.map(Value.string) ?? .missing })
}

func boolColumn(_ name: String, _ values: [Bool?]) -> Column {
    Column.fromValues(name: name, type: .bool, values: values.map { $0.map(Value.bool) ?? .missing })
}

func dateColumn(_ name: String, _ values: [String?]) -> Column {
    Column.fromValues(name: name, type: .date, values: values.map { text in
        guard let text else { return .missing }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return .date(CivilCalendar.days(year: parts[0], month: parts[1], day: parts[2]))
    })
}

func day(_ text: String) -> Value {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return .date(CivilCalendar.days(year: parts[0], month: parts[1], day: parts[2]))
}

func makeTable(_ columns: Column...) throws -> Table {
    try Table(columns: columns)
}

func cells(_ table: Table, _ name: String) -> [Value] {
    guard let c = table.column(name) else { return [] }
    return (0..<c.count).map { c.value(at: $0) }
}

func cells(_ column: Column) -> [Value] {
    (0..<column.count).map { column.value(at: $0) }
}

func approx(_ a: Value, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    guard case .float(let x) = a else { return false }
    return abs(x - b) <= tolerance * max(1, abs(b))
}

@Test func opsSupportBuildersMarkMissing() {
    let c = intColumn("x", [1, nil])
    #expect(c.isMissing(1))
    #expect(c.value(at: 0) == .int(1))
}
