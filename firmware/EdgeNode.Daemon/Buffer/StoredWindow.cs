using EdgeNode.Daemon.Clock;
using EdgeNode.Daemon.Windows;

namespace EdgeNode.Daemon.Buffer;

/// <summary>A window waiting in the outbox, with the id to acknowledge it by once the fleet has committed it.</summary>
/// <param name="Id">
/// Local to this node's buffer; never reused, not even by the fresh database started after a corrupt one was set
/// aside, so a late acknowledgement can never delete a window it was not meant for.
/// </param>
/// <param name="Stamp">
/// For an Unconfirmed window not yet re-stamped: the boot it was recorded in and its start on that boot's monotonic
/// clock. <see cref="WindowBuffer.IsAwaitingRestamp"/> says whether it may still be dated.
/// </param>
public sealed record StoredWindow(long Id, ClosedWindow Window, BootStamp? Stamp = null);
