import Foundation

/// What to build and how, as given on the command line.
public struct BuildOptions: Sendable {
    /// The site root: the folder that holds `content/` and `templates/`.
    public var root: String
    /// The output folder; defaults to `<root>/public`.
    public var output: String?
    /// Overrides `base_url` from site.yml.
    public var baseURL: String?
    /// Overrides `contact` from site.yml (an e-mail or web address).
    public var contact: String?
    public var includeDrafts = false
    /// Treat warnings as errors.
    public var strict = false
    /// Replace an output folder that Casebook did not create.
    public var force = false
    /// Warn about settings a published site needs (a real address, a contact); off for previews.
    public var checksPublishingSettings = true
    /// Check only: load, validate and render, but write nothing.
    public var dryRun = false
    /// Where resized pictures are kept between builds; defaults to `<root>/.casebook/images`.
    public var pictureCache: String?
    /// Told what the build is doing as each phase starts (the command line shows it on a terminal).
    public var onProgress: (@Sendable (String) -> Void)?

    /// The output folder as an absolute path.
    public var outputPath: String {
        guard let output else { return root + "/public" }
        return output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output
    }

    /// The picture cache folder as an absolute path.
    public var pictureCachePath: String {
        guard let pictureCache else { return root + "/.casebook/images" }
        return pictureCache.hasPrefix("/") ? pictureCache : FileManager.default.currentDirectoryPath + "/" + pictureCache
    }

    public init(root: String, output: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                strict: Bool = false, force: Bool = false, dryRun: Bool = false) {
        self.root = root
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.force = force
        self.dryRun = dryRun
    }

    /// What is wrong with `--base-url` or `--contact`, if anything: a mistake on the command line, which
    /// the command line reports before any work (exit 64) and a build refuses all the same.
    public var overrideProblem: BuildError? {
        if let baseURL, case .problem(let message, let hint) = URLCheck.siteAddress(baseURL) {
            return BuildError("--base-url \(message)", hint: hint)
        }
        if let contact, SiteSettingsCheck.contactLink(contact) == nil {
            return BuildError("--contact should be an e-mail address or a web address, not `\(contact)`",
                              hint: "for example: --contact editors@your-organisation.org")
        }
        return nil
    }
}

/// What a build did: its diagnostics, what it wrote and how long each phase took.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Whether the output folder now holds this build (false when errors, or warnings under --strict, stopped it).
    public var succeeded: Bool
    public var pagesWritten: Int
    public var filesWritten: Int
    public var timings: [(phase: String, seconds: Double)]
    /// Resized copies of pictures libvips made in this build, and those found in the cache folder.
    public var pictureCopies: (made: Int, reused: Int) = (0, 0)
}
