// libFuzzer entry point for the case-study loader (front matter, YAML, schema checks, cmark).
// Built by Fuzz/run.sh with -sanitize=fuzzer,address; it is not part of the main package build.
import CasebookKit

let siteYAML = """
title: Fuzz
base_url: https://example.org/
strategies:
  tutoring: {label: Tutoring, description: x}
funding:
  esser: {label: ESSER}
metrics:
  students_served: {label: Students served, unit: count, aggregate: sum}
  investment: {label: Investment, unit: usd}
"""

let probe = ContentProbe(siteYAML: siteYAML)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let diagnostics = probe.diagnose(caseStudy: bytes)
    // Every diagnostic must point at a real position.
    for diagnostic in diagnostics where diagnostic.location.line < 1 || diagnostic.location.column < 1 {
        fatalError("diagnostic without a position: \(diagnostic)")
    }
    return 0
}

// SwiftPM links an executable target's entry point under the name `<Module>_main`; with
// -parse-as-library there is none, so provide it and hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

@_cdecl("CasebookFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
