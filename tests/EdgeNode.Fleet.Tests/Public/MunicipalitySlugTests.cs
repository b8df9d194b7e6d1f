using EdgeNode.Fleet.Public;

namespace EdgeNode.Fleet.Tests.Public;

public sealed class MunicipalitySlugTests
{
    [Theory]
    [InlineData("Saint-Jean", "saint-jean")]
    [InlineData("Saint-Jean-de-Luz", "saint-jean-de-luz")]
    [InlineData("L'Île-Bouchard", "l-ile-bouchard")]
    [InlineData("Œuilly  (Marne)", "oeuilly-marne")]
    [InlineData("Châteauneuf-sur-Loire", "chateauneuf-sur-loire")]
    public void The_url_name_is_lower_case_ascii_with_dashes(string municipality, string slug) =>
        Assert.Equal(slug, MunicipalitySlug.From(municipality));
}
