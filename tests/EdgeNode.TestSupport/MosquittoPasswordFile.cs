using System.Diagnostics;

namespace EdgeNode.TestSupport;

/// <summary>Writes a Mosquitto password file with mosquitto_passwd, as an operator would.</summary>
public static class MosquittoPasswordFile
{
    private const string Tool = "/usr/bin/mosquitto_passwd";

    /// <summary>A new file holding one user (an existing file is replaced).</summary>
    public static Task CreateAsync(string path, string user, string password) => RunAsync(["-b", "-c", path, user, password]);

    /// <summary>Adds (or updates) a user in an existing file.</summary>
    public static Task AddAsync(string path, string user, string password) => RunAsync(["-b", path, user, password]);

    private static async Task RunAsync(string[] arguments)
    {
        if (!File.Exists(Tool))
        {
            throw new InvalidOperationException($"{Tool} is missing: install mosquitto: apt-get install mosquitto");
        }

        var start = new ProcessStartInfo(Tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{Tool} did not start.");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_passwd failed ({process.ExitCode}): {await errors}");
        }
    }
}
