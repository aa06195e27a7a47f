/**
 * Scores an ingested dataset against the demo corpus's ground truth: precision and recall per
 * fact type, and the most frequent misses. Pure: takes truth documents and dataset rows.
 *
 * Facts are compared as sets of tuples per document (matched by file name):
 * - municipalities: (file, code)
 * - languages: (file, code, context); also without the context
 * - providers: (file, service, client group, provider kind); `both` counts as jobseekers + others
 * - arrangements: (file, arrangement type), `municipal_cooperation` left out (no truth for it; see
 *   the independent set); 54 § hosts: (file, host municipality code)
 * - parts not answered: (file, key) for mandatory parts whose grade is not `answered`;
 *   grades: (file, key, grade) for every mandatory part
 * - ingest outcome: (file, programme:<input kind> | error:<code>)
 * - updated date (a day, or `YYYY-MM` when only a month is written), superseded versions
 * - version links: (later file, earlier file) for consecutive readable versions of a programme
 *   (programme_versions.previous_programme_ids)
 * - change records: (later file, earlier file, change) for each pair of consecutive readable
 *   versions, change = `grade <key>`, `text <direction> <key>`, `provider <direction>
 *   <service>/<client group>/<provider kind>`, `language <direction> <code>/<context>`,
 *   `arrangement <direction> <type>` (programme_changes; `municipal_cooperation` left out as above);
 *   also by kind of change
 * Broken files and scans have no readable facts; only their ingest outcome is scored.
 */
import type { TruthChange, TruthDocument } from './truth';

export interface DatasetRows {
	programmes: {
		programme_id: string;
		file: string;
		input_kind: string;
		municipality_codes: string[];
		updated: string | null;
		/** programmes.updated_status (absent in older datasets: a date is then a day). */
		updated_status?: string;
		is_synthetic: boolean;
		is_current: boolean;
	}[];
	languages: { programme_id: string; key: string; language_code: string; context: string; snippet: string }[];
	responsibilities: { programme_id: string; key: string; service: string; client_group: string; provider: string; provider_kind: string; snippet: string }[];
	cooperation: { programme_id: string; key: string; arrangement_type: string; partner: string; partner_municipality_code: string | null; role: string; snippet: string }[];
	completeness: { programme_id: string; key: string; grade: string; mandatory: boolean }[];
	ingest_log: { file: string; seq: number; programme_id: string | null; status: string; code: string; reason: string }[];
	programme_versions?: { code: string; programme_id: string; previous_programme_ids: string[] }[];
	programme_changes?: {
		from_programme_id: string;
		to_programme_id: string;
		change: string;
		direction: string;
		key: string;
		service: string | null;
		client_group: string | null;
		provider_kind: string | null;
		language_code: string | null;
		context: string | null;
		arrangement_type: string | null;
	}[];
}

export const FACT_TYPES = [
	'ingest outcome',
	'municipalities',
	'languages',
	'languages (any context)',
	'providers',
	'arrangements',
	'54 § hosts',
	'parts not answered',
	'part grades',
	'updated date',
	'superseded versions',
	'version links',
	'change records',
	'changes: grade',
	'changes: text',
	'changes: providers',
	'changes: languages',
	'changes: arrangements'
] as const;
export type FactType = (typeof FACT_TYPES)[number];

export interface FactScore {
	type: FactType;
	truth: number;
	predicted: number;
	truePositives: number;
	precision: number | null;
	recall: number | null;
}

export interface Miss {
	type: FactType;
	/** The fact without its file, e.g. "prs / orientation". */
	signature: string;
	count: number;
	example: { file: string; evidence: string };
}

export interface Evaluation {
	documents: number;
	/** Documents the dataset has no row for at all (not even an ingest_log entry). */
	unseen: string[];
	/** Readable demo programmes the dataset does not mark synthetic (must be 0). */
	notMarkedSynthetic: string[];
	scores: FactScore[];
	missed: Miss[];
	falsePositives: Miss[];
	/** Documents with the most missed facts. */
	worstDocuments: { file: string; missed: number; truth: number }[];
}

interface Fact {
	doc: string;
	signature: string;
	evidence: string;
}

const basename = (p: string) => p.replace(/\\/g, '/').split('/').pop() ?? p;

function expandGroup(group: string): string[] {
	return group === 'both' ? ['jobseekers', 'others'] : [group];
}

function readable(t: TruthDocument): boolean {
	return t.expected_ingest.outcome === 'programme' && t.kind !== 'scan';
}

/** Fact types that break another one down (left out of the per-document miss counts and lists). */
const BREAKDOWNS = new Set<string>(['part grades', 'languages (any context)', 'changes: grade', 'changes: text', 'changes: providers', 'changes: languages', 'changes: arrangements']);

const CHANGE_TYPE: Record<string, FactType> = {
	grade: 'changes: grade',
	text: 'changes: text',
	provider: 'changes: providers',
	language: 'changes: languages',
	arrangement: 'changes: arrangements'
};

/** A change as the evaluation compares it (see the header). */
export function changeSignature(c: Pick<TruthChange, 'change' | 'direction' | 'key' | 'service' | 'client_group' | 'provider_kind' | 'language_code' | 'context' | 'arrangement_type'>): string {
	switch (c.change) {
		case 'grade':
			return `grade ${c.key}`;
		case 'text':
			return `text ${c.direction} ${c.key}`;
		case 'provider':
			return `provider ${c.direction} ${c.service}/${c.client_group}/${c.provider_kind}`;
		case 'language':
			return `language ${c.direction} ${c.language_code}/${c.context}`;
		default:
			return `arrangement ${c.direction} ${c.arrangement_type}`;
	}
}

/**
 * The truth's version links: each readable document and the readable version nearest before it
 * (a broken or scanned version in between is skipped: the dataset cannot see it). `direct` marks
 * links whose earlier document is the very version before (only those have truth changes).
 */
export function truthLinks(truth: readonly TruthDocument[]): { from: string; to: string; direct: boolean }[] {
	const byFile = new Map(truth.map((t) => [t.file, t]));
	const out: { from: string; to: string; direct: boolean }[] = [];
	for (const t of truth) {
		if (!readable(t)) continue;
		let prev = t.version.supersedes;
		let direct = true;
		while (prev && byFile.has(prev) && !readable(byFile.get(prev)!)) {
			prev = byFile.get(prev)!.version.supersedes;
			direct = false;
		}
		if (prev && byFile.has(prev)) out.push({ from: prev, to: t.file, direct });
	}
	return out;
}

function truthFacts(t: TruthDocument): Record<FactType, Fact[]> {
	const doc = t.file;
	const f = (signature: string, evidence = ''): Fact => ({ doc, signature, evidence });
	const out = Object.fromEntries(FACT_TYPES.map((k) => [k, [] as Fact[]])) as Record<FactType, Fact[]>;
	out['ingest outcome'].push(
		f(t.expected_ingest.outcome === 'programme' ? `programme:${t.expected_ingest.input_kind}` : `error:${t.expected_ingest.error_codes[0]}`, t.kind)
	);
	if (t.version.superseded_by) out['superseded versions'].push(f('superseded', `superseded by ${t.version.superseded_by}`));
	if (!readable(t)) return out;
	for (const code of t.municipality_codes) out.municipalities.push(f(code, t.municipalities_text ?? ''));
	for (const l of t.languages) {
		out.languages.push(f(`${l.code} / ${l.context}`, `${l.key}: ${l.text}`));
		out['languages (any context)'].push(f(l.code, `${l.key}: ${l.text}`));
	}
	for (const p of t.providers) {
		for (const g of expandGroup(p.client_group)) out.providers.push(f(`${p.service} / ${g} / ${p.provider_kind}`, `${p.key}: ${p.text}`));
	}
	for (const a of t.arrangements) {
		out.arrangements.push(f(a.arrangement_type, `${a.key}: ${a.text}`));
		if (a.arrangement_type === 'kuntalaki_54' && a.role === 'host' && a.partner_municipality_code) out['54 § hosts'].push(f(a.partner_municipality_code, `${a.key}: ${a.text}`));
	}
	for (const p of t.parts) {
		if (!p.mandatory) continue;
		out['part grades'].push(f(`${p.key} / ${p.grade}`, (t.values[p.key] ?? '').slice(0, 60)));
		if (p.grade !== 'answered') out['parts not answered'].push(f(p.key, `${p.grade}: ${(t.values[p.key] ?? '').slice(0, 60)}`));
	}
	const date = t.updated ?? t.updated_month ?? null;
	if (date) out['updated date'].push(f(date, t.updated_text ?? ''));
	return out;
}

/** Version links and change records of the truth (they span two documents). */
function truthHistory(truth: readonly TruthDocument[], out: Record<FactType, Fact[]>): void {
	const byFile = new Map(truth.map((t) => [t.file, t]));
	for (const link of truthLinks(truth)) {
		out['version links'].push({ doc: link.to, signature: `after ${link.from}`, evidence: '' });
		const changes = link.direct ? byFile.get(link.to)!.changes : null;
		for (const c of changes ?? []) {
			const signature = `${link.from} | ${changeSignature(c)}`;
			const evidence = `${c.key}${c.provider ? `: ${c.provider}` : ''}${c.partner ? `: ${c.partner}` : ''}`;
			out['change records'].push({ doc: link.to, signature, evidence });
			out[CHANGE_TYPE[c.change]].push({ doc: link.to, signature, evidence });
		}
	}
}

function predictedFacts(rows: DatasetRows, files: ReadonlySet<string>, readableFiles: ReadonlySet<string>): Record<FactType, Fact[]> {
	const out = Object.fromEntries(FACT_TYPES.map((k) => [k, [] as Fact[]])) as Record<FactType, Fact[]>;
	// programme id → files (identical bytes under two names share an id).
	const filesOf = new Map<string, string[]>();
	const add = (id: string | null, file: string) => {
		if (!id || !files.has(file)) return;
		const list = filesOf.get(id) ?? [];
		if (!list.includes(file)) list.push(file);
		filesOf.set(id, list);
	};
	for (const p of rows.programmes) add(p.programme_id, basename(p.file));
	for (const l of rows.ingest_log) add(l.programme_id, basename(l.file));
	const docs = (id: string) => filesOf.get(id) ?? [];

	// Ingest outcome: one per file, from the log (an error row wins), else from the programme.
	const programmeById = new Map(rows.programmes.map((p) => [p.programme_id, p]));
	const logByFile = new Map<string, DatasetRows['ingest_log']>();
	for (const l of rows.ingest_log) {
		const file = basename(l.file);
		if (!files.has(file)) continue;
		logByFile.set(file, [...(logByFile.get(file) ?? []), l]);
	}
	for (const [file, entries] of logByFile) {
		const error = entries.find((e) => e.status === 'error');
		if (error) out['ingest outcome'].push({ doc: file, signature: `error:${error.code}`, evidence: error.reason });
		else {
			const id = entries.find((e) => e.programme_id)?.programme_id;
			const p = id ? programmeById.get(id) : undefined;
			out['ingest outcome'].push({ doc: file, signature: `programme:${p?.input_kind ?? 'unknown'}`, evidence: entries.map((e) => e.code).join(', ') });
		}
	}
	for (const p of rows.programmes) {
		for (const doc of docs(p.programme_id)) {
			for (const code of p.municipality_codes ?? []) out.municipalities.push({ doc, signature: code, evidence: '' });
			const status = p.updated_status ?? 'ok';
			if (p.updated && (status === 'ok' || status === 'month')) out['updated date'].push({ doc, signature: p.updated.slice(0, status === 'month' ? 7 : 10), evidence: '' });
			if (p.is_current === false) out['superseded versions'].push({ doc, signature: 'superseded', evidence: '' });
		}
	}
	for (const l of rows.languages) {
		for (const doc of docs(l.programme_id)) {
			out.languages.push({ doc, signature: `${l.language_code} / ${l.context}`, evidence: `${l.key}: ${l.snippet}` });
			out['languages (any context)'].push({ doc, signature: l.language_code, evidence: `${l.key}: ${l.snippet}` });
		}
	}
	for (const r of rows.responsibilities) {
		for (const doc of docs(r.programme_id)) {
			for (const g of expandGroup(r.client_group)) out.providers.push({ doc, signature: `${r.service} / ${g} / ${r.provider_kind}`, evidence: `${r.key}: ${r.snippet}` });
		}
	}
	for (const c of rows.cooperation) {
		// The generator records no truth for plain cooperation with a named municipality (issue 10):
		// that type is scored on the independent set (tests/golden/prose), not here.
		if (c.arrangement_type === 'municipal_cooperation') continue;
		for (const doc of docs(c.programme_id)) {
			out.arrangements.push({ doc, signature: c.arrangement_type, evidence: `${c.key}: ${c.snippet}` });
			if (c.arrangement_type === 'kuntalaki_54' && c.role === 'host' && c.partner_municipality_code) {
				out['54 § hosts'].push({ doc, signature: c.partner_municipality_code, evidence: `${c.key}: ${c.snippet}` });
			}
		}
	}
	// Version links and change records: only between documents the truth can judge (readable ones).
	const judged = (file: string) => readableFiles.has(file);
	for (const v of rows.programme_versions ?? []) {
		for (const prev of v.previous_programme_ids ?? []) {
			for (const to of docs(v.programme_id)) for (const from of docs(prev)) if (judged(to) && judged(from)) out['version links'].push({ doc: to, signature: `after ${from}`, evidence: v.code });
		}
	}
	for (const c of rows.programme_changes ?? []) {
		if (c.change === 'arrangement' && c.arrangement_type === 'municipal_cooperation') continue;
		for (const to of docs(c.to_programme_id)) {
			for (const from of docs(c.from_programme_id)) {
				if (!judged(to) || !judged(from)) continue;
				const signature = `${from} | ${changeSignature(c as unknown as TruthChange)}`;
				out['change records'].push({ doc: to, signature, evidence: c.key });
				out[CHANGE_TYPE[c.change]]?.push({ doc: to, signature, evidence: c.key });
			}
		}
	}
	for (const c of rows.completeness) {
		if (!c.mandatory) continue;
		for (const doc of docs(c.programme_id)) {
			out['part grades'].push({ doc, signature: `${c.key} / ${c.grade}`, evidence: '' });
			if (c.grade !== 'answered') out['parts not answered'].push({ doc, signature: c.key, evidence: c.grade });
		}
	}
	return out;
}

const id = (f: Fact) => `${f.doc}\u0000${f.signature}`;

function dedupe(facts: Fact[]): Map<string, Fact> {
	const m = new Map<string, Fact>();
	for (const f of facts) if (!m.has(id(f))) m.set(id(f), f);
	return m;
}

function tally(facts: Iterable<Fact>, type: FactType): Miss[] {
	const by = new Map<string, Miss>();
	for (const f of facts) {
		const m = by.get(f.signature) ?? { type, signature: f.signature, count: 0, example: { file: f.doc, evidence: f.evidence } };
		m.count++;
		by.set(f.signature, m);
	}
	return [...by.values()];
}

export function evaluate(truth: readonly TruthDocument[], rows: DatasetRows, top = 12): Evaluation {
	const files = new Set(truth.map((t) => t.file));
	const truthByType = Object.fromEntries(FACT_TYPES.map((k) => [k, [] as Fact[]])) as Record<FactType, Fact[]>;
	for (const t of truth) {
		const facts = truthFacts(t);
		for (const k of FACT_TYPES) truthByType[k].push(...facts[k]);
	}
	truthHistory(truth, truthByType);
	// Pairs whose later version's changes the truth does not know (an unreadable version before it) are not judged.
	const readableFiles = new Set(truth.filter(readable).map((t) => t.file));
	const predByType = predictedFacts(rows, files, readableFiles);
	const undirect = new Set(truthLinks(truth).filter((l) => !l.direct).map((l) => `${l.to}\u0000${l.from}`));
	for (const k of FACT_TYPES) {
		if (k === 'change records' || k.startsWith('changes: ')) predByType[k] = predByType[k].filter((f) => !undirect.has(`${f.doc}\u0000${f.signature.split(' | ')[0]}`));
	}
	const scores: FactScore[] = [];
	const missed: Miss[] = [];
	const falsePositives: Miss[] = [];
	const missesPerDoc = new Map<string, number>();
	const truthPerDoc = new Map<string, number>();
	for (const type of FACT_TYPES) {
		const T = dedupe(truthByType[type]);
		const P = dedupe(predByType[type]);
		let tp = 0;
		const fn: Fact[] = [];
		for (const [k, f] of T) {
			if (P.has(k)) tp++;
			else fn.push(f);
			if (!BREAKDOWNS.has(type)) truthPerDoc.set(f.doc, (truthPerDoc.get(f.doc) ?? 0) + 1);
		}
		const fp = [...P].filter(([k]) => !T.has(k)).map(([, f]) => f);
		scores.push({
			type,
			truth: T.size,
			predicted: P.size,
			truePositives: tp,
			precision: P.size === 0 ? null : tp / P.size,
			recall: T.size === 0 ? null : tp / T.size
		});
		missed.push(...tally(fn, type));
		falsePositives.push(...tally(fp, type));
		if (!BREAKDOWNS.has(type)) for (const f of fn) missesPerDoc.set(f.doc, (missesPerDoc.get(f.doc) ?? 0) + 1);
	}
	const seen = new Set<string>();
	for (const l of rows.ingest_log) seen.add(basename(l.file));
	for (const p of rows.programmes) seen.add(basename(p.file));
	const synthetic = new Set(rows.programmes.filter((p) => p.is_synthetic).map((p) => basename(p.file)));
	const inDataset = new Set(rows.programmes.map((p) => basename(p.file)));
	const byCount = (a: Miss, b: Miss) => b.count - a.count || a.type.localeCompare(b.type) || a.signature.localeCompare(b.signature);
	return {
		documents: truth.length,
		unseen: truth.map((t) => t.file).filter((f) => !seen.has(f)),
		notMarkedSynthetic: truth.filter((t) => t.expected_ingest.outcome === 'programme' && inDataset.has(t.file) && !synthetic.has(t.file)).map((t) => t.file),
		scores,
		missed: missed.filter((m) => !BREAKDOWNS.has(m.type)).sort(byCount).slice(0, top),
		falsePositives: falsePositives.filter((m) => !BREAKDOWNS.has(m.type)).sort(byCount).slice(0, top),
		worstDocuments: [...missesPerDoc]
			.map(([file, n]) => ({ file, missed: n, truth: truthPerDoc.get(file) ?? 0 }))
			.sort((a, b) => b.missed - a.missed || a.file.localeCompare(b.file))
			.slice(0, 5)
	};
}

const pct = (x: number | null) => (x === null ? '    –' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** The report `npm run eval` prints. */
export function formatEvaluation(e: Evaluation): string {
	const lines: string[] = [];
	lines.push(`Demo corpus evaluation: ${e.documents} synthetic documents with ground truth`);
	lines.push('');
	lines.push(`  ${'fact type'.padEnd(24)} ${'truth'.padStart(6)} ${'found'.padStart(6)} ${'correct'.padStart(7)}  ${'precision'.padStart(9)}  ${'recall'.padStart(7)}`);
	lines.push(`  ${'-'.repeat(24)} ${'-'.repeat(6)} ${'-'.repeat(6)} ${'-'.repeat(7)}  ${'-'.repeat(9)}  ${'-'.repeat(7)}`);
	for (const s of e.scores) {
		lines.push(`  ${s.type.padEnd(24)} ${String(s.truth).padStart(6)} ${String(s.predicted).padStart(6)} ${String(s.truePositives).padStart(7)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(7)}`);
	}
	lines.push('');
	lines.push('  ("–": nothing to measure. Providers compare service × client group × provider kind; "both" counts for both groups.)');
	if (e.unseen.length) lines.push('', `  ${e.unseen.length} document(s) are not in the dataset at all, e.g. ${e.unseen.slice(0, 3).join(', ')}`);
	if (e.notMarkedSynthetic.length) {
		lines.push('', `  !! ${e.notMarkedSynthetic.length} synthetic document(s) are NOT marked is_synthetic in the dataset, e.g. ${e.notMarkedSynthetic.slice(0, 3).join(', ')}`);
	}
	const list = (title: string, items: Miss[]) => {
		lines.push('', title);
		if (items.length === 0) lines.push('  (none)');
		for (const m of items) {
			const ev = m.example.evidence.replace(/\s+/g, ' ').slice(0, 70);
			lines.push(`  ${String(m.count).padStart(4)} × ${m.type}: ${m.signature}   e.g. ${m.example.file}${ev ? ` — "${ev}"` : ''}`);
		}
	};
	list('Most frequent misses (in the truth, not found):', e.missed);
	list('Most frequent false findings (found, not in the truth):', e.falsePositives);
	lines.push('', 'Documents with the most misses:');
	if (e.worstDocuments.length === 0) lines.push('  (none)');
	for (const d of e.worstDocuments) lines.push(`  ${String(d.missed).padStart(4)} of ${String(d.truth).padStart(3)}  ${d.file}`);
	return lines.join('\n');
}
