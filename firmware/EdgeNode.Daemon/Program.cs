using EdgeNode.Daemon;

return await EdgeNodeCommandLine.Create(Console.Out).Parse(EdgeNodeCommandLine.WithDefaultCommand(args)).InvokeAsync();
