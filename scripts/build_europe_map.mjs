// Builds static/map/europe.svg, the country outlines under the network map, from Natural Earth
// (public domain) as the npm package world-atlas redistributes it. Run once, when the map's box
// or projection (network/europe_map.json) changes; the SVG is committed, so nothing is fetched
// at view time:
//
//   npm install --prefix /tmp/europe-map world-atlas@2.0.2 topojson-client@3.1.0
//   node scripts/build_europe_map.mjs /tmp/europe-map
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const repository = new URL("..", import.meta.url).pathname;
const modules = process.argv[2];
if (!modules) {
  console.error("usage: node scripts/build_europe_map.mjs DIRECTORY_WITH_NODE_MODULES");
  process.exit(2);
}
const require = createRequire(join(modules, "package.json"));
const { feature } = require("topojson-client");
const atlas = require("world-atlas/countries-50m.json");
const box = JSON.parse(readFileSync(join(repository, "network/europe_map.json"), "utf8"));

const RADIANS = Math.PI / 180;
const xScale = Math.cos(box.standard_parallel * RADIANS);
const scale = box.width / ((box.east - box.west) * xScale);
const width = box.width;
const height = Math.round((box.north - box.south) * scale);
const MARGIN = 5; // clip a little outside the view, so that no clipped edge shows
const MIN_STEP = 1.5; // drop points closer than this to the last one kept (units)

// The same formula as network/map.py.
const project = ([lon, lat]) => [(lon - box.west) * xScale * scale, (box.north - lat) * scale];

// Sutherland–Hodgman: the ring clipped to one half-plane at a time.
function clip(ring) {
  const edges = [
    [(p) => p[0] >= -MARGIN, (a, b) => cross(a, b, 0, -MARGIN)],
    [(p) => p[0] <= width + MARGIN, (a, b) => cross(a, b, 0, width + MARGIN)],
    [(p) => p[1] >= -MARGIN, (a, b) => cross(a, b, 1, -MARGIN)],
    [(p) => p[1] <= height + MARGIN, (a, b) => cross(a, b, 1, height + MARGIN)],
  ];
  for (const [inside, intersection] of edges) {
    const input = ring;
    ring = [];
    input.forEach((current, i) => {
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) ring.push(intersection(previous, current));
        ring.push(current);
      } else if (inside(previous)) {
        ring.push(intersection(previous, current));
      }
    });
    if (!ring.length) break;
  }
  return ring;
}

function cross(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

function simplified(ring) {
  const kept = [];
  for (const point of ring) {
    const last = kept[kept.length - 1];
    if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= MIN_STEP) kept.push(point);
  }
  return kept;
}

const number = (value) => String(Math.round(value * 10) / 10);

function pathData(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .flat()
    .map((ring) => simplified(clip(ring.map(project))))
    .filter((ring) => ring.length >= 3)
    .map((ring) => "M" + ring.map((p) => `${number(p[0])} ${number(p[1])}`).join("L") + "Z")
    .join("");
}

const paths = feature(atlas, atlas.objects.countries)
  .features.filter((country) => country.geometry)
  .map((country) => pathData(country.geometry))
  .filter((d) => d)
  .map((d) => `<path d="${d}"/>`);

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">
<!-- Natural Earth 1:50m countries (public domain) via world-atlas 2.0.2; built by scripts/build_europe_map.mjs -->
<rect width="${width}" height="${height}" fill="#dbe8f2"/>
<g fill="#f6f4ee" stroke="#98a3ae" stroke-width="0.8" stroke-linejoin="round">
${paths.join("\n")}
</g>
</svg>
`;
writeFileSync(join(repository, "static/map/europe.svg"), svg);
console.log(`static/map/europe.svg: ${width}×${height}, ${paths.length} countries, ${svg.length} bytes`);
