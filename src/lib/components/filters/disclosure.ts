/**
 * A filter popover as a WAI-ARIA disclosure (a native <details>): Escape closes it and puts
 * focus back on its summary; a click or focus outside closes it; opening one closes the others
 * (the shared `name` of exclusive <details>, and this code for browsers without it).
 * Used as a Svelte attachment: `<details {@attach disclosure}>`.
 */

const open = new Set<HTMLDetailsElement>();

export function disclosure(details: HTMLDetailsElement): () => void {
	const summary = () => details.querySelector<HTMLElement>(':scope > summary');
	const close = (returnFocus: boolean) => {
		if (!details.open) return;
		details.open = false;
		if (returnFocus) summary()?.focus();
	};
	const onToggle = () => {
		if (details.open) {
			for (const other of open) if (other !== details) other.open = false;
			open.add(details);
		} else open.delete(details);
	};
	const onKeydown = (e: KeyboardEvent) => {
		if (e.key !== 'Escape' || !details.open) return;
		e.preventDefault();
		e.stopPropagation();
		close(true);
	};
	// Pointer down anywhere else (also on another filter's summary) closes this one; focus stays where the user put it.
	const onPointerdown = (e: PointerEvent) => {
		if (details.open && !details.contains(e.target as Node)) close(false);
	};
	// Tabbing out of an open popover closes it, so none is left covering the page.
	const onFocusout = (e: FocusEvent) => {
		const next = e.relatedTarget as Node | null;
		if (details.open && next && !details.contains(next)) close(false);
	};
	details.addEventListener('toggle', onToggle);
	details.addEventListener('keydown', onKeydown);
	details.addEventListener('focusout', onFocusout);
	document.addEventListener('pointerdown', onPointerdown, true);
	return () => {
		open.delete(details);
		details.removeEventListener('toggle', onToggle);
		details.removeEventListener('keydown', onKeydown);
		details.removeEventListener('focusout', onFocusout);
		document.removeEventListener('pointerdown', onPointerdown, true);
	};
}
