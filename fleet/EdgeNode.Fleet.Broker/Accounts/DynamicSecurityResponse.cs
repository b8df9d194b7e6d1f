using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// One entry of the plugin's answer on <c>$CONTROL/dynamic-security/v1/response</c>:
/// <c>{"responses":[{"command":…, "error":…, "correlationData":…, "data":{…}}]}</c>. "error" is absent on success.
/// </summary>
internal sealed record DynamicSecurityResponse(string Command, string? Error, string? CorrelationData, JsonObject? Data)
{
    /// <summary>The entries of one response message; nothing for a payload that is not the plugin's shape.</summary>
    public static IReadOnlyList<DynamicSecurityResponse> Parse(ReadOnlySpan<byte> payload)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return [];
        }
        if (root is not JsonObject { } tree || tree["responses"] is not JsonArray responses)
        {
            return [];
        }

        var parsed = new List<DynamicSecurityResponse>(responses.Count);
        foreach (JsonNode? entry in responses)
        {
            if (entry is not JsonObject response)
            {
                continue;
            }

            parsed.Add(new DynamicSecurityResponse(
                Text(response, "command") ?? "",
                Text(response, "error"),
                Text(response, "correlationData"),
                response["data"] as JsonObject));
        }
        return parsed;
    }

    private static string? Text(JsonObject response, string name) =>
        response[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
