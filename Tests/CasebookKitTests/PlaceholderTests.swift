import Testing
@testable import CasebookKit
@Test func placeholder() { #expect(1 == 1) }
