namespace EdgeNode.Daemon.Aggregation;

/// <summary>
/// What the aggregator refused or lived through since it started: never silent loss. The closed-window records
/// have no room for these, so health reporting reads them here.
/// </summary>
/// <param name="LateRecordsDropped">Readings, faults and passages stamped in a window already closed (or reported after stop).</param>
/// <param name="EarlyRecordsDropped">Records stamped more than one window ahead of the node's clock.</param>
/// <param name="InvalidValuesDropped">Values that are not finite numbers, and negative or non-finite speeds.</param>
/// <param name="ClockSteps">Times the clock jumped forward or back across windows and the aggregator restarted.</param>
/// <param name="ApproximateV85Windows">Windows with more vehicles than speeds kept, whose V85 is an estimate.</param>
public readonly record struct AggregationCounters(
    long LateRecordsDropped,
    long EarlyRecordsDropped,
    long InvalidValuesDropped,
    long ClockSteps,
    long ApproximateV85Windows);
