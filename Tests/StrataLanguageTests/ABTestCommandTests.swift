import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `abtest` and `abtest plan` end to end through the interpreter.
@Suite struct ABTestCommandTests: InterpreterTesting {
    /// 400 visitors: A converts 10 of 200, B 30 of 200; revenue and a covariate that predicts it;
    /// `solo` has one variant, `bad` a conversion column holding a 2, and every desktop row is in B.
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        let n = 400
        let variant = (0..<n).map { Int32($0 % 2) }
        func converts(_ i: Int) -> Bool {
            let k = (i / 2) % 20
            return i % 2 == 0 ? k == 0 : k < 3
        }
        let converted = (0..<n).map { Int64(converts($0) ? 1 : 0) }
        let pre = (0..<n).map { Double(($0 * 37) % 50) }
        let revenue = (0..<n).map { i -> Double in
            let noise = Double((i * 13) % 7)
            return pre[i] * 0.8 + noise + (i % 2 == 1 ? 2 : 0)
        }
        let sessions = (0..<n).map { Int64(1 + ($0 * 7) % 4) }
        ws.bind("ab", table: try Table(columns: [
            Column(name: "variant", data: .string(codes: variant, dictionary: ["A", "B"])),
            Column(name: "converted", data: .int(converted)),
            Column(name: "revenue", data: .float(revenue)),
            Column(name: "pre", data: .float(pre)),
            Column(name: "sessions", data: .int(sessions)),
            Column(name: "device", data: .string(codes: (0..<n).map { Int32($0 % 4 == 3 ? 1 : 0) }, dictionary: ["mobile", "desktop"])),
            Column(name: "solo", data: .string(codes: [Int32](repeating: 0, count: n), dictionary: ["A"])),
            Column(name: "bad", data: .int((0..<n).map { $0 == 5 ? 2 : 0 })),
            Column(name: "label", data: .string(codes: [Int32](repeating: 0, count: n), dictionary: ["x"])),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    @Test func conversionTableAndSentence() throws {
        let i = try Self.interpreter()
        let out = run(i, "abtest ab variant=variant metric=converted")
        #expect(out.contains("5.00% (10)") && out.contains("15.00% (30)"))
        #expect(out.contains("+10.00"))
        // z = 0.1 / √(0.1·0.9·(2/200)) = 3.333…, p = 0.000858
        #expect(out.contains("0.00086"))
        #expect(out.contains("B converted at 15.00% against 5.00% for A"))
        #expect(out.contains("is not the probability"))
        #expect(out.contains("ok (1)"))
    }

    @Test func testsCupedRatioSegmentsAndSequential() throws {
        let i = try Self.interpreter()
        #expect(run(i, "abtest ab variant=variant metric=converted test=yates").contains("with Yates' continuity correction"))
        #expect(run(i, "abtest ab variant=variant metric=converted test=chi2").contains("without Yates' continuity correction"))
        #expect(run(i, "abtest ab variant=variant metric=revenue test=mannwhitney").contains("Mann–Whitney"))
        let boot = run(i, "abtest ab variant=variant metric=revenue test=bootstrap resamples=200 seed=3")
        #expect(boot == run(i, "abtest ab variant=variant metric=revenue test=bootstrap resamples=200 seed=3"))
        let cuped = run(i, "abtest ab variant=variant metric=revenue covariate=pre")
        #expect(cuped.contains("CUPED with pre") && cuped.contains("variance reduced by"))
        #expect(run(i, "abtest ab variant=variant metric=revenue kind=ratio denominator=sessions").contains("Σrevenue ÷ Σsessions"))
        let segments = run(i, "abtest ab variant=variant metric=converted,revenue by=device correction=bh")
        #expect(segments.contains("desktop") && segments.contains("mobile") && segments.contains("Benjamini–Hochberg"))
        let sequential = run(i, "abtest ab variant=variant metric=converted sequential=yes looks=4")
        #expect(sequential.contains("p_always_valid") && sequential.contains("hold at every look"))
    }

    @Test func sampleRatioMismatchIsFlagged() throws {
        let i = try Self.interpreter()
        let out = run(i, "abtest ab variant=variant metric=converted design=80:20")
        #expect(out.contains("MISMATCH") && out.contains("sample ratio mismatch"))
    }

    @Test func planMatchesStatsmodels() throws {
        let i = try Self.interpreter()
        // statsmodels: NormalIndPower().solve_power(proportion_effectsize(0.11, 0.10), power=0.8, alpha=0.05) = 14744.1
        #expect(run(i, "abtest plan baseline=0.1 mde=0.01").contains("14,745"))
        // TTestIndPower().solve_power(2/30, power=0.8, alpha=0.05) = 3532.9
        #expect(run(i, "abtest plan kind=mean baseline=42 sd=30 mde=2").contains("3,533"))
        #expect(run(i, "abtest plan baseline=0.1 n=10000").contains("minimum detectable effect"))
    }

    @Test func badInputGivesClearMessages() throws {
        let i = try Self.interpreter()
        #expect(failure(i, "abtest ab variant=solo metric=converted").contains("only the value 'A'"))
        #expect(failure(i, "abtest ab metric=converted").contains("variant=COLUMN"))
        #expect(failure(i, "abtest ab variant=variant").contains("metric=COLUMN"))
        #expect(failure(i, "abtest ab variant=variant metric=bad kind=conversion").contains("0 or 1"))
        #expect(failure(i, "abtest ab variant=variant metric=label").contains("text column"))
        #expect(failure(i, "abtest ab variant=variant metric=converted control=Z").contains("not a variant"))
        #expect(failure(i, "abtest ab variant=variant metric=converted design=1:1:1").contains("3 shares but there are 2 variants"))
        #expect(failure(i, "abtest ab variant=variant metric=revenue test=z").contains("does not apply"))
        #expect(failure(i, "abtest ab variant=variant metric=revenue kind=ratio").contains("denominator="))
        #expect(failure(i, "abtest plan baseline=1.5 mde=0.01").contains("between 0 and 1"))
        #expect(failure(i, "abtest plan baseline=0.1").contains("mde="))
        #expect(failure(i, "abtest plan kind=mean baseline=3 mde=1").contains("sd="))
        // Every desktop row is in B: that segment is reported as not analysed, the others still are.
        let out = run(i, "abtest ab variant=variant metric=converted by=device")
        #expect(out.contains("not analysed") && out.contains("'A' has no units") && out.contains("mobile"))
    }
}
