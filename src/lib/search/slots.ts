/**
 * Slots for a keyed list whose items come and go: an item that stays keeps its slot, and a new
 * item takes the slot of one that left. A page that keys its list by slot then redraws a
 * programme that replaced another in the place of the other's markup (an update), instead of
 * removing that markup and building new (a keystroke can replace most of the 50 programmes
 * shown; bench/search-ab.ts).
 */

/**
 * Slots for `ids` (distinct), given the slots of the ids shown before: kept ids keep theirs, new
 * ids take the smallest slots no kept id holds. The slots of `ids` are distinct, and below the
 * larger of the list's length and the slots before (they do not grow as lists come and go).
 */
export function assignSlots(ids: readonly string[], previous: ReadonlyMap<string, number>): Map<string, number> {
	const taken = new Set<number>();
	for (const id of ids) {
		const slot = previous.get(id);
		if (slot !== undefined) taken.add(slot);
	}
	const slots = new Map<string, number>();
	let free = 0;
	for (const id of ids) {
		let slot = previous.get(id);
		if (slot === undefined) {
			while (taken.has(free)) free++;
			slot = free++;
		}
		slots.set(id, slot);
	}
	return slots;
}
