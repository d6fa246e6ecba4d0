/// How pictures are published (`images:` in site.yml): the widths their resized copies are made in,
/// and when an original is large enough to warn about. The defaults suit a page column of 60rem.
public struct ImageSettings: Sendable, Equatable {
    /// Widths in pixels of the resized copies; an original narrower than one is never enlarged.
    public var widths = [480, 960, 1440]
    /// Encoding quality of the WebP and JPEG copies, 1–100.
    public var quality = 80
    /// How wide a picture is shown, for the browser to choose a copy (the HTML `sizes` attribute).
    public var sizes = "(min-width: 62rem) 60rem, 100vw"
    /// An original larger than this many bytes gets a warning (its resized copies are published anyway).
    public var warnBytes = 2_000_000
    /// An original wider than this many pixels gets a warning.
    public var warnWidth = 2_400
    /// An original with more pixels than this is refused before it is decoded: it could exhaust the
    /// memory of the computer building the site (an "image bomb" declares 30000 × 30000 in a few bytes).
    public var largestPixels = 100_000_000

    public init() {}

    /// The width of the largest copy: an original wider than it is never published at full width.
    public var largestCopy: Int { widths.max() ?? 1440 }
}
