import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Fixtures and helpers shared by the table rendering tests.
enum RenderFixtures {
    static func small() throws -> Table {
        try Table(columns: [
            // A quantity, not an identifier: identifiers are never grouped (see ColumnGrouping).
            Column(name: "units", data: .int([1, 20, 1_234_567])),
            Column(
                name: "name", data: .string(codes: [0, 1, -1], dictionary: ["Ann", "Bob"]),
                missing: MissingMask(flags: [false, false, true])),
            Column(name: "amount", data: .float([1.5, -0.25, 12_345.125])),
            Column(name: "ok", data: .bool([true, false, true])),
        ])
    }

    /// Twelve columns of every type, with long, wide and hostile text.
    static func wide(rows: Int = 30) throws -> Table {
        let words = ["alpha", "東京タワーの夜景はとても綺麗です", "line\nbreak\tand\u{1B}[31mescape", "a considerably longer sentence that must be cut", "Zoë"]
        var columns: [Column] = []
        for c in 0..<12 {
            let name = c == 5 ? "a_rather_long_column_name_\(c)" : "col\(c)"
            switch c % 6 {
            case 0: columns.append(Column(name: name, data: .int((0..<rows).map { Int64($0 * 7919 * (c + 1)) })))
            case 1: columns.append(Column(name: name, data: .float((0..<rows).map { Double($0) / 7 - 1.5 })))
            case 2: columns.append(Column(name: name, data: .string(codes: (0..<rows).map { Int32($0 % words.count) }, dictionary: words)))
            case 3: columns.append(Column(name: name, data: .bool((0..<rows).map { $0 % 3 == 0 })))
            case 4: columns.append(Column(name: name, data: .date((0..<rows).map { Int64(15000 + $0) })))
            default: columns.append(Column(name: name, data: .timestamp((0..<rows).map { Int64(1_300_000_000 + $0 * 3600) })))
            }
        }
        return try Table(columns: columns)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func stripANSI(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for ch in text {
            if inEscape {
                if ch == "m" { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

@Suite struct RenderTableTests {
    @Test func unicodeBox() throws {
        let expected = """
            ┌───────────┬────────┬───────────┬───────┐
            │     units │ name   │    amount │ ok    │
            │       int │ string │     float │ bool  │
            ├───────────┼────────┼───────────┼───────┤
            │         1 │ Ann    │      1.50 │ true  │
            │        20 │ Bob    │     -0.25 │ false │
            │ 1,234,567 │ NA     │ 12,345.13 │ true  │
            └───────────┴────────┴───────────┴───────┘
            3 rows × 4 columns
            """
        #expect(TableRenderer.render(try RenderFixtures.small(), style: .batch) == expected)
    }

    @Test func asciiBoxWithTitleRowNumbersAndFooter() throws {
        let expected = """
            small
            +---+-----------+--------+-----------+-------+
            | # |     units | name   |    amount | ok    |
            |   |       int | string |     float | bool  |
            +---+-----------+--------+-----------+-------+
            | 1 |         1 | Ann    |      1.50 | true  |
            | 2 |        20 | Bob    |     -0.25 | false |
            | 3 | 1,234,567 | NA     | 12,345.13 | true  |
            +---+-----------+--------+-----------+-------+
            3 rows x 4 columns
            totals exclude refunds
            """
        let style = RenderStyle(width: 100, ascii: true, color: false)
        let text = TableRenderer.render(
            try RenderFixtures.small(), title: "small", style: style, rowNumbers: true, footer: "totals exclude refunds")
        #expect(text == expected)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func temporalColumnsAndScientificFloats() throws {
        let table = try Table(columns: [
            Column(name: "day", data: .date([0, CivilCalendar.days(year: 2011, month: 12, day: 9)])),
            Column(name: "at", data: .timestamp([86_399, 1_323_419_400])),
            Column(name: "rate", data: .float([1.5e-5, 3e-6])),
            Column(name: "big", data: .float([6.02214076e23, -1])),
        ])
        let expected = """
            ┌────────────┬─────────────────────┬─────────┬──────────────┐
            │ day        │ at                  │    rate │          big │
            │ date       │ timestamp           │   float │        float │
            ├────────────┼─────────────────────┼─────────┼──────────────┤
            │ 1970-01-01 │ 1970-01-01 23:59:59 │ 1.5e-05 │  6.02214e+23 │
            │ 2011-12-09 │ 2011-12-09 08:30:00 │ 3.0e-06 │ -1.00000e+00 │
            └────────────┴─────────────────────┴─────────┴──────────────┘
            2 rows × 4 columns
            """
        #expect(TableRenderer.render(table, style: .batch) == expected)
    }

    @Test func longTableShowsHeadAndTail() throws {
        let table = try Table(columns: [Column(name: "n", data: .int((1...7).map { Int64($0 * 1000) }))])
        let expected = """
            ┌───┬──────┐
            │ # │    n │
            │   │  int │
            ├───┼──────┤
            │ 1 │ 1000 │
            │ 2 │ 2000 │
            │ 3 │ 3000 │
            │ … │  …   │
            │ 6 │ 6000 │
            │ 7 │ 7000 │
            └───┴──────┘
            7 rows × 1 column (… 2 more rows)
            """
        let style = RenderStyle(width: 100, ascii: false, color: false, maxRows: 5)
        #expect(TableRenderer.render(table, style: style, rowNumbers: true) == expected)

        let ascii = RenderStyle(width: 100, ascii: true, color: false, maxRows: 4)
        let asciiExpected = """
            +------+
            |    n |
            |  int |
            +------+
            | 1000 |
            | 2000 |
            | ...  |
            | 6000 |
            | 7000 |
            +------+
            7 rows x 1 column (... 3 more rows)
            """
        #expect(TableRenderer.render(table, style: ascii) == asciiExpected)
    }

    @Test func defaultCutKeepsTwentyRowsAndCountsWithSeparators() throws {
        let table = try Table(columns: [Column(name: "n", data: .int((0..<12_345).map { Int64($0) }))])
        let lines = RenderFixtures.lines(TableRenderer.render(table, style: .batch))
        // top, name, type, separator, 10 head, gap, 10 tail, bottom, footer
        #expect(lines.count == 4 + 10 + 1 + 10 + 1 + 1)
        #expect(lines[13] == "│      9 │")
        #expect(lines[14] == "│   …    │")
        #expect(lines[15] == "│ 12,335 │")
        #expect(lines.last == "12,345 rows × 1 column (… 12,325 more rows)")
    }

    @Test func shownRowsSplit() {
        #expect(TableRenderer.shownRows(count: 3, maxRows: 20).rows == [0, 1, 2])
        #expect(TableRenderer.shownRows(count: 3, maxRows: 20).gapAt == nil)
        #expect(TableRenderer.shownRows(count: 20, maxRows: 20).gapAt == nil)
        let cut = TableRenderer.shownRows(count: 21, maxRows: 20)
        #expect(cut.rows == Array(0..<10) + Array(11..<21))
        #expect(cut.gapAt == 10)
        #expect(TableRenderer.shownRows(count: 10, maxRows: 3).rows == [0, 1, 9])
    }

    @Test func emptyTables() throws {
        #expect(TableRenderer.render(.empty, style: .batch) == "0 rows × 0 columns")
        let noRows = try Table(columns: [Column(name: "x", data: .float([])), Column(name: "label", data: .string(codes: [], dictionary: []))])
        let expected = """
            ┌───────┬────────┐
            │     x │ label  │
            │ float │ string │
            └───────┴────────┘
            0 rows × 2 columns
            """
        #expect(TableRenderer.render(noRows, style: .batch) == expected)
        let one = try Table(columns: [Column(name: "x", data: .bool([true]))])
        #expect(RenderFixtures.lines(TableRenderer.render(one, style: .batch)).last == "1 row × 1 column")
    }

    @Test func wideCharactersAndControlCharactersKeepTheGrid() throws {
        let table = try Table(columns: [
            Column(name: "城市", data: .string(codes: [0, 1, 2, 3], dictionary: ["東京", "ab", "e\u{301}te\u{301}", "two\nlines\u{1B}[2J"])),
            Column(name: "n", data: .int([1, 2, 3, 4])),
        ])
        let expected = """
            ┌───────────────┬─────┐
            │ 城市          │   n │
            │ string        │ int │
            ├───────────────┼─────┤
            │ 東京          │   1 │
            │ ab            │   2 │
            │ e\u{301}te\u{301}           │   3 │
            │ two↵lines␛[2J │   4 │
            └───────────────┴─────┘
            4 rows × 2 columns
            """
        let text = TableRenderer.render(table, style: .batch)
        #expect(text == expected)
        let widths = RenderFixtures.lines(text).dropLast().map { DisplayWidth.of($0) }
        #expect(Set(widths) == [23])

        let ascii = TableRenderer.render(table, style: RenderStyle(width: 100, ascii: true, color: false))
        #expect(ascii.contains("| two\\nlines\\x1B[2J | "))
        #expect(RenderFixtures.lines(ascii).count == 10)
    }

    @Test func longTextIsCutAtTheCellLimit() throws {
        let long = String(repeating: "abcdefghij", count: 5)
        let table = try Table(columns: [Column(name: "text", data: .string(codes: [0], dictionary: [long]))])
        let lines = RenderFixtures.lines(TableRenderer.render(table, style: .batch))
        #expect(lines[4] == "│ abcdefghijabcdefghijabcdefghija… │")
        let ascii = RenderFixtures.lines(TableRenderer.render(table, style: RenderStyle(width: 100, ascii: true, color: false)))
        #expect(ascii[4] == "| abcdefghijabcdefghijabcdefghi... |")
    }

    @Test func wideTableHidesMiddleColumns() throws {
        let table = try RenderFixtures.wide(rows: 3)
        let text = TableRenderer.render(table, style: RenderStyle(width: 60, ascii: false, color: false))
        let lines = RenderFixtures.lines(text)
        for line in lines { #expect(DisplayWidth.of(line) <= 60) }
        // Leading columns, the marker, then as many trailing columns as still fit.
        #expect(lines[1] == "│   col0 │    col1 │ … │ col10      │ col11               │")
        #expect(lines.last == "… 8 more columns: col2, col3, col4, a_rather_long_column_na…")
        #expect(lines[lines.count - 2] == "3 rows × 12 columns")
    }

    @Test func neverExceedsTheWidth() throws {
        let table = try RenderFixtures.wide()
        for width in [20, 30, 40, 50, 60, 80, 100, 120, 200, 400] {
            for ascii in [false, true] {
                for rowNumbers in [false, true] {
                    let style = RenderStyle(width: width, ascii: ascii, color: false)
                    let text = TableRenderer.render(table, title: "a title that is quite long for narrow terminals", style: style, rowNumbers: rowNumbers)
                    let lines = RenderFixtures.lines(text)
                    for line in lines {
                        #expect(DisplayWidth.of(line) <= width, "width \(width) ascii \(ascii): \(line)")
                    }
                    // The box stays rectangular.
                    let boxWidths = Set(lines.dropFirst().prefix(4 + 21 + 1).map { DisplayWidth.of($0) })
                    #expect(boxWidths.count == 1, "width \(width) ascii \(ascii)")
                }
            }
        }
        let everything = TableRenderer.render(table, style: RenderStyle(width: 400, ascii: false, color: false))
        #expect(!everything.contains("more column"))
    }

    @Test func textColumnsShrinkBeforeColumnsHide() throws {
        let table = try Table(columns: [
            Column(name: "id", data: .int([1])),
            Column(name: "title", data: .string(codes: [0], dictionary: ["The Lord of the Rings: The Fellowship of the Ring"])),
            Column(name: "year", data: .int([2001])),
        ])
        let expected = """
            ┌─────┬─────────────────────────┬──────┐
            │  id │ title                   │ year │
            │ int │ string                  │  int │
            ├─────┼─────────────────────────┼──────┤
            │   1 │ The Lord of the Rings:… │ 2001 │
            └─────┴─────────────────────────┴──────┘
            1 row × 3 columns
            """
        #expect(TableRenderer.render(table, style: RenderStyle(width: 40, ascii: false, color: false)) == expected)
        let narrower = TableRenderer.render(table, style: RenderStyle(width: 32, ascii: false, color: false))
        #expect(RenderFixtures.lines(narrower)[4] == "│   1 │ The Lord of th… │ 2001 │")
    }

    @Test func hiddenColumnsAreNamedInTheFooter() throws {
        let table = try Table(columns: (1...9).map { Column(name: "metric_\($0)", data: .float([Double($0) / 8])) })
        let expected = """
            ┌──────────┬──────────┬──────────┬──────────┬───┬──────────┐
            │ metric_1 │ metric_2 │ metric_3 │ metric_4 │ … │ metric_9 │
            │    float │    float │    float │    float │   │    float │
            ├──────────┼──────────┼──────────┼──────────┼───┼──────────┤
            │    0.125 │     0.25 │    0.375 │      0.5 │ … │    1.125 │
            └──────────┴──────────┴──────────┴──────────┴───┴──────────┘
            1 row × 9 columns
            … 4 more columns: metric_5, metric_6, metric_7, metric_8
            """
        #expect(TableRenderer.render(table, style: RenderStyle(width: 60, ascii: false, color: false)) == expected)
        let ascii = TableRenderer.render(table, style: RenderStyle(width: 40, ascii: true, color: false))
        let asciiExpected = """
            +----------+----------+-----+----------+
            | metric_1 | metric_2 | ... | metric_9 |
            |    float |    float |     |    float |
            +----------+----------+-----+----------+
            |    0.125 |     0.25 | ... |    1.125 |
            +----------+----------+-----+----------+
            1 row x 9 columns
            ... 6 more columns: metric_3, metric_...
            """
        #expect(ascii == asciiExpected)
    }

    @Test func colourOffWritesNoEscapeCodesEvenFromData() throws {
        let table = try Table(columns: [
            Column(name: "s", data: .string(codes: [0, -1], dictionary: ["\u{1B}[31mred\u{1B}[0m"]), missing: MissingMask(flags: [false, true])),
        ])
        for style in [RenderStyle.batch, RenderStyle(width: 30, ascii: true, color: false)] {
            let text = TableRenderer.render(table, title: "t\u{1B}", style: style, rowNumbers: true, footer: "f\u{1B}")
            #expect(!text.unicodeScalars.contains("\u{1B}"))
        }
    }

    @Test func colourStylesHeaderTypesAndMissingWithoutMovingTheGrid() throws {
        let table = try RenderFixtures.small()
        let plain = TableRenderer.render(table, title: "small", style: .batch, rowNumbers: true)
        let colour = TableRenderer.render(table, title: "small", style: RenderStyle(width: 100, ascii: false, color: true), rowNumbers: true)
        #expect(colour != plain)
        #expect(RenderFixtures.stripANSI(colour) == plain)
        let lines = RenderFixtures.lines(colour)
        #expect(lines[0] == "\u{1B}[1msmall\u{1B}[22m")
        #expect(lines[2].contains("\u{1B}[1mname\u{1B}[22m"))
        #expect(lines[3].contains("\u{1B}[2mstring\u{1B}[22m"))
        #expect(lines[7].contains("\u{1B}[2mNA\u{1B}[22m"))
        // Colour must not change the layout at narrow widths either.
        let wide = try RenderFixtures.wide()
        for width in [40, 80] {
            let p = TableRenderer.render(wide, style: RenderStyle(width: width, ascii: false, color: false))
            let c = TableRenderer.render(wide, style: RenderStyle(width: width, ascii: false, color: true))
            #expect(RenderFixtures.stripANSI(c) == p)
        }
    }

    @Test func rendersAreDeterministic() throws {
        let table = try RenderFixtures.wide()
        let a = TableRenderer.render(table, style: .batch, rowNumbers: true)
        let b = TableRenderer.render(table, style: .batch, rowNumbers: true)
        #expect(a == b)
    }
}
