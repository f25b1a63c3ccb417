import Testing
@testable import StrataEngine

private typealias S = CSVTestSupport

/// The CSV reader records how many decimals a float column was written with, for display.
@Suite struct CSVDisplayHintTests {
    private func decimals(_ text: String, _ column: String, options: CSVOptions = CSVOptions()) throws -> Int? {
        try CSVReader.read(text: text, options: options).table.column(column)?.display.decimals
    }

    @Test func decimalsAsWritten() throws {
        #expect(try decimals("p\n19.99\n5\n2.5\n", "p") == 2)
        #expect(try decimals("p\n19.90\n3.00\n", "p") == 2, "trailing zeros count: the text carries them")
        #expect(try decimals("p\n\"1,234.50\"\n\"12.5\"\n", "p") == 2)
        #expect(try decimals("p\n0.1234\n1\n", "p") == 4)
        #expect(try decimals("p\n 7.125 \n", "p") == 3)
    }

    @Test func noHintForMeasurementsOrScientificNotation() throws {
        #expect(try decimals("p\n0.123456\n1.5\n", "p") == nil, "more places than a fixed-point amount")
        #expect(try decimals("p\n1.5e-3\n2.25\n", "p") == nil)
        #expect(try decimals("p\ninf\n2.25\n", "p") == nil)
        #expect(try decimals("n\n1\n2\n", "n") == nil, "int columns show no decimals")
        var forced = CSVOptions()
        forced.typeOverrides["n"] = .float
        #expect(try decimals("n\n1.25\n2\n", "n", options: forced) == nil)
    }

    /// Numbers a tool wrote with float noise (8187806.363999999) carry the places they are within
    /// 1e-12 of; measurements with many places carry none.
    @Test func floatNoiseIsNotMorePlaces() throws {
        #expect(try decimals("p\n8187806.363999999\n284661.54000000004\n", "p") == 3)
        #expect(try decimals("p\n0.30000000000000004\n2\n", "p") == 1)
        #expect(try decimals("p\n0.123456789\n2\n", "p") == nil)
        #expect(ColumnDisplay.decimalsCarried(by: [2.55, 3, 0.125, .nan, 0]) == 3)
        #expect(ColumnDisplay.decimalsCarried(by: [1.0 / 3]) == nil)
        #expect(ColumnDisplay.decimalsCarried(by: [1e12 + 0.5]) == nil, "too large for the test to be exact")
        #expect(ColumnDisplay.decimalsCarried(by: []) == 0)
    }

    @Test func theSameHintOnOneThreadOrTwo() throws {
        var text = "k,p\n"
        for row in 0..<4000 { text += "\(row),\(row % 7).\(row % 3 == 0 ? "5" : "25")\n" }
        text += "x,1.125\n"
        let single = try S.load(text, bufferSize: 64, parallel: false)
        let double = try S.load(text, bufferSize: 64, parallel: true)
        #expect(single.table.column("p")?.display.decimals == 3)
        #expect(double.table.column("p")?.display.decimals == 3)
    }

    @Test func sumsAndCountsAreTotals() throws {
        let table = try CSVReader.read(text: "k,p\na,1.50\nb,2.25\na,3.10\n").table
        let grouped = try table.grouped(by: ["k"], aggregates: [
            Aggregate(.sum, of: table.column("p"), as: "total"),
            Aggregate(.count, of: table.column("p"), as: "n"),
            Aggregate(.distinct, of: table.column("p"), as: "d"),
            Aggregate.count(as: "rows"),
        ]).table
        #expect(grouped.column("total")?.display == ColumnDisplay(decimals: 2, isTotal: true))
        for name in ["n", "d", "rows"] { #expect(grouped.column(name)?.display.isTotal == true) }
        #expect(grouped.column("k")?.display == .plain)
        let keys = try #require(table.column("k"))
        #expect(try keys.valueCounts().table().column("count")?.display.isTotal == true)
    }
}
