import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct RenderNumberFormattingTests {
    @Test func groupsThousands() {
        #expect(NumberFormatting.grouped(0) == "0")
        #expect(NumberFormatting.grouped(999) == "999")
        #expect(NumberFormatting.grouped(1000) == "1,000")
        #expect(NumberFormatting.grouped(1_234_567) == "1,234,567")
        #expect(NumberFormatting.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberFormatting.grouped(-100_000) == "-100,000")
        #expect(NumberFormatting.grouped(.max) == "9,223,372,036,854,775,807")
        #expect(NumberFormatting.grouped(.min) == "-9,223,372,036,854,775,808")
    }

    @Test func roundsHalfAwayFromZeroOnThePrintedDecimal() {
        #expect(NumberFormatting.format(2.5, decimals: 0) == "3")
        #expect(NumberFormatting.format(-2.5, decimals: 0) == "-3")
        #expect(NumberFormatting.format(3.5, decimals: 0) == "4")
        #expect(NumberFormatting.format(0.5, decimals: 0) == "1")
        #expect(NumberFormatting.format(0.125, decimals: 2) == "0.13")
        #expect(NumberFormatting.format(-0.125, decimals: 2) == "-0.13")
        // 1.005 is 1.00499999999999989… in binary; printf says 1.00, a reader expects 1.01.
        #expect(NumberFormatting.format(1.005, decimals: 2) == "1.01")
        #expect(NumberFormatting.format(0.05, decimals: 1) == "0.1")
        #expect(NumberFormatting.format(0.04, decimals: 0) == "0")
        #expect(NumberFormatting.format(0.0049, decimals: 2) == "0.00")
    }

    @Test func carriesIntoNewDigits() {
        #expect(NumberFormatting.format(9.995, decimals: 2) == "10.00")
        #expect(NumberFormatting.format(999_999.5, decimals: 0) == "1,000,000")
        #expect(NumberFormatting.format(-99.96, decimals: 1) == "-100.0")
        #expect(NumberFormatting.format(0.96, decimals: 0) == "1")
    }

    @Test func avoidsBinaryArtefacts() {
        #expect(NumberFormatting.format(0.1 + 0.2, decimals: 4) == "0.3000")
        #expect(NumberFormatting.format(0.1 + 0.2, decimals: 17) == "0.30000000000000004")
        #expect(NumberFormatting.significant(0.1 + 0.2) == "0.3")
        #expect(NumberFormatting.format(1.1 * 1.1, decimals: 2) == "1.21")
    }

    @Test func fixedNotation() {
        #expect(NumberFormatting.format(123_456_789.123, decimals: 2) == "123,456,789.12")
        #expect(NumberFormatting.format(123_456_789.123, decimals: 2, grouping: false) == "123456789.12")
        #expect(NumberFormatting.format(123_456_789.123, decimals: 0) == "123,456,789")
        #expect(NumberFormatting.format(1e-7, decimals: 4) == "0.0000")
        #expect(NumberFormatting.format(1e-7, decimals: 7) == "0.0000001")
        #expect(NumberFormatting.format(1.5, decimals: 3) == "1.500")
        #expect(NumberFormatting.format(1e20, decimals: 0) == "100,000,000,000,000,000,000")
        #expect(NumberFormatting.format(12, decimals: -3) == "12")
    }

    @Test func negativeZeroHasNoSign() {
        #expect(NumberFormatting.format(-0.0, decimals: 0) == "0")
        #expect(NumberFormatting.format(-0.0, decimals: 2) == "0.00")
        #expect(NumberFormatting.format(-1e-7, decimals: 4) == "0.0000")
        #expect(NumberFormatting.format(-0.004, decimals: 2) == "0.00")
        #expect(NumberFormatting.significant(-0.0) == "0")
        #expect(NumberFormatting.scientific(-0.0, decimals: 1) == "0.0e+00")
    }

    @Test func nonFiniteValues() {
        #expect(NumberFormatting.format(.infinity, decimals: 2) == "inf")
        #expect(NumberFormatting.format(-.infinity, decimals: 2) == "-inf")
        #expect(NumberFormatting.format(.nan, decimals: 2) == "nan")
        #expect(NumberFormatting.significant(.infinity) == "inf")
        #expect(NumberFormatting.scientific(-.infinity, decimals: 2) == "-inf")
    }

    @Test func scientificNotation() {
        #expect(NumberFormatting.scientific(123_456_789.123, decimals: 2) == "1.23e+08")
        #expect(NumberFormatting.scientific(1e-7, decimals: 2) == "1.00e-07")
        #expect(NumberFormatting.scientific(0, decimals: 2) == "0.00e+00")
        #expect(NumberFormatting.scientific(999_600, decimals: 2) == "1.00e+06")
        #expect(NumberFormatting.scientific(1e100, decimals: 0) == "1e+100")
        #expect(NumberFormatting.scientific(-1.25e-300, decimals: 1) == "-1.3e-300")
        #expect(NumberFormatting.scientific(.leastNonzeroMagnitude, decimals: 0) == "5e-324")
        #expect(NumberFormatting.scientific(.greatestFiniteMagnitude, decimals: 3) == "1.798e+308")
    }

    @Test func significantDigits() {
        #expect(NumberFormatting.significant(123_456_789.123) == "123,456,789")
        #expect(NumberFormatting.significant(1234.5678) == "1,234.57")
        #expect(NumberFormatting.significant(2.5) == "2.5")
        #expect(NumberFormatting.significant(3.0) == "3")
        #expect(NumberFormatting.significant(1.0 / 3.0) == "0.333333")
        #expect(NumberFormatting.significant(2.0 / 3.0) == "0.666667")
        #expect(NumberFormatting.significant(2.0 / 3.0, digits: 2) == "0.67")
        #expect(NumberFormatting.significant(0.0001) == "0.0001")
        #expect(NumberFormatting.significant(0.00009) == "9e-05")
        #expect(NumberFormatting.significant(1e-7) == "1e-07")
        #expect(NumberFormatting.significant(-1.234567e-9) == "-1.23457e-09")
        #expect(NumberFormatting.significant(1e15) == "1e+15")
        #expect(NumberFormatting.significant(999_999_999_999_999) == "999,999,999,999,999")
        #expect(NumberFormatting.significant(6.02214076e23) == "6.02214e+23")
    }

    @Test func decimalsNeeded() {
        #expect(NumberFormatting.decimalsNeeded(0.1 + 0.2) == 1)
        #expect(NumberFormatting.decimalsNeeded(2.25) == 2)
        #expect(NumberFormatting.decimalsNeeded(1500) == 0)
        #expect(NumberFormatting.decimalsNeeded(1.0 / 3.0) == 6)
        #expect(NumberFormatting.decimalsNeeded(.nan) == 0)
        #expect(NumberFormatting.mantissaDecimalsNeeded(123_456_789) == 5)
        #expect(NumberFormatting.mantissaDecimalsNeeded(1e-7) == 0)
    }

    @Test func floatColumnLayout() {
        #expect(FloatLayout.choose(for: [1.5, 2.25, 3]) == .fixed(decimals: 2))
        #expect(FloatLayout.choose(for: [1.0, 2.0]) == .fixed(decimals: 0))
        #expect(FloatLayout.choose(for: [0.1 + 0.2, 1]) == .fixed(decimals: 1))
        #expect(FloatLayout.choose(for: [1.0 / 3.0, 10]) == .fixed(decimals: 4))
        #expect(FloatLayout.choose(for: [123_456_789.123, 0.5]) == .fixed(decimals: 1))
        // Floating-point noise neither widens nor flips the column.
        #expect(FloatLayout.choose(for: [1.1102230246251565e-16, 12.5]) == .fixed(decimals: 1))
        #expect(FloatLayout.choose(for: [1e-5, 3e-6]) == .scientific(decimals: 0))
        #expect(FloatLayout.choose(for: [1.5e-5, 0, 3e-6]) == .scientific(decimals: 1))
        #expect(FloatLayout.choose(for: [1e15, 1]) == .scientific(decimals: 0))
        #expect(FloatLayout.choose(for: [Double]()) == .fixed(decimals: 0))
        #expect(FloatLayout.choose(for: [.nan, .infinity, -.infinity]) == .fixed(decimals: 0))
        #expect(FloatLayout.choose(for: [0, -0.0]) == .fixed(decimals: 0))
    }

    @Test func floatColumnLayoutFormats() {
        let fixed = FloatLayout.choose(for: [1.5, -0.25, 1234.125])
        #expect([1.5, -0.25, 1234.125, -0.0].map { fixed.format($0) } == ["1.50", "-0.25", "1,234.13", "0.00"])
        let scientific = FloatLayout.choose(for: [1.5e-5, 3e-6])
        #expect([1.5e-5, 3e-6, 0].map { scientific.format($0) } == ["1.5e-05", "3.0e-06", "0.0e+00"])
    }
}
