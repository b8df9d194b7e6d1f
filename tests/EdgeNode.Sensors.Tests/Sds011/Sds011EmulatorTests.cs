using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Sds011;

namespace EdgeNode.Sensors.Tests.Sds011;

/// <summary>The emulator behaves as Protocol V1.3 says the sensor does, seen from the wire.</summary>
public class Sds011EmulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);

    private static Sds011Emulator Emulator(bool noise = false) =>
        new(new ConstantAmbient(AmbientConditions.Typical with { Pm25MicrogramsPerCubicMetre = 123.6, Pm10MicrogramsPerCubicMetre = 261.8 })) { Noise = noise };

    private static List<Sds011Frame> Frames(ReadOnlyMemory<byte> bytes)
    {
        var scanner = new Sds011FrameScanner();
        scanner.Append(bytes.Span);
        var frames = new List<Sds011Frame>();
        while (scanner.TryTake(out Sds011Frame frame))
        {
            frames.Add(frame);
        }

        return frames;
    }

    private static async Task<List<Sds011Frame>> ListenAsync(EmulatedSerialPort port, VirtualTimeProvider time, TimeSpan duration)
    {
        var received = new List<byte>();
        DateTimeOffset end = time.GetUtcNow() + duration;
        byte[] buffer = new byte[256];
        while (time.GetUtcNow() < end)
        {
            int count = await port.ReadAsync(buffer, end - time.GetUtcNow());
            received.AddRange(buffer.AsSpan(0, count));
        }

        return Frames(received.ToArray());
    }

    [Fact]
    public async Task In_active_reporting_it_streams_a_measurement_every_second()
    {
        var time = new VirtualTimeProvider(Start);
        var port = new EmulatedSerialPort(Emulator(), time);

        List<Sds011Frame> frames = await ListenAsync(port, time, TimeSpan.FromSeconds(10));

        Assert.InRange(frames.Count, 10, 11);
        Assert.All(frames, f => Assert.Equal(Sds011Frame.Measurement(1236, 2618, 0xA160), f));
    }

    [Fact]
    public async Task In_query_reporting_it_answers_queries_only()
    {
        var time = new VirtualTimeProvider(Start);
        Sds011Emulator emulator = Emulator();
        var port = new EmulatedSerialPort(emulator, time);
        port.Write(Sds011FrameCodec.EncodeCommand(Sds011Command.ReportingMode, [Sds011Protocol.Set, Sds011Protocol.QueryReporting]));
        port.DiscardInput();

        Assert.Empty(await ListenAsync(port, time, TimeSpan.FromSeconds(10)));
        port.Write(Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, []));
        Assert.Equal([Sds011Frame.Measurement(1236, 2618, 0xA160)], await ListenAsync(port, time, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Asleep_it_sends_nothing_with_its_fan_off_until_any_command_wakes_it()
    {
        var time = new VirtualTimeProvider(Start);
        Sds011Emulator emulator = Emulator();
        var port = new EmulatedSerialPort(emulator, time);
        port.Write(Sds011FrameCodec.EncodeCommand(Sds011Command.SleepAndWork, [Sds011Protocol.Set, Sds011Protocol.Sleep]));
        port.DiscardInput();

        Assert.False(emulator.FanRunning);
        Assert.Empty(await ListenAsync(port, time, TimeSpan.FromSeconds(10)));

        port.Write(Sds011FrameCodec.EncodeCommand(Sds011Command.FirmwareVersion, []));
        Assert.True(emulator.FanRunning);
        Assert.Contains(Sds011Frame.Measurement(1236, 2618, 0xA160), await ListenAsync(port, time, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Replies_carry_the_device_id_and_commands_for_another_id_are_ignored()
    {
        Sds011Emulator emulator = Emulator();

        Assert.Empty(Frames(emulator.Receive(Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, [], 0x1234), Start)));
        Assert.Equal(
            [Sds011Frame.Reply(Sds011Command.SleepAndWork, Sds011Protocol.Query, Sds011Protocol.Work, 0, 0xA160)],
            Frames(emulator.Receive(Sds011FrameCodec.EncodeCommand(Sds011Command.SleepAndWork, [Sds011Protocol.Query], 0xA160), Start)));
    }

    [Fact]
    public void A_command_with_a_bad_checksum_is_ignored_and_the_next_good_one_answered()
    {
        Sds011Emulator emulator = Emulator();
        byte[] bad = Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, []);
        bad[17] ^= 1;

        List<Sds011Frame> frames = Frames(emulator.Receive([.. bad, .. Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, [])], Start));

        Assert.Equal([Sds011Frame.Measurement(1236, 2618, 0xA160)], frames);
    }

    [Fact]
    public void Set_device_id_changes_the_id_in_every_later_frame()
    {
        // §3.3: the new id is in data bytes 12 and 13.
        Sds011Emulator emulator = Emulator();
        emulator.Receive(Sds011FrameCodec.EncodeCommand(Sds011Command.SetDeviceId, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xEF]), Start);

        Assert.Equal(0xBEEF, emulator.DeviceId);
        Assert.Equal(0xBEEF, Frames(emulator.Receive(Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, []), Start)).Single().DeviceId);
    }

    [Fact]
    public async Task A_working_period_spaces_active_reports_by_that_many_minutes()
    {
        var time = new VirtualTimeProvider(Start);
        Sds011Emulator emulator = Emulator();
        var port = new EmulatedSerialPort(emulator, time);
        port.Write(Sds011FrameCodec.EncodeCommand(Sds011Command.WorkingPeriod, [Sds011Protocol.Set, 2]));

        List<Sds011Frame> frames = await ListenAsync(port, time, TimeSpan.FromMinutes(10));

        Assert.Equal(2, emulator.WorkingPeriodMinutes);
        Assert.InRange(frames.Count(f => f.IsMeasurement), 5, 7);
    }

    [Fact]
    public void Stuck_repeats_the_very_same_measurement_bytes_while_the_air_changes()
    {
        var ambient = new ConstantAmbient(AmbientConditions.Typical);
        var emulator = new Sds011Emulator(ambient) { Fault = EmulatedFault.Stuck };
        byte[] query = Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, []);
        byte[] first = emulator.Receive(query, Start).ToArray();
        ambient.Conditions = AmbientConditions.Typical with { Pm25MicrogramsPerCubicMetre = 80 };

        Assert.Equal(first, emulator.Receive(query, Start.AddHours(1)).ToArray());
    }

    [Fact]
    public void Corrupt_data_sends_frames_whose_checksum_does_not_match()
    {
        Sds011Emulator emulator = Emulator();
        emulator.Fault = EmulatedFault.CorruptData;
        var scanner = new Sds011FrameScanner();

        scanner.Append(emulator.Receive(Sds011FrameCodec.EncodeCommand(Sds011Command.QueryData, []), Start).Span);

        Assert.False(scanner.TryTake(out _));
        Assert.Equal(1, scanner.RejectedFrames);
    }
}
