// Progressive enhancement of the staff overview's map: with Leaflet loaded, the plain SVG map is swapped for an
// interactive one (tiles only when Fleet:Web:MapTileUrl is set; otherwise markers on a plain background). Without
// JavaScript, or if Leaflet did not load, the SVG map and the table stay as they are.
(function () {
  "use strict";
  function start() {
    var host = document.getElementById("fleet-map");
    var data = document.getElementById("fleet-map-data");
    if (!host || !data || typeof window.L === "undefined") {
      return;
    }
    var markers = JSON.parse(data.textContent || "[]");
    if (markers.length === 0) {
      return;
    }
    host.hidden = false;
    var plain = document.getElementById("plain-map");
    if (plain) {
      plain.hidden = true;
    }
    var map = window.L.map(host, { attributionControl: true });
    var tiles = host.getAttribute("data-tile-url");
    if (tiles) {
      window.L.tileLayer(tiles, { maxZoom: 19, attribution: host.getAttribute("data-tile-attribution") || "" }).addTo(map);
    }
    var bounds = [];
    markers.forEach(function (m) {
      var point = [m.latitude, m.longitude];
      bounds.push(point);
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.name;
      var popup = document.createElement("div");
      popup.appendChild(link);
      popup.appendChild(document.createElement("br"));
      popup.appendChild(document.createTextNode(m.label));
      window.L.circleMarker(point, { radius: 8, color: "#ffffff", weight: 2, fillColor: m.colour, fillOpacity: 1 })
        .bindTooltip(m.name + " : " + m.label)
        .bindPopup(popup)
        .addTo(map);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
