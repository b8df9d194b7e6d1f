using System.Text.Json.Serialization;
using EdgeNode.Releases.Manifest;
using EdgeNode.Releases.Signing;

namespace EdgeNode.Releases.Bundle;

/// <summary>Generated (de)serialisation: the node reads manifests under Native AOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ReleaseManifest))]
[JsonSerializable(typeof(ReleaseSignature))]
internal sealed partial class ReleaseJsonContext : JsonSerializerContext;
