// libFuzzer entry point for the templates (Mustache parsing, partial and layout references, loop
// detection, rendering). The input is up to four templates separated by NUL bytes, named `layout`,
// `page`, `partials/a` and `partials/b`, so loops through partials and layouts are reachable.
// Built by Fuzz/run.sh with -sanitize=fuzzer,address; it is not part of the main package build.
import CasebookKit

let names = ["layout", "page", "partials/a", "partials/b"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, maxSplits: names.count - 1,
                                                                   omittingEmptySubsequences: false)
    let templates = zip(names, parts).map { (name: $0, text: String(decoding: $1, as: UTF8.self)) }
    check(TemplateProbe.diagnose(templates: templates), hints: true)
    return 0
}

@_cdecl("CasebookTemplateFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv)
}
