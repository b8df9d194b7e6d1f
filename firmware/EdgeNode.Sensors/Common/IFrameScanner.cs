using System.Diagnostics.CodeAnalysis;

namespace EdgeNode.Sensors;

/// <summary>
/// Finds one device's frames in the bytes a serial port delivers, however they are cut. What
/// <see cref="SerialFrameLink{TFrame}"/> needs of a device's framing rules: the frames, and the counts that
/// tell silence, noise and another device apart when no answer came.
/// </summary>
/// <typeparam name="TFrame">An intact frame, its checksum and framing already checked and removed.</typeparam>
internal interface IFrameScanner<TFrame>
{
    /// <summary>Every byte appended since the last <see cref="Reset"/>.</summary>
    int BytesReceived { get; }

    /// <summary>Candidates that started like a frame of this device but were damaged, since the last <see cref="Reset"/>.</summary>
    int RejectedFrames { get; }

    /// <summary>True when the bytes held start like a frame of this device that has not been completed.</summary>
    bool HoldsPartialFrame { get; }

    void Append(ReadOnlySpan<byte> received);

    /// <summary>Takes the next intact frame, dropping whatever cannot start one; false when more bytes are needed.</summary>
    bool TryTake([MaybeNullWhen(false)] out TFrame frame);

    /// <summary>Forgets held bytes and counts, before a new exchange.</summary>
    void Reset();
}
