using EdgeNode.Releases.Versions;

namespace EdgeNode.Releases.Tests;

public sealed class ReleaseVersionTests
{
    // semver.org §11's own example of precedence, lowest first.
    [Fact]
    public void Orders_as_semantic_versioning_says()
    {
        string[] ascending = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0"];
        for (int i = 1; i < ascending.Length; i++)
        {
            Assert.True(ReleaseVersion.Parse(ascending[i - 1]) < ReleaseVersion.Parse(ascending[i]), $"{ascending[i - 1]} < {ascending[i]}");
            Assert.True(ReleaseVersion.Parse(ascending[i]) > ReleaseVersion.Parse(ascending[i - 1]), $"{ascending[i]} > {ascending[i - 1]}");
        }
    }

    [Fact]
    public void Build_metadata_does_not_count()
    {
        Assert.Equal(ReleaseVersion.Parse("1.0.1+build.7"), ReleaseVersion.Parse("1.0.1"));
        Assert.Equal("1.0.1+build.7", ReleaseVersion.Parse("1.0.1+build.7").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0-01")]
    [InlineData("1.0.0-a..b")]
    [InlineData("v1.0.0")]
    [InlineData("1.0.0 ")]
    [InlineData("-1.0.0")]
    [InlineData("99999999999.0.0")]
    public void Refuses_what_is_not_a_version(string text)
    {
        Assert.False(ReleaseVersion.TryParse(text, out _));
        FormatException error = Assert.Throws<FormatException>(() => ReleaseVersion.Parse(text));
        Assert.Contains("MAJOR.MINOR.PATCH", error.Message);
    }
}
