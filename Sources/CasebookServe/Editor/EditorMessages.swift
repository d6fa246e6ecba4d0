import CasebookKit

/// The JSON the editor's page and the server exchange (snake_case keys, like the front matter).
enum EditorMessages {
    /// `POST check`: the form as it stands, and the file it belongs to (nil for a new case study).
    struct Check: Codable, Sendable {
        var path: String?
        var form: CaseForm
    }

    /// `POST preview`: the story's Markdown.
    struct Preview: Codable, Sendable {
        var markdown: String
    }

    /// `POST save`: the form, the file (nil for a new one) and the digest of the file as it was opened.
    struct Save: Codable, Sendable {
        var path: String?
        var form: CaseForm
        var digest: String?
    }

    /// `POST upload`: an image, its file name and its alt text; the bytes in base64 (the body stays JSON,
    /// so an upload is checked like every other write).
    struct Upload: Codable, Sendable {
        var fileName: String
        var alt: String
        var data: String

        enum CodingKeys: String, CodingKey {
            case fileName = "file_name", alt, data
        }
    }

    /// An opened case study, for the form.
    struct Opened: Codable, Sendable {
        var path: String
        var digest: String
        var form: CaseForm
        var pageUrl: String

        enum CodingKeys: String, CodingKey {
            case path, digest, form, pageUrl = "page_url"
        }
    }

    struct Saved: Codable, Sendable {
        var path: String
        var digest: String
        var pageUrl: String
        var draft: Bool
        var problems: [FieldProblem]

        enum CodingKeys: String, CodingKey {
            case path, digest, pageUrl = "page_url", draft, problems
        }
    }

    struct Problems: Codable, Sendable {
        var problems: [FieldProblem]
    }

    struct Rendered: Codable, Sendable {
        var html: String
    }

    struct Uploaded: Codable, Sendable {
        var src: String
        var alt: String
    }

    /// Why something could not be done: `kind` lets the page react (offer to reload after `changed_on_disk`).
    struct Failure: Codable, Sendable {
        var kind: String
        var message: String
        var hint: String?
        var problems: [FieldProblem]?
    }
}
