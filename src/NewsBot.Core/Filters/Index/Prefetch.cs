using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NewsBot.Core.Filters.Index;

/// <summary>
/// Asks the CPU to start loading memory a later step will read. In an index of a million filters
/// nearly every term, posting array and filter an article reaches is a cache and TLB miss, and
/// following them one by one waits for each in turn; the match instead walks each level twice, first
/// naming everything it will read (these hints, which never fault and change no result), then
/// reading it, so the misses of one level overlap. A no-op where the CPU has no such instruction.
/// </summary>
internal static unsafe class Prefetch
{
    /// <summary>The first <paramref name="lines"/> cache lines of an object (a filter entry spans two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Object(object? target, int lines = 1)
    {
        if (!Sse.IsSupported || target is null) return;
        // The reference is the object's address; the GC may move the object meanwhile, which only wastes the hint.
        var start = (byte*)Unsafe.As<object, nint>(ref target);
        for (var line = 0; line < lines; line++) Sse.Prefetch0(start + line * 64);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Element<T>(T[] array, int index)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref array[index]));
    }

    /// <summary>The first <paramref name="lines"/> cache lines of an array's elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Array(System.Array? array, int lines = 1)
    {
        if (!Sse.IsSupported || array is null) return;
        var start = (byte*)Unsafe.As<System.Array, nint>(ref array);
        for (var line = 0; line < lines; line++) Sse.Prefetch0(start + line * 64);
    }
}
