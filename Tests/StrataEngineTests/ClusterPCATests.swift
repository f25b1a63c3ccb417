import Testing
@testable import StrataEngine

@Suite struct ClusterPCATests {
    @Test func equalsScikitLearnOnIrisAndBlobs() throws {
        let cases = [(ClusteringFixture.irisMatrix, ClusteringFixture.shared.iris.pca),
                     (ClusteringFixture.blobsMatrix, ClusteringFixture.shared.blobs.pca)]
        for (x, expected) in cases {
            let model = try PCA(PCAParameters(components: 4)).fit(x, context: .quiet)
            for (ours, theirs) in zip(model.explainedVarianceRatio, expected.explained_variance_ratio) {
                #expect(relativelyClose(ours, theirs, 1e-9))
            }
            for (ours, theirs) in zip(model.explainedVariance, expected.explained_variance) {
                #expect(relativelyClose(ours, theirs, 1e-9))
            }
            // Same signs as scikit-learn's svd_flip: each axis's largest entry positive.
            for c in 0..<4 {
                for f in 0..<4 { #expect(abs(model.components[c, f] - expected.components[c][f]) < 1e-9) }
            }
            for f in 0..<4 { #expect(relativelyClose(model.mean[f], expected.mean[f], 1e-12)) }
            let projected = model.transform(x.takingRows([0, 1, 2, 3, 4]))
            #expect(projected.columnNames == ["PC1", "PC2", "PC3", "PC4"])
            for i in 0..<5 {
                for c in 0..<4 { #expect(abs(projected[i, c] - expected.transform_first_5[i][c]) < 1e-9) }
            }
        }
    }

    @Test func twoComponentsAreThePrefix() throws {
        let full = try PCA(PCAParameters(components: 4)).fit(ClusteringFixture.irisMatrix, context: .quiet)
        let two = try PCA(PCAParameters(components: 2)).fit(ClusteringFixture.irisMatrix, context: .quiet)
        #expect(two.components.rowCount == 2)
        #expect(two.explainedVarianceRatio == Array(full.explainedVarianceRatio.prefix(2)))
        #expect(two.transform(ClusteringFixture.irisMatrix).columnCount == 2)
    }

    @Test func handComputedTinyCase() throws {
        // Points on the line y = x: all variance along (1, 1)/√2; variance of t·√2 for t = −1, 0, 1 is 2.
        let x = FeatureMatrix(columns: [[1, 2, 3], [1, 2, 3]], names: ["a", "b"])
        let model = try PCA(PCAParameters(components: 2)).fit(x, context: .quiet)
        #expect(abs(model.explainedVariance[0] - 2) < 1e-12)
        #expect(abs(model.explainedVariance[1]) < 1e-12)
        #expect(abs(model.explainedVarianceRatio[0] - 1) < 1e-12)
        #expect(abs(model.components[0, 0] - 0.5.squareRoot()) < 1e-12)
        #expect(abs(model.components[0, 1] - 0.5.squareRoot()) < 1e-12)
    }

    @Test func badInputIsRefused() {
        let x = FeatureMatrix(columns: [[1, 2, 3], [4, 4, 4]], names: ["a", "b"])
        #expect(throws: EngineError.self) { _ = try PCA(PCAParameters(components: 3)).fit(x, context: .quiet) }
        #expect(throws: EngineError.self) { _ = try PCA(PCAParameters(components: 0)).fit(x, context: .quiet) }
        #expect(throws: EngineError.self) { _ = try PCA(PCAParameters(components: 1)).fit(x.takingRows([0]), context: .quiet) }
        let constant = FeatureMatrix(columns: [[2, 2, 2]], names: ["a"])
        #expect(throws: EngineError.self) { _ = try PCA(PCAParameters(components: 1)).fit(constant, context: .quiet) }
        let withNaN = FeatureMatrix(columns: [[1, .nan, 3]], names: ["a"])
        #expect(throws: EngineError.self) { _ = try PCA(PCAParameters(components: 1)).fit(withNaN, context: .quiet) }
    }
}
