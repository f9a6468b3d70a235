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

