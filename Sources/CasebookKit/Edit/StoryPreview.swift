/// The story's preview in the editor, rendered by the same cmark path as the site (raw HTML and
/// `javascript:` links are never emitted).
public enum StoryPreview {
    public static func html(markdown: String) -> String {
        Markdown.render(MarkdownSource(text: markdown, file: "story", firstLine: 1), basePath: "/").html
    }
}
