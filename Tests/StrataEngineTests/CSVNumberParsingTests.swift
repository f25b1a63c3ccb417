import Testing
@testable import StrataEngine

@Suite("CSV number parsing")
struct CSVNumberParsingTests {
    private func double(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { CSVNumberParsing.parseDouble($0) }
    }

    private func int(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { CSVNumberParsing.parseInt($0) }
    }

    @Test func floatsRoundTripTheirShortestForm() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: rng.next())
            guard value.isFinite else { continue }
            #expect(double(value.description) == value, "\(value)")
        }
        for _ in 0..<20_000 {
            let value = (rng.nextDouble() - 0.5) * pow10(Double(rng.nextInt(below: 20)))
            #expect(double(value.description) == value, "\(value)")
        }
    }

    private func pow10(_ e: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(e) { r *= 10 }
        return r
    }

    @Test func hardDecimalsAreCorrectlyRounded() {
        let cases = [
            "0.1", "2.55", "9007199254740993", "123456789012345678901234567890", "1e-320", "4.9e-324",
            "1.7976931348623157e308", "2.2250738585072011e-308", "0.30000000000000004", "1e23", "8.5e-5",
            "1234567890123456789.5", "-0.0", "00012.5000",
        ]
        for text in cases {
            #expect(double(text) == Double(text), "\(text)")
        }
        #expect(double("1e400") == .infinity)
        #expect(double("-inf") == -.infinity)
        #expect(double("Infinity") == .infinity)
    }

    @Test func malformedNumbersAreRejected() {
        for text in ["", "-", "+", ".", "1.2.3", "1e", "1e+", "e5", "0x10", "1,5", "12abc", "nan", "1 2"] {
            #expect(double(text) == nil, "\(text)")
        }
        for text in ["", "-", "1.0", "1e3", "9223372036854775808", "-9223372036854775809", "1_000"] {
            #expect(int(text) == nil, "\(text)")
        }
        #expect(int("+42") == 42)
        #expect(int("  -7\t") == -7)
        #expect(int("0000000000000000000000012") == 12)
    }

    @Test func thousandsSeparatorShapes() {
        func shape(_ text: String) -> CSVTypeCandidates {
            Array(text.utf8).withUnsafeBufferPointer { CSVNumberParsing.numericShape($0) }
        }
        #expect(shape("1,234").contains(.groupedInt))
        #expect(shape("1,234").contains(.hasThousandsSeparator))
        #expect(!shape("1,234").contains(.int))
        #expect(shape("12,345,678.9").contains(.groupedFloat))
        #expect(!shape("12,345,678.9").contains(.groupedInt))
        #expect(shape("1234,567").isEmpty)
        #expect(shape("1,23").isEmpty)
        #expect(shape(",123").isEmpty)
        #expect(shape("1,234e5").isEmpty)
        #expect(shape("12").isSuperset(of: .numeric))
    }
}
