// Hands control to libFuzzer (linked by -sanitize=fuzzer). SwiftPM gives an executable target its own `main`, so
// the harness calls libFuzzer's driver instead of exporting LLVMFuzzerTestOneInput and using libFuzzer's main.
// All libFuzzer options work: ./kbfuzz -max_total_time=600 corpus/

import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
