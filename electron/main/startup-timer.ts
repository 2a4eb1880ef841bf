/**
 * The Electron shell's own start-up timer (issue 19: first paint of the shell "by its own
 * timer"): milliseconds since the main process was launched, from performance.now(), whose
 * origin in Node is the process's start (nodejs.org/api/perf_hooks.html, performance.timeOrigin).
 * The window logs it when it is ready to show; the renderer's home page is drawn from there.
 */
export function startupLine(what: string, now: number = performance.now()): string {
  return `[startup] ${what} ${Math.round(now)} ms after launch`;
}
