// The whole site is a static, prerendered shell; data is read in the browser.
export const prerender = true;
export const trailingSlash = 'never';
