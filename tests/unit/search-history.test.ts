import { describe, expect, it } from 'vitest';
import { isEditOf } from '$lib/search/history';

describe('search URL history: an edit replaces the entry, a new query adds one', () => {
	it('typing on, deleting back and fixing a letter are edits of the same query', () => {
		expect(isEditOf('', 'u')).toBe(true);
		expect(isEditOf('ukr', 'ukrainn')).toBe(true);
		expect(isEditOf('ukrainn', 'ukra')).toBe(true);
		expect(isEditOf('ukrainn', 'ukrainan')).toBe(true);
		expect(isEditOf('Ukrainan', '  ukrainan kieli')).toBe(true);
		expect(isEditOf('ukrainn', '')).toBe(true);
	});

	it('a different query is not an edit: it gets its own history entry', () => {
		expect(isEditOf('ukrainn', 'Loimaan maahanmuuttokoordinaattori')).toBe(false);
		expect(isEditOf('somali', 'arabia')).toBe(false);
		expect(isEditOf('kotoutumisohjelma', 'suomen kielen opetus')).toBe(false);
	});
});
