/**
 * A chart's standalone SVG document (./choropleth.ts `mapDocument`, ./bars.ts `barsDocument`) drawn
 * into a PNG at twice its size: what the PNG download of a chart that draws itself saves. Browser only.
 */
export async function svgToPng(doc: { svg: string; width: number; height: number }): Promise<Blob | null> {
	const image = new Image();
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(doc.svg)}`;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = doc.width * 2;
	canvas.height = doc.height * 2;
	const context = canvas.getContext('2d');
	if (!context) return null;
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	return new Promise((done) => canvas.toBlob(done, 'image/png'));
}
