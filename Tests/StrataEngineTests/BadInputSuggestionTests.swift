import Testing
@testable import StrataEngine

/// "Did you mean" on very long names: the bounded distance agrees with the full one, and a
/// 100,000-character name is answered at once instead of after minutes of quadratic work.
@Suite struct BadInputSuggestionTests {
    @Test func boundedDistanceAgreesWithTheFullTable() {
        var g = SeededGenerator(seed: 11)
        let alphabet: [Character] = ["a", "b", "c", "é"]
        func word() -> [Character] { (0..<g.nextInt(below: 9)).map { _ in alphabet[g.nextInt(below: alphabet.count)] } }
        for _ in 0..<4_000 {
            let a = word(), b = word()
            let full = Suggestions.distance(a, b)
            for limit in 0...4 {
                let bounded = Suggestions.distance(a, b, atMost: limit)
                #expect(bounded == (full <= limit ? full : nil), "\(String(a)) / \(String(b)) limit \(limit)")
            }
        }
    }

    @Test func longNamesAreAnsweredQuickly() {
        let long = String(repeating: "y", count: 100_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(Suggestions.closest(to: long + "z", among: [long, "year"]) == long)
            #expect(Suggestions.closest(to: String(repeating: "q", count: 100_000), among: [long]) == nil)
        }
        #expect(elapsed < .seconds(5))
    }

    @Test func typoSuggestionsAreUnchanged() {
        #expect(Suggestions.closest(to: "quantiy", among: ["invoice", "quantity", "country"]) == "quantity")
        #expect(Suggestions.closest(to: "cuntry", among: ["country", "county"]) == "country")
        #expect(Suggestions.closest(to: "flaot", among: ["int", "float"]) == "float")
        #expect(Suggestions.closest(to: "xyz", among: ["amount"]) == nil)
        #expect(Suggestions.closest(to: "qty", among: []) == nil)
    }
}
