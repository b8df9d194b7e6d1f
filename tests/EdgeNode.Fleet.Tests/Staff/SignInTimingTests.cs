using System.Diagnostics;
using System.Net;
using EdgeNode.Fleet.Staff;
using Xunit.Abstractions;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>
/// How long the login form takes to refuse an unknown name, a wrong password and a locked-out name, measured through
/// HTTP as a stranger would, interleaved so that the machine's load weighs on all three alike. The numbers go to the
/// test output; the only assertion is a loose one (a lockout answered without verifying a password was 30 to 60
/// times faster than the others).
/// </summary>
public sealed class SignInTimingTests(ITestOutputHelper output)
{
    private const int Samples = 5;

    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_out_user_take_comparable_time()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string>
        {
            ["Fleet:Staff:MaxFailedSignIns"] = "2",
            ["Fleet:Staff:SignInLimitPerClient"] = "1000",
        });
        await fleet.CreateUserAsync("lucie", StaffRoles.Technician, "lucie password 1");
        using StaffClient locked = fleet.Client(IPAddress.Parse("203.0.113.1"));
        (await locked.SignInAsync("lucie", "nope")).Dispose();
        (await locked.SignInAsync("lucie", "nope again")).Dispose();
        string lockedToken = await locked.TokenAsync();

        var unknown = new List<double>();
        var wrong = new List<double>();
        var lockedOut = new List<double>();
        for (int sample = 0; sample < Samples; sample++)
        {
            using StaffClient stranger = fleet.Client(IPAddress.Parse($"198.51.100.{sample + 1}"));
            string token = await stranger.TokenAsync();
            unknown.Add(await TimeAsync(stranger, token, $"nobody{sample}", "lucie password 1"));
            wrong.Add(await TimeAsync(stranger, token, "lucie", $"wrong {sample}"));
            lockedOut.Add(await TimeAsync(locked, lockedToken, "lucie", "lucie password 1"));
        }

        (string Case, double Median)[] medians = [("unknown user", Median(unknown)), ("wrong password", Median(wrong)), ("locked out", Median(lockedOut))];
        foreach ((string name, double median) in medians)
        {
            output.WriteLine($"{name}: median {median:0.0} ms over {Samples} sign-ins");
        }

        double fastest = medians.Min(m => m.Median);
        double slowest = medians.Max(m => m.Median);
        Assert.True(slowest < fastest * 4, "Refusals differ too much in time: " + string.Join(", ", medians.Select(m => $"{m.Case} {m.Median:0.0} ms")));
    }

    private static async Task<double> TimeAsync(StaffClient client, string token, string userName, string password)
    {
        long start = Stopwatch.GetTimestamp();
        using HttpResponseMessage response = await client.PostFormWithoutTokenAsync(
            "/staff/login", ("UserName", userName), ("Password", password), ("__RequestVerificationToken", token));
        double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Nom d'utilisateur ou mot de passe incorrect", await SignInTests.ProblemAsync(response), StringComparison.Ordinal);
        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
