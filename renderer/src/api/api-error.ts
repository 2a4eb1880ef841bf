/** A failed call: the core's error code and its message in the UI language. Its own file so code that runs in tests without a window (follow-job.ts) can throw it. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
