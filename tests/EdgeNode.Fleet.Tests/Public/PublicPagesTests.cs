using System.Net;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Protocol.AirQuality;

namespace EdgeNode.Fleet.Tests.Public;

/// <summary>The public pages as a visitor without JavaScript gets them: plain HTML, bands in words, French unless asked otherwise.</summary>
public sealed class PublicPagesTests : IAsyncLifetime
{
    private readonly PublicSite _site = new();

    public async Task InitializeAsync()
    {
        await _site.EnrolAsync("ecole-1", "École Jules-Ferry", "Saint-Jean");
        await _site.EnrolAsync("mairie-2", "Place de la Mairie", "Saint-Jean");
        await _site.EnrolAsync("silence-3", "Route du Lac", "Saint-Jean");
        await _site.EnrolAsync("gare-4", "Gare", "Île-Bouchard");
        await _site.EnrolAsync("retire-5", "Ancien capteur", "Hors-Service", enabled: false);
        await _site.EnrolAsync("port-6", "Quai du Port", "Bourg-Neuf");
        await _site.EnrolAsync("meteo-7", "Parc", "Bourg-Neuf");
        await _site.EnrolAsync("radar-8", "Rue du Stade", "Bourg-Neuf");

        await _site.CommitWindowsAsync("ecole-1", "pm25_ugm3", 3.2);
        await _site.CommitWindowsAsync("ecole-1", "pm10_ugm3", 8, sensor: "pms5003");
        await _site.CommitWindowsAsync("mairie-2", "pm25_ugm3", 62.5);
        // Silent for three hours: yesterday's high values must not show as current.
        await _site.CommitWindowsAsync("silence-3", "pm25_ugm3", 100, endingAgo: TimeSpan.FromHours(3));
        // Synced hourly: its newest window ended 70 minutes ago, as happens every hour just before its next sync.
        await _site.CommitWindowsAsync("port-6", "pm25_ugm3", 20, endingAgo: TimeSpan.FromMinutes(70));
        // Temperature, humidity and pressure only, all day: no pollutant.
        await _site.CommitWindowsAsync("meteo-7", "temperature_c", 12.3, count: 96, sensor: "bme280");
        await _site.CommitWindowsAsync("meteo-7", "relative_humidity_pct", 81, count: 96, sensor: "bme280");
        await _site.CommitWindowsAsync("meteo-7", "pressure_hpa", 1013.2, count: 96, sensor: "bme280");
        var traffic = new EdgeNode.Fleet.Storage.IngestBatch();
        traffic.Traffic.Add(new EdgeNode.Fleet.Storage.TrafficWindowRow("ecole-1", "ops243", _site.Now.AddMinutes(-37), 900, 0, false, 41, 37, new int[16], 48));
        traffic.Traffic.Add(new EdgeNode.Fleet.Storage.TrafficWindowRow("ecole-1", "ops243", _site.Now.AddMinutes(-22), 900, 0, false, 10, 12, new int[16], 51));
        // Counts vehicles and measures nothing else.
        traffic.Traffic.Add(new EdgeNode.Fleet.Storage.TrafficWindowRow("radar-8", "ops243", _site.Now.AddMinutes(-22), 900, 0, false, 700, 636, new int[16], 49));
        // Yesterday (before midnight in Paris, 23:00 UTC): not today's.
        traffic.Traffic.Add(new EdgeNode.Fleet.Storage.TrafficWindowRow("ecole-1", "ops243", new DateTimeOffset(2026, 11, 21, 22, 45, 0, TimeSpan.Zero), 900, 0, false, 500, 500, new int[16], 50));
        await _site.CommitAsync(traffic);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_home_page_lists_the_municipalities_with_enabled_nodes_and_links_to_each()
    {
        string html = await GetAsync("/");

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/commune/saint-jean\">Saint-Jean</a>", html, StringComparison.Ordinal);
        Assert.Contains("(3 capteurs)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/commune/ile-bouchard\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hors-Service", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_municipality_page_lists_each_node_with_its_band_in_words()
    {
        string html = await GetAsync("/commune/saint-jean");

        Assert.Contains("Qualité de l&#x27;air à Saint-Jean", html, StringComparison.Ordinal);
        string ecole = Section(html, "capteur-ecole-1");
        Assert.Contains("<span class=\"band-name\">Bon</span>", ecole, StringComparison.Ordinal);
        Assert.Contains("(niveau 1 sur 6)", ecole, StringComparison.Ordinal);
        Assert.Contains("3,2 µg/m³", ecole, StringComparison.Ordinal);
        Assert.Contains("100 véhicules comptés depuis minuit : 51 dans un sens, 49 dans l&#x27;autre.", ecole, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", ecole, StringComparison.Ordinal);
        Assert.Contains("Particules fines (PM2,5) : entre 3,2 et 3,2 µg/m³ par heure", ecole, StringComparison.Ordinal);
        string mairie = Section(html, "capteur-mairie-2");
        Assert.Contains("<span class=\"band-name\">Mauvais</span>", mairie, StringComparison.Ordinal);
        Assert.Contains("Pas de comptage de véhicules aujourd&#x27;hui.", mairie, StringComparison.Ordinal);

        // The advice for each band shown, for everyone and for sensitive people.
        Assert.Contains(PublicText.French.AdviceSensitive(AirQualityBand.Poor).Replace("'", "&#x27;", StringComparison.Ordinal), html, StringComparison.Ordinal);
        Assert.Contains("Pour les personnes sensibles", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_with_no_recent_data_says_since_when_and_shows_no_band()
    {
        string html = await GetAsync("/commune/saint-jean");

        string silent = Section(html, "capteur-silence-3");
        // The last window ended at 07:07 UTC, 08:07 in Paris.
        Assert.Contains("Pas de mesure depuis le 22 novembre 2026 à 08:07.", silent, StringComparison.Ordinal);
        Assert.DoesNotContain("band-name", silent, StringComparison.Ordinal);
        Assert.DoesNotContain("Très mauvais", silent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_node_page_gives_the_band_advice_chart_table_and_open_data_links()
    {
        string html = await GetAsync("/capteur/mairie-2");

        Assert.Contains("<h1>Place de la Mairie</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"band-name\">Mauvais</span>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("/api/open/v1/nodes/mairie-2/windows?metric=pm25_ugm3&amp;format=csv", html, StringComparison.Ordinal);
        Assert.Contains("Licence Ouverte", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/commune/nulle-part")]
    [InlineData("/capteur/inconnu-9")]
    [InlineData("/capteur/retire-5")]
    public async Task Unknown_municipalities_and_nodes_are_404_in_words(string path)
    {
        using HttpClient client = _site.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nous ne connaissons pas", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_with_Accept_Language()
    {
        using HttpClient client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/commune/saint-jean");
        request.Headers.AcceptLanguage.ParseAdd("de-DE, en-GB;q=0.8, fr;q=0.5");
        using HttpResponseMessage response = await client.SendAsync(request);
        string html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Air quality in Saint-Jean", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"band-name\">Poor</span>", html, StringComparison.Ordinal);
        Assert.Contains("No measurement since 22 November 2026 at 08:07.", html, StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task French_when_the_browser_prefers_French_or_says_nothing_we_speak()
    {
        using HttpClient client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("es, fr-BE;q=0.9, en;q=0.8");

        string html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_sets_a_cookie_that_wins_over_Accept_Language_and_returns_to_the_page()
    {
        using HttpClient client = _site.CreateClient();
        string home = await GetAsync("/commune/saint-jean");
        Assert.Contains("href=\"/langue/en?retour=%2Fcommune%2Fsaint-jean\"", home, StringComparison.Ordinal);

        using HttpResponseMessage switched = await client.GetAsync(new Uri("/langue/en?retour=%2Fcommune%2Fsaint-jean", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/commune/saint-jean", switched.Headers.Location?.OriginalString);
        string cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{PublicLanguage.CookieName}=en;", cookie, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/commune/saint-jean");
        request.Headers.Add("Cookie", $"{PublicLanguage.CookieName}=en");
        request.Headers.AcceptLanguage.ParseAdd("fr");
        string html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/langue/fr?retour=%2Fcommune%2Fsaint-jean\" lang=\"fr\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_switch_never_sends_the_visitor_off_site(string retour)
    {
        using HttpClient client = _site.CreateClient();
        using HttpResponseMessage switched = await client.GetAsync(new Uri($"/langue/en?retour={Uri.EscapeDataString(retour)}", UriKind.Relative));

        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_pages_have_the_landmarks_and_skip_link_and_no_script_is_needed_for_content()
    {
        string html = await GetAsync("/commune/saint-jean");

        Assert.Contains("<a class=\"skip\" href=\"#contenu\">Aller au contenu</a>", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"contenu\"", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
        // The map is there only for those with JavaScript: hidden until the script draws it.
        Assert.Contains("id=\"carte-section\" class=\"map-section\" aria-labelledby=\"carte-titre\" hidden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_gets_each_placed_node_with_its_band_and_no_tile_server_unless_configured()
    {
        string html = await GetAsync("/commune/saint-jean");

        Assert.Contains("data-tiles=\"\"", html, StringComparison.Ordinal);
        Assert.Contains("&quot;name&quot;:&quot;Place de la Mairie&quot;,&quot;url&quot;:&quot;/capteur/mairie-2&quot;,&quot;band&quot;:&quot;Mauvais&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/carte.js\" defer></script>", html, StringComparison.Ordinal);
        using HttpClient client = _site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/lib/leaflet/leaflet.js", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_home_page_gives_each_municipalitys_current_band_in_words_colour_and_shape()
    {
        string html = await GetAsync("/");

        // The worst of its nodes' bands: the school is Good, the town hall Poor, the lake road silent.
        string saintJean = ListItem(html, "/commune/saint-jean");
        Assert.Contains("<span class=\"band band-4\"><svg class=\"band-icon\"", saintJean, StringComparison.Ordinal);
        Assert.Contains("<span class=\"band-name\">Mauvais</span> <span class=\"band-level\">(niveau 4 sur 6)</span>", saintJean, StringComparison.Ordinal);
        Assert.Contains("<span class=\"band-name\">Dégradé</span>", ListItem(html, "/commune/bourg-neuf"), StringComparison.Ordinal);
        string silent = ListItem(html, "/commune/ile-bouchard");
        Assert.Contains("Pas de mesure récente de la pollution de l&#x27;air", silent, StringComparison.Ordinal);
        Assert.DoesNotContain("band-name", silent, StringComparison.Ordinal);
        // The map's markers carry their node's band too.
        Assert.Contains("&quot;url&quot;:&quot;/capteur/mairie-2&quot;,&quot;band&quot;:&quot;Mauvais&quot;,&quot;colour&quot;:&quot;#FF5050&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_hourly_sync_a_node_whose_newest_window_ended_70_minutes_ago_keeps_its_band_and_says_how_old_it_is()
    {
        string html = await GetAsync("/capteur/port-6");

        string now = SectionOf(html, "maintenant");
        Assert.Contains("<span class=\"band-name\">Dégradé</span>", now, StringComparison.Ordinal);
        // 08:57 UTC is 09:57 in Paris; the hour before it was averaged.
        Assert.Contains("Mesuré il y a 1 heure et 10 minutes : moyenne de 08:57 à 09:57.", now, StringComparison.Ordinal);
        Assert.DoesNotContain("Pas de mesure", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_later_than_the_sync_interval_the_fleet_gives_its_nodes_has_no_band()
    {
        await using var site = new PublicSite(new Dictionary<string, string> { ["Fleet:Monitoring:SyncInterval"] = "00:15:00" });
        await site.EnrolAsync("port-6", "Quai du Port", "Bourg-Neuf");
        await site.CommitWindowsAsync("port-6", "pm25_ugm3", 20, endingAgo: TimeSpan.FromMinutes(70));
        using HttpClient client = site.CreateClient();

        string html = await client.GetStringAsync(new Uri("/capteur/port-6", UriKind.Relative));

        string now = SectionOf(html, "maintenant");
        Assert.Contains("Pas de mesure depuis le 22 novembre 2026 à 09:57.", now, StringComparison.Ordinal);
        Assert.DoesNotContain("band-name", now, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_measures_no_pollutant_says_what_it_measures_instead_of_no_measurement()
    {
        string html = await GetAsync("/capteur/meteo-7");
        string commune = Section(await GetAsync("/commune/bourg-neuf"), "capteur-meteo-7");

        foreach (string page in new[] { SectionOf(html, "maintenant"), commune })
        {
            Assert.Contains("Ce capteur ne donne pas de mesure de la pollution de l&#x27;air. Il mesure :", page, StringComparison.Ordinal);
            Assert.Contains("<li>Température : 12,3 °C</li>", page, StringComparison.Ordinal);
            Assert.Contains("<li>Humidité relative : 81 %</li>", page, StringComparison.Ordinal);
            Assert.Contains("<li>Pression atmosphérique : 1013 hPa</li>", page, StringComparison.Ordinal);
            Assert.Contains("Dernière mesure il y a 7 minutes.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Pas de mesure", page, StringComparison.Ordinal);
        }
        Assert.Contains("Aucune mesure de pollution ces dernières 24 heures.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_only_counts_vehicles_says_so_instead_of_no_measurement()
    {
        string now = SectionOf(await GetAsync("/capteur/radar-8"), "maintenant");

        Assert.Contains("Ce capteur ne donne pas de mesure de la pollution de l&#x27;air. Il compte les véhicules.", now, StringComparison.Ordinal);
        Assert.DoesNotContain("Pas de mesure", now, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_address_can_ask_for_a_language_and_the_choice_is_kept()
    {
        using HttpClient client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?lang=en");
        request.Headers.AcceptLanguage.ParseAdd("fr");

        using HttpResponseMessage response = await client.SendAsync(request);
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Municipalities with sensors", html, StringComparison.Ordinal);
        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{PublicLanguage.CookieName}=en;", cookie, StringComparison.Ordinal);
        // Back to French returns to the page without ?lang=en, which would choose English again.
        Assert.Contains("href=\"/langue/fr?retour=%2F\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_the_pages_do_not_speak_in_the_address_is_ignored()
    {
        using HttpClient client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/commune/saint-jean?lang=de&x=1");
        request.Headers.AcceptLanguage.ParseAdd("fr");

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Contains("<html lang=\"fr\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/nulle/part", "fr", "<html lang=\"fr\">", "<h1>Page introuvable</h1>", "Retour à l&#x27;accueil")]
    [InlineData("/commune", "en", "<html lang=\"en\">", "<h1>Page not found</h1>", "Back to the home page")]
    [InlineData("/capteurs/ecole-1?lang=en", "fr", "<html lang=\"en\">", "<h1>Page not found</h1>", "Back to the home page")]
    public async Task An_unknown_address_gets_a_404_page_in_the_visitors_language_with_a_way_back(string path, string acceptLanguage, string html, string heading, string wayBack)
    {
        using HttpClient client = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using HttpResponseMessage response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(html, body, StringComparison.Ordinal);
        Assert.Contains(heading, body, StringComparison.Ordinal);
        Assert.Matches($"<a href=\"/\">{wayBack}[^<]*</a>", SectionOf(body, "contenu", "</main>"));
    }

    [Fact]
    public async Task An_unknown_open_data_address_stays_a_bare_404_for_programs()
    {
        using HttpClient client = _site.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/api/open/v1/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_home_page_names_the_site_once_in_its_title()
    {
        Assert.Contains("<title>Qualité de l&#x27;air dans nos communes</title>", await GetAsync("/"), StringComparison.Ordinal);
        Assert.Contains(
            "<title>Qualité de l&#x27;air à Saint-Jean – Qualité de l&#x27;air dans nos communes</title>",
            await GetAsync("/commune/saint-jean"),
            StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string path)
    {
        using HttpClient client = _site.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The article of one node on a municipality page.</summary>
    private static string Section(string html, string headingId)
    {
        int start = html.IndexOf($"aria-labelledby=\"{headingId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no article for {headingId}");
        int end = html.IndexOf("</article>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    /// <summary>The list item of the home page that links to <paramref name="href"/>.</summary>
    private static string ListItem(string html, string href)
    {
        int link = html.IndexOf($"href=\"{href}\"", StringComparison.Ordinal);
        Assert.True(link >= 0, $"no link to {href}");
        int start = html.LastIndexOf("<li", link, StringComparison.Ordinal);
        int end = html.IndexOf("</li>", link, StringComparison.Ordinal);
        return html[start..end];
    }

    /// <summary>From the element with id <paramref name="id"/> to the end of its section.</summary>
    private static string SectionOf(string html, string id, string end = "</section>")
    {
        int start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element with id {id}");
        return html[start..html.IndexOf(end, start, StringComparison.Ordinal)];
    }
}
