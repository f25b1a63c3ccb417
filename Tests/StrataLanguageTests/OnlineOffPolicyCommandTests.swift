import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `online` and `offpolicy` end to end through the interpreter, on an eight-row log computed by hand.
@Suite struct OnlineOffPolicyCommandTests: InterpreterTesting {
    /// device, action, propensity, clicked:
    /// m A .8 1 · m A .8 0 · m B .2 1 · d A .5 0 · d B .5 1 · d B .5 0 · m A .8 0 · d A .5 1
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        let mobile = [true, true, true, false, false, false, true, false]
        let actionB = [false, false, true, false, true, true, false, false]
        ws.bind("log", table: try Table(columns: [
            Column(name: "device", data: .string(codes: mobile.map { $0 ? 0 : 1 }, dictionary: ["mobile", "desktop"])),
            Column(name: "strategy", data: .string(codes: actionB.map { $0 ? 1 : 0 }, dictionary: ["A", "B"])),
            Column(name: "propensity", data: .float(mobile.indices.map { mobile[$0] ? (actionB[$0] ? 0.2 : 0.8) : 0.5 })),
            Column(name: "clicked", data: .int([1, 0, 1, 0, 1, 0, 0, 1])),
            Column(name: "revenue", data: .float([10, 0, 5, 0, 20, 0, 0, 1])),
            Column(name: "zero", data: .float([0.5, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])),
            Column(name: "big", data: .float([0.5, 1.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])),
            Column(name: "gap", data: .float([0.5, 0.5, .nan, 0.5, 0.5, 0.5, 0.5, 0.5])),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    func values(_ i: Interpreter, _ table: String, _ column: String) -> [Double] {
        i.workspace.table(table)?.column(column)?.doubles() ?? []
    }

    @Test func onlineRatesPerGroup() throws {
        let i = try Self.interpreter()
        let out = run(i, "online log by=strategy as m")
        // A: 2 clicks of 5; B: 2 of 3; all: 4 of 8.
        #expect(out.contains("40.00%") && out.contains("66.67%") && out.contains("50.00%"))
        #expect(values(i, "m", "ctr") == [0.4, 2.0 / 3.0, 0.5])
        #expect(values(i, "m", "exposures") == [5, 3, 8])
        // Wilson 95% for 2/5: statsmodels gives (0.1176, 0.7693).
        let low = values(i, "m", "ctr_low")
        #expect(abs(low[0] - 0.117621) < 1e-5)
        for (a, b) in zip(values(i, "m", "revenue"), [11.0 / 5, 25.0 / 3, 4.5]) { #expect(abs(a - b) < 1e-12) }
        #expect(run(i, "online log by=device,strategy chart=ctr").contains("CTR %"))
        #expect(failure(i, "online log by=nothing").contains("no column 'nothing'"))
        #expect(failure(i, "online log by=device clicked=propensity").contains("0 or 1"))
    }

    @Test func offPolicyHandComputed() throws {
        let i = try Self.interpreter()
        let out = run(i, "offpolicy log action=strategy reward=clicked propensity=propensity policy=B context=device as e")
        #expect(out.contains("not uniform"))
        // IPS (5·1 + 2·1 + 2·0)/8; SNIPS 7/9; replay 2/3; DM (4·1 + 4·0.5)/8; DR = DM here; logged 4/8.
        let v = values(i, "e", "value")
        let expected = [2.0 / 3, 0.875, 7.0 / 9, 0.75, 0.75, 0.5]
        #expect(v.count == 6)
        for (a, b) in zip(v, expected) { #expect(abs(a - b) < 1e-12, "\(a) vs \(b)") }
        // Expression: A on mobile (weights 1.25, rewards 1, 0, 0), B on desktop (weights 2, rewards 1, 0).
        _ = run(i, "offpolicy log action=strategy reward=clicked propensity=propensity policy=\"if(device == 'mobile', 'A', 'B')\" as f")
        #expect(abs(values(i, "f", "value")[1] - 3.25 / 8) < 1e-12)
        let boot = run(i, "offpolicy log action=strategy reward=clicked propensity=propensity policy=A resamples=50 seed=4")
        #expect(boot == run(i, "offpolicy log action=strategy reward=clicked propensity=propensity policy=A resamples=50 seed=4"))
        #expect(boot.contains("bootstrap: 50 resamples"))
    }

    @Test func offPolicyBadInput() throws {
        let i = try Self.interpreter()
        let base = "offpolicy log action=strategy reward=clicked"
        #expect(failure(i, "\(base) propensity=zero policy=A").contains("row 2 has propensity 0"))
        #expect(failure(i, "\(base) propensity=big policy=A").contains("above 1"))
        #expect(failure(i, "\(base) propensity=gap policy=A").contains("row 3 has no propensity"))
        #expect(failure(i, "\(base) propensity=propensity policy=C").contains("'C' is not an action in the log; the actions are A, B"))
        #expect(failure(i, "\(base) propensity=propensity policy=\"if(device == 'mobile', 'A', 'Z')\"").contains("chooses 'Z' in row 4"))
        #expect(failure(i, "\(base) propensity=propensity").contains("policy="))
    }

    /// The bundled log against obp (Tests/fixtures-src/ope_reference.py).
    @Test func exposuresMatchObp() throws {
        guard FileManager.default.fileExists(atPath: "datasets/exposures.csv") else { return }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("StrataEngineTests/Fixtures/ope_reference.json")
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [String: Any]
        let e = try #require(json?["exposures"] as? [String: Any])
        let i = try Self.interpreter()
        _ = run(i, "load \"datasets/exposures.csv\" as x")
        _ = run(i, "offpolicy x action=strategy reward=clicked propensity=propensity policy=\"if(device == 'desktop', 'personalised', 'popular')\" context=device,segment as r")
        let v = values(i, "r", "value")
        for (k, key) in ["replay", "ips", "snips", "dm", "dr"].enumerated() {
            let expected = try #require(e[key] as? Double)
            #expect(abs(v[k] - expected) <= 1e-9, "\(key): \(v[k]) vs obp \(expected)")
        }
    }
}
