/**
 * Finland's municipal boundaries (Statistics Finland, 2025 division, 1:4.5 M, CC BY 4.0 —
 * "Lähde: Tilastokeskus"; see data/reference/SOURCES.md) registered as an ECharts map.
 * Features are keyed by the 3-digit municipality code (`kunta`). Loaded lazily with the map.
 *
 * Registered as an SVG map (one `<path name="<code>">` per municipality, drawn from the GeoJSON
 * here): ECharts keeps an SVG map's shapes between updates and only restyles them, where it
 * rebuilds every shape of a GeoJSON map on each update (a filter change recolours 308 of them).
 */
import raw from '../../../data/reference/municipalities.geojson?raw';
import type { EChartsModule } from './echarts';
import { FINLAND_MAP, FINLAND_NAME_PROPERTY } from './finland-names';

export { FINLAND_MAP, FINLAND_NAME_PROPERTY } from './finland-names';

let registered = false;

export function registerFinland(echarts: EChartsModule): void {
	if (registered) return;
	echarts.registerMap(FINLAND_MAP, { svg: geoJsonToSvg(JSON.parse(raw), FINLAND_NAME_PROPERTY) });
	registered = true;
}

type Ring = [number, number][];
interface Feature {
	properties: Record<string, unknown>;
	geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** Longitude degrees are this much shorter than latitude degrees on the map (as the GeoJSON map's `aspectScale` did). */
export const LONGITUDE_SCALE = 0.5;
/** SVG units per degree of latitude: the map's usual height (560 px) is then about one unit per pixel, so borders keep their width. */
const UNITS_PER_DEGREE = 54;

/**
 * A GeoJSON FeatureCollection of (Multi)Polygons as an SVG document: each feature one `<path>`
 * named by its `nameProperty`, rings as closed subpaths (holes by the rings' winding, as the
 * GeoJSON map drew them), longitude × LONGITUDE_SCALE, north up.
 */
export function geoJsonToSvg(geo: { features: Feature[] }, nameProperty: string): string {
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
	const width = x(maxX);
	const height = y(minY);
	const paths = geo.features.map((f) => {
		const d = rings(f)
			.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon)} ${y(lat)}`).join('L')}Z`)
			.join('');
		return `<path name="${escapeAttribute(String(f.properties[nameProperty]))}" d="${d}"/>`;
	});
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${paths.join('')}</svg>`;
}

const escapeAttribute = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
