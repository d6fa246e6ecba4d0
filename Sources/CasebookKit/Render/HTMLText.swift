/// Text made safe for HTML and XML (elements and attribute values), with the same entities as the
/// compiled templates (`appendEscaped`): for markup built outside a template, such as the pictures'
/// `<picture>` and the preview editor's page.
public enum HTMLText {
    public static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.appendEscaped(text)
        return String(decoding: bytes, as: UTF8.self)
    }
}
