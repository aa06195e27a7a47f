/** Offers text or a Blob as a file download (a blob: URL; nothing leaves the browser). */
export function download(filename: string, content: string | Blob, type = 'text/csv;charset=utf-8'): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
