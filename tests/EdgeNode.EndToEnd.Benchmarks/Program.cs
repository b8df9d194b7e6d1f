using EdgeNode.EndToEnd.Benchmarks.Ingest;
using EdgeNode.EndToEnd.Benchmarks.Wire;

// Usage: dotnet run -c Release --project tests/EdgeNode.EndToEnd.Benchmarks -- wire
//        dotnet run -c Release --project tests/EdgeNode.EndToEnd.Benchmarks -- window-bytes
//        dotnet run -c Release --project tests/EdgeNode.EndToEnd.Benchmarks -- ingest [sqlite|postgres|all] [--nodes 1000] [--seconds 90] [--warmup 20]
string mode = args.FirstOrDefault() ?? "";
switch (mode)
{
    case "wire":
        await WireReport.RunAsync(Console.Out);
        return 0;
    case "window-bytes":
        WindowBytesReport.Run(Console.Out);
        return 0;
    case "ingest":
        await IngestReport.RunAsync(args.Skip(1).ToArray(), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("Say what to measure: 'wire' (bytes per node per day), 'window-bytes' (payload bytes a window, by sensors and batch size) or 'ingest [sqlite|postgres|all]' (fleet throughput). See README.md.");
        return 2;
}
