import Testing
@testable import StrataEngine
@Test func placeholder() { #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0) }
