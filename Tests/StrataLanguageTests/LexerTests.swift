import Testing
@testable import StrataLanguage
@Test func placeholderLang() { #expect(true) }
