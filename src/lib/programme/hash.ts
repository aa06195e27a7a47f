/** sha256 of bytes as lower-case hex, with Web Crypto (Node ≥ 20 and browsers alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	// Copy into a fresh ArrayBuffer: `bytes` may be a view on a larger or shared buffer.
	const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer as ArrayBuffer);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
