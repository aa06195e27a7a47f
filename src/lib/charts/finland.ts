/**
 * Finland's municipal boundaries (Statistics Finland, 2025 division, 1:4.5 M, CC BY 4.0 —
 * "Lähde: Tilastokeskus"; see data/reference/SOURCES.md) as SVG paths, one per municipality,
 * keyed by the 3-digit municipality code (`kunta`). Loaded lazily with the map (./SvgMap.svelte).
 */
import raw from '../../../data/reference/municipalities.geojson?raw';

/** The feature property that holds the municipality code. */
export const FINLAND_NAME_PROPERTY = 'kunta';

type Ring = [number, number][];
interface Feature {
	properties: Record<string, unknown>;
	geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** A map drawing: its size in its own units and one path per area, named by the area's id. */
export interface MapGeometry {
	width: number;
	height: number;
	paths: { name: string; d: string }[];
}

/** Longitude degrees are this much shorter than latitude degrees on the map (Finland lies around 60–70° N). */
export const LONGITUDE_SCALE = 0.5;
/** Units per degree of latitude: the map's usual height (560 px) is then about one unit per pixel. */
const UNITS_PER_DEGREE = 54;

let finland: MapGeometry | null = null;

/** Finland's municipalities, parsed once. */
export function finlandGeometry(): MapGeometry {
	finland ??= geoJsonPaths(JSON.parse(raw), FINLAND_NAME_PROPERTY);
	return finland;
}

/**
 * A GeoJSON FeatureCollection of (Multi)Polygons as SVG path data: each feature one path named by
 * its `nameProperty`, rings as closed subpaths (holes by the rings' winding: drawn with the
 * `evenodd` rule a hole stays open whatever its winding), longitude × LONGITUDE_SCALE, north up,
 * the drawing's corner at (0, 0).
 */
export function geoJsonPaths(geo: { features: Feature[] }, nameProperty: string): MapGeometry {
	const rings = (f: Feature): Ring[] => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat());
	let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
	for (const f of geo.features)
		for (const ring of rings(f))
			for (const [lon, lat] of ring) {
				minX = Math.min(minX, lon);
				maxX = Math.max(maxX, lon);
				minY = Math.min(minY, lat);
				maxY = Math.max(maxY, lat);
			}
	const x = (lon: number) => Math.round((lon - minX) * LONGITUDE_SCALE * UNITS_PER_DEGREE * 100) / 100;
	const y = (lat: number) => Math.round((maxY - lat) * UNITS_PER_DEGREE * 100) / 100;
	const paths = geo.features.map((f) => ({
		name: String(f.properties[nameProperty]),
		d: rings(f)
			.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon)} ${y(lat)}`).join('L')}Z`)
			.join('')
	}));
	return { width: x(maxX), height: y(minY), paths };
}
