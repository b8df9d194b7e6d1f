using EdgeNode.Daemon;

return await EdgeNodeCommandLine.Create(Console.Out).Parse(args).InvokeAsync();
