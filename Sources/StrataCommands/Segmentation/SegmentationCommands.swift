/// Segmentation: RFM, scaling, scoring matrices, tiers, profiles and migration; clustering commands join them.
package enum SegmentationCommands {
    package static let all: [CommandSpec] = [RFMCommand.spec, ScaleCommand.spec, ScoreCommand.spec, SegmentCommand.spec,
                                     ProfileCommand.spec, MigrateCommand.spec]
        + ClusterCommands.specs + [KDistCommand.spec, ProjectionCommands.pca, ProjectionCommands.assign]
}
