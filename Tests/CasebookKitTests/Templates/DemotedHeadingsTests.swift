import Testing
@testable import CasebookKit

/// The report moves each case's story down a level under the case's own heading.
@Suite struct DemotedHeadingsTests {
    @Test func headingsMoveDownOneLevelAndH2IDsGetThePrefix() {
        let html = "<h2 id=\"what\">What</h2>\n<p>a <h2> in text is escaped by cmark: &lt;h2&gt;</p>\n<h3>Sub</h3><h4>x</h4><h5>y</h5><h6>z</h6><h2>Plain</h2><hr /><h1>t</h1>"
        #expect(Markdown.demotingHeadings(html, idPrefix: "case-a-") ==
            "<h3 id=\"case-a-what\">What</h3>\n<p>a <h3> in text is escaped by cmark: &lt;h2&gt;</p>\n<h4>Sub</h4><h5>x</h5><h6>y</h6><h6>z</h6><h3>Plain</h3><hr /><h1>t</h1>")
    }

    @Test func textWithoutHeadingsIsUnchanged() {
        let html = "<p>é <b>ü</b> <h <h7> </h2 <h3 class=\"x\"></p>"
        #expect(Markdown.demotingHeadings(html, idPrefix: "p-") == html)
    }
}
