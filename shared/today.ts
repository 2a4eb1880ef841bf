/**
 * "Today" is the user's local calendar date, not UTC's: in Beijing before 08:00 on the 1st
 * UTC is still last month, so `new Date().toISOString().slice(…)` would default a new
 * voucher into a period that may be closed. Every default date / period comes from here
 * (the lint rule in eslint.config.js bans the UTC pattern). Timestamps (`created_at`,
 * `posted_at`) stay UTC instants: they are moments, not calendar dates.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** Today where the user sits, `YYYY-MM-DD`. */
export const todayLocal = (now: Date = new Date()): string => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** This month where the user sits, `YYYY-MM`. */
export const thisPeriodLocal = (now: Date = new Date()): string => todayLocal(now).slice(0, 7);
