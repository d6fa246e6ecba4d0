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
    check(probe.diagnose(caseStudy: bytes), hints: false)
    return 0
}

@_cdecl("CasebookFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv)
}
