/**
 * Finland's municipal boundaries (Statistics Finland, 2025 division, 1:4.5 M, CC BY 4.0 —
 * "Lähde: Tilastokeskus"; see data/reference/SOURCES.md) registered as an ECharts map.
 * Features are keyed by the 3-digit municipality code (`kunta`). Loaded lazily with the map.
 */
import raw from '../../../data/reference/municipalities.geojson?raw';
import type { EChartsModule } from './echarts';
import { FINLAND_MAP } from './finland-names';

export { FINLAND_MAP, FINLAND_NAME_PROPERTY } from './finland-names';

let registered = false;

export function registerFinland(echarts: EChartsModule): void {
	if (registered) return;
	echarts.registerMap(FINLAND_MAP, JSON.parse(raw));
	registered = true;
}
