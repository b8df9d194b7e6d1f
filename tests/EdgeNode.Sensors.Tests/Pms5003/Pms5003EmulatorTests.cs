using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Pms5003;

namespace EdgeNode.Sensors.Tests.Pms5003;

/// <summary>The emulator behaves as the data manual says the sensor does, seen from the wire.</summary>
public class Pms5003EmulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);

    private static List<(DateTimeOffset At, Pms5003Frame Frame)> Frames(List<(DateTimeOffset At, byte[] Bytes)> chunks)
    {
        var scanner = new Pms5003FrameScanner();
        var frames = new List<(DateTimeOffset, Pms5003Frame)>();
        foreach ((DateTimeOffset at, byte[]? bytes) in chunks)
        {
            scanner.Append(bytes);
            while (scanner.TryTake(out Pms5003Frame? frame))
            {
                frames.Add((at, frame!));
            }
        }

        return frames;
    }

    private static async Task<List<(DateTimeOffset At, Pms5003Frame Frame)>> ListenAsync(EmulatedSerialPort port, VirtualTimeProvider time, TimeSpan duration)
    {
        var chunks = new List<(DateTimeOffset, byte[])>();
        DateTimeOffset end = time.GetUtcNow() + duration;
        byte[] buffer = new byte[256];
        while (time.GetUtcNow() < end)
        {
            int count = await port.ReadAsync(buffer, end - time.GetUtcNow());
            chunks.Add((time.GetUtcNow(), buffer[..count]));
        }

        return Frames(chunks);
    }

    [Fact]
    public async Task In_steady_air_active_mode_streams_a_frame_every_2_3_seconds()
    {
        var time = new VirtualTimeProvider(Start);
        var port = new EmulatedSerialPort(new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical)), time);

        List<(DateTimeOffset At, Pms5003Frame Frame)> frames = await ListenAsync(port, time, TimeSpan.FromSeconds(23));

        Assert.InRange(frames.Count, 10, 11);
        Assert.All(frames.Zip(frames.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(2.3), pair.Second.At - pair.First.At));
    }

    [Fact]
    public async Task When_the_air_changes_fast_active_mode_switches_to_frames_200_to_800_ms_apart()
    {
        var time = new VirtualTimeProvider(Start);
        var ambient = new ConstantAmbient(AmbientConditions.Typical);
        var port = new EmulatedSerialPort(new Pms5003Emulator(ambient), time);
        await ListenAsync(port, time, TimeSpan.FromSeconds(3));
        var plume = new List<(DateTimeOffset At, Pms5003Frame Frame)>();
        for (int step = 1; step <= 5; step++)
        {
            ambient.Conditions = AmbientConditions.Typical with { Pm25MicrogramsPerCubicMetre = 7 + (60 * step), Pm10MicrogramsPerCubicMetre = 12 + (80 * step) };
            plume.AddRange(await ListenAsync(port, time, TimeSpan.FromSeconds(1)));
        }

        var gaps = plume.Zip(plume.Skip(1)).Select(p => p.Second.At - p.First.At).ToList();
        Assert.NotEmpty(gaps);
        Assert.All(gaps, gap => Assert.InRange(gap, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)));
    }

    [Fact]
    public async Task In_passive_mode_it_answers_read_commands_only()
    {
        var time = new VirtualTimeProvider(Start);
        var emulator = new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical));
        var port = new EmulatedSerialPort(emulator, time);
        port.Write(Pms5003FrameCodec.EncodeCommand(Pms5003Command.ChangeMode, Pms5003Protocol.PassiveMode));

        List<(DateTimeOffset At, Pms5003Frame Frame)> acknowledgement = await ListenAsync(port, time, TimeSpan.FromSeconds(10));
        port.Write(Pms5003FrameCodec.EncodeCommand(Pms5003Command.ReadPassive, 0));
        List<(DateTimeOffset At, Pms5003Frame Frame)> answer = await ListenAsync(port, time, TimeSpan.FromSeconds(1));

        Assert.True(Assert.Single(acknowledgement).Frame.IsAcknowledgementOf(Pms5003Command.ChangeMode));
        Assert.True(Assert.Single(answer).Frame.IsMeasurement);
    }

    [Fact]
    public async Task Asleep_it_sends_nothing_with_its_fan_off_and_hears_only_the_wake_up()
    {
        var time = new VirtualTimeProvider(Start);
        var emulator = new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical));
        var port = new EmulatedSerialPort(emulator, time);
        port.Write(Pms5003FrameCodec.EncodeCommand(Pms5003Command.SleepOrWake, Pms5003Protocol.Sleep));
        port.DiscardInput();

        port.Write(Pms5003FrameCodec.EncodeCommand(Pms5003Command.ChangeMode, Pms5003Protocol.PassiveMode));
        Assert.Empty(await ListenAsync(port, time, TimeSpan.FromSeconds(10)));
        Assert.False(emulator.FanRunning);
        Assert.False(emulator.Passive);

        port.Write(Pms5003FrameCodec.EncodeCommand(Pms5003Command.SleepOrWake, Pms5003Protocol.Wake));
        Assert.True(emulator.FanRunning);
        Assert.NotEmpty(await ListenAsync(port, time, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Without_noise_the_frame_carries_the_ambient_air_and_falling_particle_counts()
    {
        var emulator = new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical)) { Noise = false, Passive = true };
        var scanner = new Pms5003FrameScanner();

        scanner.Append(emulator.Receive(Pms5003FrameCodec.EncodeCommand(Pms5003Command.ReadPassive, 0), Start).Span);

        Assert.True(scanner.TryTake(out Pms5003Frame? frame));
        Assert.Equal([4, 7, 12, 4, 7, 12], frame!.Words.Take(6));
        IEnumerable<ushort> counts = frame.Words.Skip(6).Take(6);
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.InRange(frame[Pms5003DataWord.Over0Point3Micrometres], 300, 2000);
        Assert.Equal(0x9700, frame[Pms5003DataWord.Reserved]);
    }

    [Fact]
    public void Stuck_repeats_the_very_same_frame_while_the_air_changes()
    {
        var ambient = new ConstantAmbient(AmbientConditions.Typical);
        var emulator = new Pms5003Emulator(ambient) { Passive = true, Fault = EmulatedFault.Stuck };
        byte[] read = Pms5003FrameCodec.EncodeCommand(Pms5003Command.ReadPassive, 0);
        byte[] first = emulator.Receive(read, Start).ToArray();
        ambient.Conditions = AmbientConditions.Typical with { Pm25MicrogramsPerCubicMetre = 80 };

        Assert.Equal(first, emulator.Receive(read, Start.AddHours(1)).ToArray());
    }

    [Fact]
    public void A_command_with_a_bad_check_word_is_ignored()
    {
        var emulator = new Pms5003Emulator(new ConstantAmbient(AmbientConditions.Typical));
        byte[] bad = Pms5003FrameCodec.EncodeCommand(Pms5003Command.ChangeMode, Pms5003Protocol.PassiveMode);
        bad[6] ^= 1;

        Assert.True(emulator.Receive(bad, Start).IsEmpty);
        Assert.False(emulator.Passive);
        Assert.Equal(0, emulator.CommandsReceived);
    }
}
