/** Types for scripts/browser.mjs (plain JS so that npm scripts can run it without a loader). */
export function findBrowser(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export const NO_BROWSER: string;
