namespace EdgeNode.Fleet.Staff;

/// <summary>Creating a user whose name is taken (enabled or not).</summary>
public sealed class StaffUserExistsException(string userName)
    : Exception($"A staff user named '{userName}' already exists. Choose another name.")
{
    public string UserName { get; } = userName;
}
