import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Small coefficients and importances are shown to significant digits, never rounded into another
/// value by the column's places (-0.00006 beside 1.2 is not -0.0001).
@Suite struct ModelEstimateFormattingTests {
    private static func render(_ output: CommandOutput) -> String {
        OutputRenderer.render(output, style: RenderStyle(width: 200, ascii: false, color: false))
    }

    @Test func estimateColumnsKeepSmallValues() {
        let column = Column(name: "coefficient", data: .float([1.2, -0.00006, 0.0034, 0.00012, 0]))
        let plain = Table(uncheckedColumns: [column], rowCount: 5)
        let plainText = Self.render(CommandOutput([.table(plain)]))
        #expect(plainText.contains("-0.0001"), "the plain layout rounds at 4 places")
        let text = Self.render(CommandOutput([.table(plain.showingEstimates())]))
        #expect(text.contains("-6e-05"))
        #expect(text.contains("0.00012"))
        #expect(text.contains("0.0034"), "two significant digits at the column's places stay as they are")
        #expect(text.contains("1.2000"))
        #expect(!text.contains("-0.0001"))
        #expect(FloatLayout.fixed(decimals: 4).formatKeepingSmall(0) == "0.0000")
        #expect(FloatLayout.fixed(decimals: 2).formatKeepingSmall(0.004) == "0.004")
        #expect(FloatLayout.scientific(decimals: 1).formatKeepingSmall(0.00004) == "4.0e-05")
    }

    /// y = 1 + 2·x + 0.00006·z exactly: least squares recovers the small coefficient, and the
    /// coefficients table prints it as 6e-05.
    @Test func linearModelPrintsATinyCoefficientHonestly() throws {
        let rows = (1...20).map { i -> String in
            let x = Double(i), z = Double((i * 37) % 23) * 100
            return "\(i),\(z),\(1 + 2 * x + 0.00006 * z)"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("strata-tiny-coefficient-\(UUID().uuidString).csv")
        try ("x,z,y\n" + rows.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let s = Interpreter(registry: StandardCommands.registry)
        guard case .success = s.execute("load \"\(url.path)\" as t") else { Issue.record("load failed"); return }
        guard case .success(let output) = s.execute("model linear t target=y features=x,z folds=2 as m") else {
            Issue.record("model failed"); return
        }
        let text = Self.render(output)
        let line = try #require(text.split(separator: "\n").first { $0.contains("│ z") || $0.contains(" z ") && $0.contains("│") })
        #expect(line.contains("6e-05"), "\(line)")
        #expect(!line.contains("0.0001"), "\(line)")
    }
}
