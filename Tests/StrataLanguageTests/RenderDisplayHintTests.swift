import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Money keeps its cents, identifiers are printed as read, counts and sums are grouped.
@Suite struct RenderDisplayHintTests {
    /// The body cells of one rendered column (after the header, type and rule lines).
    private func cells(_ table: Table, column: String) throws -> [String] {
        let text = OutputRenderer.render(CommandOutput([.table(table)]), style: .batch)
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.first(where: { $0.contains(column) }) else { return [] }
        let columns = header.split(separator: "│", omittingEmptySubsequences: false).map { Self.trimmed($0) }
        guard let index = columns.firstIndex(of: column) else { return [] }
        return lines.dropFirst(3).compactMap { line -> String? in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            guard parts.count == columns.count else { return nil }
            return Self.trimmed(parts[index])
        }
    }

    private static func trimmed(_ s: Substring) -> String {
        String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    @Test func aTotalIsNotRoundedIntoAnotherInteger() {
        #expect(NumberFormatting.significant(46_075.99) == "46,075.99")
        #expect(NumberFormatting.significant(43_317.07) == "43,317.1", "six digits keep the integer part here")
        #expect(NumberFormatting.significant(99_999.99) == "99,999.99")
        #expect(NumberFormatting.significant(873.204) == "873.204")
        #expect(NumberFormatting.significant(45.99999999999999) == "46", "float noise of 46 still reads 46")
        #expect(NumberFormatting.significant(123_456_789.123) == "123,456,789")
        #expect(FloatLayout.choose(for: [46_075.99, 43_317.07]) == .fixed(decimals: 2))
        #expect(FloatLayout.choose(for: [1.5, 2.25]) == .fixed(decimals: 2))
    }

    @Test func writtenDecimalsAreAFloorForTheColumn() {
        #expect(FloatLayout.choose(for: [7.5, 3.0], minimumDecimals: 2) == .fixed(decimals: 2))
        #expect(FloatLayout.choose(for: [0.12345], minimumDecimals: 2) == .fixed(decimals: 4))
        #expect(FloatLayout.choose(for: [0, 0], minimumDecimals: 2) == .fixed(decimals: 2))
        #expect(FloatLayout.choose(for: [45.99999999999999], minimumDecimals: 2).format(45.99999999999999) == "46.00")
    }

    @Test func groupedSumOfPricesShowsItsCents() throws {
        let csv = "channel,amount\nweb,12000.50\nweb,34075.49\nstore,43317.07\n"
        let prices = try CSVReader.read(text: csv).table
        #expect(prices.column("amount")?.display.decimals == 2)
        let grouped = try prices.grouped(by: ["channel"], aggregates: [
            Aggregate(.sum, of: prices.column("amount"), as: "total"),
            Aggregate.count(as: "n"),
        ]).table
        #expect(try cells(grouped, column: "total") == ["46,075.99", "43,317.07"])
    }

    @Test func identifiersAreNotGroupedAndCountsAre() throws {
        let table = try Table(columns: [
            Column(name: "customer_id", data: .int([12_454, 10_399])),
            Column(name: "year", data: .int([2011, 2012])),
            Column(name: "customers", data: .int([3744, 1256]), display: ColumnDisplay(isTotal: true)),
            Column(name: "spend", data: .float([1604.48, 963.84]), display: ColumnDisplay(decimals: 2, isTotal: true)),
        ])
        #expect(try cells(table, column: "customer_id") == ["12454", "10399"])
        #expect(try cells(table, column: "year") == ["2011", "2012"])
        #expect(try cells(table, column: "customers") == ["3,744", "1,256"])
        #expect(try cells(table, column: "spend") == ["1,604.48", "963.84"])
    }

    @Test func identifierNames() {
        for name in ["id", "ID", "customer_id", "Customer ID", "item-id", "tx.id", "customerId", "CustomerID", "user2Id"] {
            #expect(ColumnGrouping.isIdentifier(name), "\(name)")
        }
        for name in ["paid", "PAID", "valid", "idle", "Id2", "amount", "VOID"] {
            #expect(!ColumnGrouping.isIdentifier(name), "\(name)")
        }
    }

    @Test func deriveCarriesDecimals() throws {
        let table = try CSVReader.read(text: "quantity,unit_price,rate\n2,19.99,0.5\n3,5.25,0.25\n").table
        var parser = ExpressionParser(
            tokens: try Lexer.tokenize("amount = quantity * unit_price, net = amount - unit_price, "
                + "scaled = amount * rate, ratio = amount / quantity"),
            position: 0)
        let (derived, _) = try ExpressionEvaluator.derive(try parser.parseAssignments(), on: table, tableName: "t")
        #expect(derived.column("amount")?.display.decimals == 2)
        #expect(derived.column("net")?.display.decimals == 2)
        #expect(derived.column("scaled")?.display.decimals == 4)
        #expect(derived.column("ratio")?.display.decimals == nil)
    }

    @Test func hintSurvivesRowOperationsAndMinMax() throws {
        let table = try CSVReader.read(text: "k,p\na,1.50\nb,2.25\na,3.10\n").table
        #expect(table.head(1).column("p")?.display.decimals == 2)
        #expect(try table.filtering(mask: [false, true, true]).column("p")?.display.decimals == 2)
        let grouped = try table.grouped(by: ["k"], aggregates: [
            Aggregate(.max, of: table.column("p"), as: "top"),
            Aggregate(.min, of: table.column("p"), as: "low"),
            Aggregate(.mean, of: table.column("p"), as: "avg"),
        ]).table
        #expect(grouped.column("top")?.display.decimals == 2)
        #expect(grouped.column("low")?.display.decimals == 2)
        #expect(grouped.column("avg")?.display.decimals == nil)
        #expect(try cells(grouped, column: "top") == ["3.10", "2.25"])
    }
}
