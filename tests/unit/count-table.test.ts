import { describe, expect, it } from 'vitest';
import { countTable } from '../../src/lib/components/views/count-table';

describe('countTable: a stacked chart’s counts as a table whose counts link to their evidence', () => {
	const regions = [
		{ code: '02', name: 'Varsinais-Suomi' },
		{ code: '06', name: 'Pirkanmaa' }
	];
	const counts: Record<string, number> = { '02|kuntalaki_54': 3, '06|joint_programme': 1 };
	const t = countTable({
		rows: regions,
		series: ['kuntalaki_54', 'joint_programme'],
		head: { key: 'region', label: 'Region', text: (r) => r.name },
		prefix: 't_',
		seriesLabel: (s) => s.toUpperCase(),
		count: (r, s) => counts[`${r.code}|${s}`] ?? 0,
		href: (r, s) => `/cooperation?type=${s}&in=${r.code}`
	});

	it('has a row-header column, then one numeric column per series, keyed by the prefix and the code', () => {
		expect(t.columns.map((c) => [c.key, c.label, !!c.rowHeader, !!c.numeric])).toEqual([
			['region', 'Region', true, false],
			['t_kuntalaki_54', 'KUNTALAKI_54', false, true],
			['t_joint_programme', 'JOINT_PROGRAMME', false, true]
		]);
	});

	it('has a row per input row with its header and counts (0 where there are none)', () => {
		expect(t.rows.map(({ of, ...cells }) => [of.code, cells])).toEqual([
			['02', { region: 'Varsinais-Suomi', t_kuntalaki_54: 3, t_joint_programme: 0 }],
			['06', { region: 'Pirkanmaa', t_kuntalaki_54: 0, t_joint_programme: 1 }]
		]);
	});

	it('links a count above 0 to its evidence and leaves a 0 unlinked', () => {
		const [, kl, jp] = t.columns;
		expect(kl.href?.(t.rows[0])).toBe('/cooperation?type=kuntalaki_54&in=02');
		expect(kl.href?.(t.rows[1])).toBeNull();
		expect(jp.href?.(t.rows[1])).toBe('/cooperation?type=joint_programme&in=06');
	});
});
