// The map, as an addition: the page lists every node without it. Loads Leaflet only when there is something to
// show, draws markers (on a plain background unless a tile URL is configured) and reveals the section; any failure
// leaves the page as it was without JavaScript.
(function () {
  'use strict';
  var map = document.getElementById('carte');
  var section = document.getElementById('carte-section');
  if (!map || !section) { return; }
  var points = JSON.parse(map.getAttribute('data-points') || '[]');
  if (!points.length) { return; }
  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/lib/leaflet/leaflet.css';
  document.head.appendChild(css);
  var script = document.createElement('script');
  script.src = '/lib/leaflet/leaflet.js';
  script.onload = function () {
    section.hidden = false;
    var leaflet = window.L.map(map, { scrollWheelZoom: false });
    var tiles = map.getAttribute('data-tiles');
    if (tiles) {
      window.L.tileLayer(tiles, { attribution: map.getAttribute('data-attribution') || '', maxZoom: 19 }).addTo(leaflet);
    }
    var bounds = [];
    points.forEach(function (p) {
      var marker = window.L.circleMarker([p.lat, p.lon], { radius: 10, color: '#1a1a1a', weight: 2, fillColor: p.colour || '#ffffff', fillOpacity: 1 });
      var link = document.createElement('a');
      link.href = p.url;
      link.textContent = p.band ? p.name + ' — ' + p.band : p.name;
      marker.bindPopup(link).bindTooltip(link.textContent).addTo(leaflet);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) { leaflet.setView(bounds[0], 15); } else { leaflet.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 }); }
  };
  document.head.appendChild(script);
}());
