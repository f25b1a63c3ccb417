/// The context a user asks in: a device and an hour of the day, either may be absent.
public struct RequestedContext: Sendable, Equatable {
    public var device: String?
    /// 0–23.
    public var hour: Int?

    public init(device: String? = nil, hour: Int? = nil) {
        self.device = device
        self.hour = hour
    }

    public var isEmpty: Bool { device == nil && hour == nil }
}

/// The context values a model saw in training: what a request is resolved against.
public struct ContextVocabulary: Sendable, Equatable {
    /// Distinct device values, sorted.
    public let devices: [String]
    /// Hour bands with at least one training row.
    public let bands: [HourBand]

    public init(devices: [String], bands: [HourBand]) {
        self.devices = devices
        self.bands = bands
    }

    public func deviceIndex(_ name: String) -> Int? { devices.firstIndex(of: name) }

    /// The request in the model's terms. A value never seen in training is dropped, and a note says
    /// so: the list is then ranked as if that part of the context were unknown, never refused.
    public func resolve(_ request: RequestedContext) -> ResolvedContext {
        var out = ResolvedContext()
        if let name = request.device {
            if let d = deviceIndex(name) {
                out.device = d
                out.deviceName = name
            } else {
                out.fallbacks.append("device '\(name)' was never seen in training ("
                    + (devices.isEmpty ? "no device column" : "devices: " + devices.joined(separator: ", "))
                    + "); ranked without the device")
            }
        }
        if let hour = request.hour, let band = HourBand(hour: hour) {
            if bands.contains(band) {
                out.band = band
                out.hour = hour
            } else {
                out.fallbacks.append("hour \(hour) falls in \(band.phrase), which has no training rows"
                    + (bands.isEmpty ? " (no hour column)" : "") + "; ranked without the hour")
            }
        }
        return out
    }
}

/// A request resolved against a model's vocabulary: indices it can use, and what it had to drop.
public struct ResolvedContext: Sendable, Equatable {
    /// Index into the vocabulary's devices.
    public var device: Int?
    public var deviceName: String?
    public var band: HourBand?
    /// The hour asked for, kept for the description.
    public var hour: Int?
    /// One sentence per requested value the model could not use.
    public var fallbacks: [String] = []

    public init(device: Int? = nil, deviceName: String? = nil, band: HourBand? = nil, hour: Int? = nil) {
        self.device = device
        self.deviceName = deviceName
        self.band = band
        self.hour = hour
    }

    public var isEmpty: Bool { device == nil && band == nil }

    /// "mobile, 21 h (the evening)" or "no context".
    public var description: String {
        var parts: [String] = []
        if let deviceName { parts.append(deviceName) }
        if let band { parts.append(hour.map { "\($0) h (\(band.name))" } ?? band.name) }
        return parts.isEmpty ? "no context" : parts.joined(separator: ", ")
    }
}
