import Foundation

/// One object per thread, made on first use and released when the thread ends: the per-thread caches of
/// extraction (word memos, interned norms, compiled word sets) that threads read and write without locks.
public final class PerThread<Value: AnyObject>: @unchecked Sendable {
    @usableFromInline let key: pthread_key_t
    @usableFromInline let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) {
        var k = pthread_key_t()
        pthread_key_create(&k) { raw in if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() } }
        key = k
        self.make = make
    }

    /// `body` applied to this thread's object, without retaining it (the thread's slot keeps it alive).
    @inlinable @inline(__always)
    public func withValue<R>(_ body: (Value) throws -> R) rethrows -> R {
        if let raw = pthread_getspecific(key) { return try Unmanaged<Value>.fromOpaque(raw)._withUnsafeGuaranteedRef(body) }
        return try body(value)
    }

    /// This thread's object.
    @inlinable public var value: Value {
        if let raw = pthread_getspecific(key) { return Unmanaged<Value>.fromOpaque(raw).takeUnretainedValue() }
        let v = make()
        pthread_setspecific(key, Unmanaged.passRetained(v).toOpaque())
        return v
    }
}
