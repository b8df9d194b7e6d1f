using System.Globalization;

namespace EdgeNode.EndToEnd.Benchmarks.Wire;

/// <summary>Runs the day and the TLS measurement and prints bytes per node per day, where they go, and what is added by calculation.</summary>
internal static class WireReport
{
    private const double Day = 86_400;

    public static async Task RunAsync(TextWriter output)
    {
        WireDayFigures day = await WireDayRun.RunAsync(output);
        output.WriteLine(Invariant($"Measured through the counting proxy over {day.Lived.TotalSeconds:F0} s (one emulated day at 1000×), {day.Connections} TCP connection(s):"));
        output.WriteLine(Invariant($"  {day.WindowsDelivered} windows delivered in {day.Batches} batches"));
        output.WriteLine(Invariant($"  up {day.BytesUp:N0} B, down {day.BytesDown:N0} B, total {day.BytesUp + day.BytesDown:N0} B"));
        output.WriteLine("  by MQTT frame (frames, bytes):");
        foreach ((string direction, IReadOnlyDictionary<string, (int Frames, long Bytes)> kinds) in new[] { ("up", day.Up), ("down", day.Down) })
        {
            foreach ((string kind, (int frames, long bytes)) in kinds.OrderByDescending(k => k.Value.Bytes))
            {
                output.WriteLine(Invariant($"    {direction,-4} {kind,-26} {frames,5} {bytes,9:N0}"));
            }
        }

        // At 1000× the keep-alive (10 real minutes) never fires during the emulated day: add its worst case by calculation.
        TimeSpan keepAlive = new Daemon.Uplink.UplinkOptions().KeepAlive;
        double pings = Day / keepAlive.TotalSeconds;
        long pingBytes = (long)(pings * 4);
        output.WriteLine(Invariant($"  + PINGREQ/PINGRESP by calculation: 86,400 s / {keepAlive.TotalSeconds:F0} s keep-alive × (2 + 2) B = {pingBytes:N0} B (an upper bound: a ping goes only after a keep-alive of silence)"));
        long total = day.BytesUp + day.BytesDown + pingBytes;
        output.WriteLine(Invariant($"  = {total:N0} B per node per day on plain MQTT ({total / 1024.0:F1} KiB; goal 20 KB = 20,000 B)"));

        long averageBatch = day.Up.TryGetValue("PUBLISH up/batch", out (int Frames, long Bytes) b) && b.Frames > 0 ? b.Bytes / b.Frames : 1000;
        TlsFigures tls = await TlsCost.MeasureAsync((int)averageBatch);
        long handshake = tls.TlsConnect.Up + tls.TlsConnect.Down - tls.PlainConnect.Up - tls.PlainConnect.Down;
        long perPublish = tls.TlsPublish.Up + tls.TlsPublish.Down - tls.PlainPublish.Up - tls.PlainPublish.Down;
        output.WriteLine(Invariant($"TLS (measured once with the MQTT client's counters, Mosquitto TLS listener, ECDSA P-256 server certificate):"));
        output.WriteLine(Invariant($"  connect + subscribe: plain {tls.PlainConnect.Up + tls.PlainConnect.Down:N0} B, TLS {tls.TlsConnect.Up + tls.TlsConnect.Down:N0} B (up {tls.TlsConnect.Up:N0}, down {tls.TlsConnect.Down:N0}): handshake ≈ {handshake:N0} B per connection"));
        output.WriteLine(Invariant($"  one {averageBatch:N0}-byte QoS 1 publish + PUBACK: plain {tls.PlainPublish.Up + tls.PlainPublish.Down:N0} B, TLS {tls.TlsPublish.Up + tls.TlsPublish.Down:N0} B: {perPublish} B of record overhead per packet pair"));
        int packets = day.Up.Values.Sum(v => v.Frames) + day.Down.Values.Sum(v => v.Frames) + (int)(pings * 2);
        long tlsDay = handshake + (long)(packets / 2.0 * perPublish);
        output.WriteLine(Invariant($"  estimate with TLS, one connection a day: {total:N0} + {handshake:N0} + {packets} packets × {perPublish / 2.0:F0} B ≈ {total + tlsDay:N0} B per node per day"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
