/// Word lists for the imaginary homeware shop. Tags are the "genres" of items.csv and the axes
/// of customers' tastes, so their order is the order of every taste vector.
enum Vocabulary {
    static let tags = [
        "vintage", "minimalist", "rustic", "eco", "luxury", "budget", "kids", "outdoor",
        "nordic", "industrial", "handmade", "festive", "boho", "smart", "gift", "colourful",
    ]

    static func tag(_ name: String) -> Int {
        guard let i = tags.firstIndex(of: name) else { preconditionFailure("unknown tag \(name)") }
        return i
    }

    /// Title prefixes that make an item's main tag visible in its name.
    static let styleWords: [[String]] = [
        ["Vintage", "Retro", "Heritage"], ["Minimal", "Simple", "Slimline"], ["Rustic", "Farmhouse", "Cottage"],
        ["Eco", "Recycled", "Organic"], ["Luxe", "Premium", "Grand"], ["Value", "Basic", "Everyday"],
        ["Kids", "Little", "Junior"], ["Outdoor", "All-Weather", "Camping"], ["Nordic", "Scandi", "Fjord"],
        ["Industrial", "Loft", "Factory"], ["Handmade", "Artisan", "Hand-Painted"], ["Festive", "Christmas", "Winter"],
        ["Boho", "Macrame", "Woven"], ["Smart", "Wi-Fi", "Touch"], ["Gift", "Keepsake", "Boxed"],
        ["Colourful", "Rainbow", "Bright"],
    ]

    /// Closing phrase of a description, keyed by tag.
    static let tagPhrases = [
        "with a warm vintage look", "in a clean minimalist style", "with a rustic farmhouse feel",
        "made from responsibly sourced materials", "with premium finishing touches", "at an everyday price",
        "designed for little hands", "built for outdoor use", "in a calm Scandinavian palette",
        "with an industrial edge", "made by small workshops", "for the festive season",
        "with a relaxed boho vibe", "with app and voice control", "gift-boxed and ready to give",
        "in bold cheerful colours",
    ]

    static let openers = [
        "Hand-finished", "Compact", "Sturdy", "Lightweight", "Classic", "Soft", "Durable",
        "Generous", "Easy-care", "Statement", "Stackable", "Timeless",
    ]

    struct Category {
        let name: String
        let share: Double
        let basePrice: Double
        let nouns: [String]
        let materials: [String]
        /// Tags this kind of product tends to carry whatever its style.
        let typicalTags: [String]
    }

    static let categories: [Category] = [
        Category(name: "Lighting", share: 0.11, basePrice: 32,
                 nouns: ["Desk Lamp", "Floor Lamp", "Pendant Shade", "String Lights", "Table Lamp", "Wall Sconce", "Lantern", "Night Light"],
                 materials: ["Brass", "Copper", "Rattan", "Ceramic", "Glass", "Walnut", "Concrete", "Paper"],
                 typicalTags: ["smart", "industrial", "nordic", "minimalist"]),
        Category(name: "Furniture", share: 0.08, basePrice: 110,
                 nouns: ["Side Table", "Bookcase", "Bar Stool", "Armchair", "Coffee Table", "Storage Bench", "Console Table", "Shoe Rack"],
                 materials: ["Oak", "Walnut", "Pine", "Rattan", "Steel", "Bamboo", "Teak", "Birch"],
                 typicalTags: ["nordic", "industrial", "rustic", "minimalist"]),
        Category(name: "Kitchen", share: 0.15, basePrice: 16,
                 nouns: ["Mug Set", "Teapot", "Chopping Board", "Bread Bin", "Spice Rack", "Mixing Bowl", "Cake Tin", "Utensil Pot", "Salad Servers"],
                 materials: ["Ceramic", "Enamel", "Acacia", "Stoneware", "Copper", "Glass", "Bamboo", "Cast Iron"],
                 typicalTags: ["rustic", "handmade", "eco", "colourful"]),
        Category(name: "Textiles", share: 0.13, basePrice: 26,
                 nouns: ["Throw Blanket", "Cushion Cover", "Rug", "Tea Towel Set", "Table Runner", "Bedspread", "Apron", "Curtain Panel"],
                 materials: ["Linen", "Wool", "Cotton", "Velvet", "Jute", "Chenille", "Knitted", "Waffle"],
                 typicalTags: ["boho", "nordic", "handmade", "vintage"]),
        Category(name: "Decor", share: 0.15, basePrice: 20,
                 nouns: ["Wall Clock", "Vase", "Photo Frame", "Round Mirror", "Plant Pot", "Art Print", "Candle Holder", "Trinket Box"],
                 materials: ["Marble", "Brass", "Ceramic", "Glass", "Terracotta", "Driftwood", "Gilded", "Resin"],
                 typicalTags: ["vintage", "boho", "festive", "luxury"]),
        Category(name: "Stationery", share: 0.11, basePrice: 7,
                 nouns: ["Notebook", "Pen Set", "Desk Organiser", "Weekly Planner", "Greeting Card Pack", "Gift Wrap Roll", "Sticker Sheet", "Pencil Case"],
                 materials: ["Kraft", "Leather", "Linen", "Recycled", "Foil", "Pastel", "Cork", "Marbled"],
                 typicalTags: ["gift", "colourful", "budget", "festive"]),
        Category(name: "Garden", share: 0.09, basePrice: 22,
                 nouns: ["Watering Can", "Bird Feeder", "Planter", "Garden Lantern", "Seed Kit", "Hose Reel", "Tool Set", "Bird Bath"],
                 materials: ["Galvanised", "Terracotta", "Cedar", "Zinc", "Willow", "Stone", "Recycled", "Iron"],
                 typicalTags: ["outdoor", "eco", "rustic"]),
        Category(name: "Toys", share: 0.10, basePrice: 14,
                 nouns: ["Jigsaw Puzzle", "Board Game", "Plush Bear", "Building Blocks", "Kite", "Wooden Train", "Craft Kit", "Skipping Rope"],
                 materials: ["Wooden", "Felt", "Plush", "Rainbow", "Magnetic", "Giant", "Mini", "Cotton"],
                 typicalTags: ["kids", "colourful", "gift", "budget"]),
        Category(name: "Bath", share: 0.08, basePrice: 15,
                 nouns: ["Soap Dish", "Bath Mat", "Toothbrush Holder", "Shower Caddy", "Hand Soap Set", "Bath Sheet", "Laundry Basket", "Wash Bag"],
                 materials: ["Bamboo", "Cotton", "Marble", "Ceramic", "Waffle", "Teak", "Enamel", "Organic"],
                 typicalTags: ["eco", "minimalist", "luxury", "nordic"]),
    ]

    static func category(_ name: String) -> Int {
        guard let i = categories.firstIndex(where: { $0.name == name }) else { preconditionFailure("unknown category \(name)") }
        return i
    }

    /// Coherent looks an item is designed in; an item's tags come mostly from one of them,
    /// which is what makes tags co-occur the way real catalogue tags do.
    static let styles: [(share: Double, tags: [String])] = [
        (0.16, ["vintage", "rustic", "handmade"]),
        (0.17, ["minimalist", "nordic", "industrial", "smart"]),
        (0.14, ["eco", "handmade", "outdoor", "rustic"]),
        (0.12, ["luxury", "minimalist", "gift", "smart"]),
        (0.17, ["budget", "colourful", "kids", "festive"]),
        (0.12, ["colourful", "boho", "kids", "gift"]),
        (0.12, ["festive", "gift", "colourful", "boho"]),
    ]

    /// Price multipliers by tag: a "luxury" lamp costs more than a "budget" one.
    static let tagPriceFactor: [String: Double] = [
        "luxury": 2.2, "budget": 0.55, "handmade": 1.25, "smart": 1.7, "gift": 1.1, "kids": 0.85, "eco": 1.1,
    ]

    /// ISO 3166 alpha-2 codes (short, and none that CSV readers mistake for booleans or
    /// missing markers, which is why Norway "NO" and Namibia "NA" are absent).
    static let countries: [(code: String, share: Double)] = [
        ("GB", 0.680), ("DE", 0.060), ("FR", 0.060), ("IE", 0.035), ("NL", 0.035), ("ES", 0.025),
        ("BE", 0.020), ("IT", 0.015), ("SE", 0.015), ("PT", 0.010), ("CH", 0.010), ("DK", 0.010),
        ("AT", 0.0075), ("PL", 0.0075),
    ]

    static let channels = ["web", "app", "store"]
    static let devices = ["mobile", "desktop", "tablet"]
}
