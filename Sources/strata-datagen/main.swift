// strata-datagen: writes the bundled teaching datasets from one seed.
//
//   strata-datagen [--out DIR] [--seed N]
//
// Hand-parsed options keep this tool free of package dependencies.

import StrataEngine
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

let defaultSeed: UInt64 = 20_261_122
let customerCount = 5_000
let itemCount = 1_500

func usage() -> Never {
    Output.error("usage: strata-datagen [--out DIR] [--seed N]")
    exit(2)
}

var outDirectory = "datasets"
var seed = defaultSeed
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    switch flag {
    case "--out":
        guard let value = arguments.popFirst(), !value.isEmpty else { usage() }
        outDirectory = value
    case "--seed":
        guard let value = arguments.popFirst(), let parsed = UInt64(value) else { usage() }
        seed = parsed
    case "-h", "--help":
        print("usage: strata-datagen [--out DIR] [--seed N]   (defaults: --out datasets --seed \(defaultSeed))")
        exit(0)
    default:
        Output.error("strata-datagen: unknown argument '\(flag)'")
        usage()
    }
}

let items = ItemFactory.make(count: itemCount, seed: seed)
let sortedPrices = items.map(\.priceCents).sorted()
let world = World(customers: CustomerFactory.make(count: customerCount, seed: seed),
                  items: items, medianPriceCents: sortedPrices[sortedPrices.count / 2])

let (transactions, purchases) = TransactionFactory.make(world: world, seed: seed)
let (customers, segments) = CustomerTable.make(world: world, purchases: purchases, seed: seed)
let files = [
    customers,
    transactions,
    ItemFactory.write(items),
    RatingFactory.make(world: world, seed: seed),
    EventFactory.make(world: world, seed: seed),
    ExperimentFactory.make(seed: seed),
    WidgetExperimentFactory.make(seed: seed),
    segments,
    WeeklyKPIFactory.make(seed: seed),
] + ExposureFactory.make(world: world, seed: seed)

do {
    try Output.makeDirectory(outDirectory)
    var total = 0
    for file in files {
        let bytes = try Output.write(file, into: outDirectory)
        total += bytes
        print("\(file.name): \(file.rows) rows, \(bytes) bytes")
    }
    print("total \(total) bytes in \(outDirectory) (seed \(seed))")
} catch {
    Output.error("strata-datagen: \(error)")
    exit(1)
}
