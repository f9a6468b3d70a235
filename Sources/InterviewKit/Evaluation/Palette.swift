/// Terminal styling as plain functions, so renderers can be tested without escape codes.
public struct Palette: Sendable {
    public var bold: @Sendable (String) -> String
    public var dim: @Sendable (String) -> String
    public var good: @Sendable (String) -> String
    public var bad: @Sendable (String) -> String
    public var warn: @Sendable (String) -> String
    public var accent: @Sendable (String) -> String

    public init(
        bold: @escaping @Sendable (String) -> String, dim: @escaping @Sendable (String) -> String,
        good: @escaping @Sendable (String) -> String, bad: @escaping @Sendable (String) -> String,
        warn: @escaping @Sendable (String) -> String, accent: @escaping @Sendable (String) -> String
    ) {
        self.bold = bold
        self.dim = dim
        self.good = good
        self.bad = bad
        self.warn = warn
        self.accent = accent
    }

    public static let plain = Palette(bold: { $0 }, dim: { $0 }, good: { $0 }, bad: { $0 }, warn: { $0 }, accent: { $0 })

    public static let ansi = Palette(
        bold: { "\u{1B}[1m\($0)\u{1B}[0m" }, dim: { "\u{1B}[2m\($0)\u{1B}[0m" },
        good: { "\u{1B}[32m\($0)\u{1B}[0m" }, bad: { "\u{1B}[31m\($0)\u{1B}[0m" },
        warn: { "\u{1B}[33m\($0)\u{1B}[0m" }, accent: { "\u{1B}[36m\($0)\u{1B}[0m" }
    )
}
