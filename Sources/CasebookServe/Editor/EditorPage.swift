import CasebookKit
/// The editor's page: a shell that `editor.js` fills with the form, built from the schema (the
/// vocabularies of site.yml) and the case study's values. No inline script or style: the site's
/// Content-Security-Policy holds here as on every page. The session token is written into this page
/// only, which no other site can read.
enum EditorPage {
    struct Setup {
        var token: String
        /// The case's address, or nil for a new case study.
        var slug: String?
        /// The site's path under the server root (`/` or `/showcase/`).
        var siteRoot: String
        /// Whether the preview shows drafts (`casebook serve --drafts`).
        var showsDrafts: Bool
    }

    static func html(_ setup: Setup) -> String {
        let heading = setup.slug == nil ? "New case study" : "Edit case study"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="robots" content="noindex">
        <meta name="casebook-token" content="\(HTMLText.escaped(setup.token))">
        <title>\(heading) · Casebook editor</title>
        <link rel="stylesheet" href="\(HTMLText.escaped(setup.siteRoot))assets/site.css">
        <link rel="stylesheet" href="\(EditorRoutes.apiPrefix)editor.css">
        <script src="\(EditorRoutes.apiPrefix)editor.js" defer></script>
        </head>
        <body class="ed-page">
        <a class="skip-link" href="#ed-form">Skip to the form</a>
        <header class="ed-header">
          <div class="ed-wrap">
            <a class="ed-brand" href="\(HTMLText.escaped(setup.siteRoot))">Casebook</a>
            <span class="ed-tag">Editor: on this computer’s preview only, never on the published site</span>
          </div>
        </header>
        <main id="main" class="ed-wrap" tabindex="-1" data-slug="\(HTMLText.escaped(setup.slug ?? ""))" \
        data-site-root="\(HTMLText.escaped(setup.siteRoot))" data-drafts="\(setup.showsDrafts)">
        <h1 id="ed-heading">\(heading)</h1>
        <p class="ed-intro">Fill in the form; each problem appears beside its field as you type, and in the list at the top. \
        Save publishes the case study on the next build; \
        Save as draft keeps it off the published site and may be used while problems remain.</p>
        <div id="ed-loading" role="status">Loading the form…</div>
        <noscript><p class="ed-alert">The editor needs JavaScript. The case studies can also be edited as text files in content/case-studies/.</p></noscript>
        </main>
        </body>
        </html>
        """
    }
}
