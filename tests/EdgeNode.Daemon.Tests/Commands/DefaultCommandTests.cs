using EdgeNode.Daemon.Commands;

namespace EdgeNode.Daemon.Tests.Commands;

public sealed class DefaultCommandTests
{
    [Fact]
    public void Options_without_a_command_go_to_run() =>
        Assert.Equal(["run", "--emulate", "--speed", "10"], EdgeNodeCommandLine.WithDefaultCommand(["--emulate", "--speed", "10"]));

    [Theory]
    [InlineData("status")]
    [InlineData("selftest")]
    [InlineData("--help")]
    [InlineData("--version")]
    public void Commands_and_the_programs_own_options_are_left_alone(string first) =>
        Assert.Equal([first], EdgeNodeCommandLine.WithDefaultCommand([first]));

    [Fact]
    public void No_arguments_stay_no_arguments() => Assert.Empty(EdgeNodeCommandLine.WithDefaultCommand([]));
}
