using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace EdgeNode.TestSupport;

/// <summary>
/// A real PostgreSQL 15 server for the test run: initdb into a fresh temporary directory, postgres started as a child
/// process on a free loopback port (socket directory inside the temporary directory, fsync on so that figures are
/// honest), a database per test, stopped by its own pid and deleted on dispose. It needs only the Debian package
/// "postgresql", not its cluster or service. PostgreSQL refuses to run as root, so as root everything runs as the
/// package's "postgres" user through runuser. Free of any test framework, like <see cref="MosquittoBroker"/>, so that
/// test projects wrap it in their own fixture and the benchmark uses it as it is.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Queue<string> _log = new();
    private string? _root;
    private Process? _server;

    public int Port { get; private set; }

    private PostgresServer()
    {
    }

    private string DataDirectory => Path.Combine(_root!, "data");

    /// <summary>Creates a cluster in a new temporary directory and starts a server on it; takes a few seconds.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        try
        {
            await server.LaunchAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task LaunchAsync()
    {
        foreach (string tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            if (!File.Exists(Path.Combine(BinDirectory, tool)))
            {
                throw new InvalidOperationException($"PostgreSQL 15 is missing ({BinDirectory}/{tool} not found): install postgresql: apt-get install postgresql");
            }
        }

        _root = Directory.CreateTempSubdirectory("edgenode-pg-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _root]);
        }

        // --no-sync only skips flushing the freshly created files; the server itself runs with fsync=on.
        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true);

        // A free port can be taken by someone else between our probe and the server's bind: try a few.
        for (int attempt = 1; ; attempt++)
        {
            Port = LoopbackPort.Free();
            StartServer();
            if (await WaitUntilAcceptingAsync())
            {
                return;
            }

            if (attempt == LoopbackPort.Attempts)
            {
                throw new InvalidOperationException($"PostgreSQL did not start on 127.0.0.1:{Port}. Its last output:\n{string.Join('\n', _log)}");
            }

            await StopServerAsync();
        }
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        // At most 30 + 1 + 32 characters: within PostgreSQL's 63-character identifiers.
        string name = $"{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=30;Command Timeout=120";

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void StartServer()
    {
        string[] arguments =
        [
            "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _root!, "-h", "127.0.0.1",
            "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on", "-c", "max_connections=60",
        ];
        ProcessStartInfo start = StartInfo(Path.Combine(BinDirectory, "postgres"), arguments, asPostgres: true);
        _server = new Process { StartInfo = start };
        _server.OutputDataReceived += (_, line) => Remember(line.Data);
        _server.ErrorDataReceived += (_, line) => Remember(line.Data);
        _server.Start();
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
    }

    private async Task<bool> WaitUntilAcceptingAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_server!.HasExited)
            {
                return false;
            }

            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return true;
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    /// <summary>
    /// Our child may be runuser, whose child is the postmaster: signal the postmaster itself, by the pid it wrote into
    /// postmaster.pid, with SIGINT (fast shutdown: abort sessions, checkpoint, exit), then wait for our child to end.
    /// </summary>
    private async Task StopServerAsync()
    {
        if (_server is null)
        {
            return;
        }

        string pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        int? postmaster = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out int pid) ? pid : null;
        if (postmaster is int id && !_server.HasExited)
        {
            _ = Posix.Kill(id, Posix.SIGINT);
            using var patience = new CancellationTokenSource(StopTimeout);
            try
            {
                await _server.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _ = Posix.Kill(id, Posix.SIGQUIT);
            }
        }

        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
        _server = null;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > 40)
            {
                _log.Dequeue();
            }
        }
    }

    private static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (string argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments, bool asPostgres = false)
    {
        using Process process = Process.Start(StartInfo(program, arguments, asPostgres))!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed (exit {process.ExitCode}): {await error}{await output}");
        }
    }
}
