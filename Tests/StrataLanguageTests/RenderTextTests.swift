import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct RenderTextTests {
    @Test func displayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth Latin
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("\u{1112}\u{1161}\u{11AB}") == 2)  // decomposed 한
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Zoë Saldaña") == 11)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("│─…×") == 4)
    }

    @Test func truncation() {
        #expect(DisplayWidth.truncate("abcdef", to: 6, ellipsis: "…") == "abcdef")
        #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "…") == "abc…")
        #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "...") == "a...")
        #expect(DisplayWidth.truncate("abcdef", to: 2, ellipsis: "...") == "..")
        #expect(DisplayWidth.truncate("abcdef", to: 1, ellipsis: "…") == "…")
        #expect(DisplayWidth.truncate("abcdef", to: 0, ellipsis: "…") == "")
        #expect(DisplayWidth.truncate("東京タワー", to: 5, ellipsis: "…") == "東京…")
        #expect(DisplayWidth.truncate("東京タワー", to: 4, ellipsis: "…") == "東…")
        // Never splits a grapheme: the accent stays with its letter.
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2, ellipsis: "…") == "e\u{301}…")
    }

    @Test func controlCharactersCannotBreakALine() {
        #expect(CellText.sanitize("plain text", ascii: false) == "plain text")
        #expect(CellText.sanitize("a\nb", ascii: false) == "a↵b")
        #expect(CellText.sanitize("a\nb", ascii: true) == "a\\nb")
        #expect(CellText.sanitize("a\r\nb", ascii: false) == "a↵b")
        #expect(CellText.sanitize("a\r\nb", ascii: true) == "a\\r\\nb")
        #expect(CellText.sanitize("a\tb", ascii: false) == "a⇥b")
        #expect(CellText.sanitize("a\tb", ascii: true) == "a\\tb")
        #expect(CellText.sanitize("\u{1B}[31mred", ascii: false) == "␛[31mred")
        #expect(CellText.sanitize("\u{1B}[31mred", ascii: true) == "\\x1B[31mred")
        #expect(CellText.sanitize("\u{0}\u{7F}", ascii: false) == "␀␡")
        #expect(CellText.sanitize("x\u{85}y\u{202E}z", ascii: false) == "x\u{FFFD}y\u{FFFD}z")
        #expect(CellText.sanitize("x\u{85}y\u{2028}z", ascii: true) == "x?y?z")
        #expect(CellText.sanitize("東京 é", ascii: true) == "東京 é")
    }

    @Test func valueText() {
        #expect(ValueFormatter.format(.missing) == "NA")
        #expect(ValueFormatter.format(.float(.nan)) == "NA")
        #expect(ValueFormatter.format(.int(-1_234_567)) == "-1,234,567")
        #expect(ValueFormatter.format(.int(2011)) == "2011")
        #expect(ValueFormatter.format(.int(-12_345)) == "-12,345")
        #expect(ValueFormatter.format(.float(1234.5)) == "1234.5")
        #expect(ValueFormatter.format(.float(12_345.5)) == "12,345.5")
        #expect(ValueFormatter.format(.float(0.1 + 0.2)) == "0.3")
        #expect(ValueFormatter.format(.float(-0.0)) == "0")
        #expect(ValueFormatter.format(.float(1e-7)) == "1e-07")
        #expect(ValueFormatter.format(.bool(true)) == "true")
        #expect(ValueFormatter.format(.bool(false)) == "false")
        #expect(ValueFormatter.format(.date(CivilCalendar.days(year: 2011, month: 12, day: 9))) == "2011-12-09")
        #expect(ValueFormatter.format(.timestamp(1_323_419_400)) == "2011-12-09 08:30:00")
        #expect(ValueFormatter.format(.string("line one\nline two")) == "line one↵line two")
        #expect(ValueFormatter.format(.string("abcdefghij"), maxWidth: 8) == "abcdefg…")
        #expect(ValueFormatter.format(.string("abcdefghij"), ascii: true, maxWidth: 8) == "abcde...")
        #expect(ValueFormatter.format(.string("")) == "")
    }
}
