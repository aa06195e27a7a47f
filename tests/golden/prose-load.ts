/** Loads tests/golden/prose and scores the enricher on it (Node side of prose-eval.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEnricher } from '../../src/lib/programme/enrich/index';
import { parseEmploymentAreas, parseMunicipalities } from '../../src/lib/reference/index';
import { evaluateGolden, parseGoldenPassage, type GoldenEvaluation, type GoldenPassage } from './prose-eval';

export function loadGoldenReference(root = '.') {
	return {
		municipalities: parseMunicipalities(readFileSync(join(root, 'data/reference/municipalities.csv'), 'utf8')),
		employmentAreas: parseEmploymentAreas(readFileSync(join(root, 'data/reference/employment_areas.csv'), 'utf8'))
	};
}

export function loadGoldenPassages(root = '.'): GoldenPassage[] {
	const dir = join(root, 'tests/golden/prose');
	const reference = loadGoldenReference(root);
	return readdirSync(dir)
		.filter((n) => n.endsWith('.txt'))
		.sort()
		.map((n) => parseGoldenPassage(n, readFileSync(join(dir, n), 'utf8'), reference.municipalities));
}

export function runGolden(root = '.'): GoldenEvaluation {
	return evaluateGolden(loadGoldenPassages(root), createEnricher(loadGoldenReference(root)));
}
