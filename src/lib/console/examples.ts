/**
 * Example queries the console offers, over the dashboard's views (src/lib/dataset/tables.ts).
 * Each must pass the guard and run on the dataset: tests/unit/console-runner.test.ts runs them.
 * `id` names the label in the message catalogue (`sql.example.<id>`).
 */
export interface ConsoleExample {
	id: string;
	sql: string;
}

export const CONSOLE_EXAMPLES: readonly ConsoleExample[] = [
	{
		id: 'answers_by_key',
		sql: `SELECT key,
	count(*) FILTER (WHERE status = 'filled') AS filled,
	count(*) FILTER (WHERE status = 'empty') AS empty
FROM answers
GROUP BY key
ORDER BY min(ordinal)`
	},
	{
		id: 'programmes_by_municipality',
		sql: `SELECT m.name_fi AS municipality, m.region_fi AS region,
	left(p.programme_id, 12) AS programme, p.input_kind, p.is_synthetic
FROM programmes p
JOIN municipalities m ON list_contains(p.municipality_codes, m.code)
WHERE p.is_current
ORDER BY m.name_fi`
	},
	{
		id: 'orientation_languages',
		sql: `SELECT language_code, any_value(language_name_fi) AS language,
	count(DISTINCT programme_id) AS programmes
FROM languages
WHERE context = 'orientation'
GROUP BY language_code
ORDER BY programmes DESC, language_code`
	},
	{
		id: 'weak_parts_by_region',
		sql: `SELECT m.region_fi AS region, c.key, count(DISTINCT c.programme_id) AS programmes
FROM completeness c
JOIN programmes p USING (programme_id)
JOIN municipalities m ON list_contains(p.municipality_codes, m.code)
WHERE c.mandatory AND p.is_current AND c.grade IN ('missing', 'empty', 'placeholder')
GROUP BY ALL
ORDER BY programmes DESC, region, c.key`
	},
	{
		id: 'providers_by_kind',
		sql: `SELECT service, client_group, provider_kind, count(*) AS mentions
FROM responsibilities
GROUP BY ALL
ORDER BY service, client_group, mentions DESC`
	},
	{
		id: 'text_contains',
		sql: `SELECT left(programme_id, 12) AS programme, key, text
FROM answers
WHERE text ILIKE '%ukrain%'
ORDER BY programme_id, ordinal`
	},
	{
		id: 'describe_answers',
		sql: 'DESCRIBE answers'
	}
];
