import fs from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, MultiLineString, MultiPoint } from 'geojson';
import type { FC } from 'hono/jsx';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Theme maps are drawn on the server as SVG from Natural Earth outlines shipped in the world-atlas
 * package: no tile server, no script, nothing fetched by the reader's browser, and the map prints.
 * Two resolutions: the 1:110m outlines for views of a continent or more (small pages), the 1:50m
 * ones for a region, where the coarse coastlines would misplace cities on the wrong side of a shore.
 */

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 450;

type Atlas = { land: FeatureCollection | ReturnType<typeof feature>; borders: MultiLineString };
const require = createRequire(import.meta.url);
const atlases = new Map<string, Atlas>();

function atlas(resolution: '110m' | '50m'): Atlas {
  let loaded = atlases.get(resolution);
  if (!loaded) {
    const file = require.resolve(`world-atlas/countries-${resolution}.json`);
    const topology = JSON.parse(fs.readFileSync(file, 'utf8')) as Topology<{
      countries: GeometryCollection;
      land: GeometryCollection;
    }>;
    loaded = {
      land: feature(topology, topology.objects.land),
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
    atlases.set(resolution, loaded);
  }
  return loaded;
}

export type MapPoint = {
  id: number;
  name: string;
  latitude: number;
  longitude: number;
  count: number;
  href: string;
  selected: boolean;
};

export type DrawnMap = {
  land: string;
  borders: string;
  points: (MapPoint & { x: number; y: number; r: number })[];
};

/** Degrees added around the points, so a single city still shows its surroundings. */
const MARGIN_DEGREES = 6;

/** Projects the outlines and points, fitted to the points (or the whole world when there are none). */
export function drawMap(points: MapPoint[]): DrawnMap {
  const projection = geoEqualEarth();
  const extent: [[number, number], [number, number]] = [
    [12, 12],
    [MAP_WIDTH - 12, MAP_HEIGHT - 12],
  ];
  let span = 360;
  if (points.length === 0) {
    projection.fitExtent(extent, { type: 'Sphere' });
  } else {
    const lons = points.map((p) => p.longitude);
    const lats = points.map((p) => p.latitude);
    const west = Math.max(-180, Math.min(...lons) - MARGIN_DEGREES);
    const east = Math.min(180, Math.max(...lons) + MARGIN_DEGREES);
    const south = Math.max(-85, Math.min(...lats) - MARGIN_DEGREES);
    const north = Math.min(85, Math.max(...lats) + MARGIN_DEGREES);
    span = Math.max(east - west, north - south);
    // Corners and edge midpoints of the box: a curved projection bends its edges, points cannot be
    // misread as the rest of the globe the way a polygon of the wrong winding is.
    const midLon = (west + east) / 2;
    const midLat = (south + north) / 2;
    const box: MultiPoint = {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [midLon, south],
        [east, south],
        [east, midLat],
        [east, north],
        [midLon, north],
        [west, north],
        [west, midLat],
      ],
    };
    projection.fitExtent(extent, box);
  }
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, MAP_HEIGHT],
  ]);
  const { land, borders } = atlas(span > 60 ? '110m' : '50m');
  const path = geoPath(projection).digits(1);
  const largest = Math.max(1, ...points.map((p) => p.count));
  const drawn: DrawnMap['points'] = [];
  for (const point of points) {
    const xy = projection([point.longitude, point.latitude]);
    if (!xy) continue;
    // Area grows with the count; the smallest dot stays big enough to hit with a finger.
    drawn.push({
      ...point,
      x: round(xy[0]),
      y: round(xy[1]),
      r: round(5 + 13 * Math.sqrt(point.count / largest)),
    });
  }
  // Small dots on top of large ones, so every point can be clicked.
  drawn.sort((a, b) => b.r - a.r);
  return { land: path(land as FeatureCollection) ?? '', borders: path(borders) ?? '', points: drawn };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The map as inline SVG. Each place is a link to the documents of that place; the SVG has a title
 * and a description, and the page gives the same places as a table for readers who cannot see it.
 */
export const ThemeMap: FC<{ title: string; description: string; points: MapPoint[] }> = ({
  title,
  description,
  points,
}) => {
  const map = drawMap(points);
  return (
    <svg
      class="theme-map__svg"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      aria-labelledby="theme-map-title theme-map-desc"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="theme-map-title">{title}</title>
      <desc id="theme-map-desc">{description}</desc>
      <rect class="theme-map__sea" x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} />
      <path class="theme-map__land" d={map.land} />
      <path class="theme-map__borders" d={map.borders} />
      {map.points.map((p) => (
        <a
          href={p.href}
          class={p.selected ? 'theme-map__place theme-map__place--selected' : 'theme-map__place'}
        >
          <title>{`${p.name}: ${p.count} ${p.count === 1 ? 'document' : 'documents'}`}</title>
          <circle cx={p.x} cy={p.y} r={p.r} />
        </a>
      ))}
    </svg>
  );
};
