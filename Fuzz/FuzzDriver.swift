// Shared by both fuzz targets (Fuzz/run.sh copies it into each): libFuzzer's driver, and the check
// every input's diagnostics must pass.
import CasebookKit

// SwiftPM links an executable target's entry point under the name `<Module>_main`; with
// -parse-as-library there is none, so each target provides it and hands control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// Runs libFuzzer with the target's `fuzz` as the function it calls for each input.
func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}

/// Every diagnostic must point at a real position; with `hints`, every error must also say what to do.
func check(_ diagnostics: [Diagnostic], hints: Bool) {
    for diagnostic in diagnostics where diagnostic.location.line < 1 || diagnostic.location.column < 1 {
        fatalError("diagnostic without a position: \(diagnostic)")
    }
    for diagnostic in diagnostics where hints && diagnostic.severity == .error && diagnostic.hint == nil {
        fatalError("error without a hint: \(diagnostic)")
    }
}
