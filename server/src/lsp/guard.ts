// Keeps one failing handler from taking the server down: errors are logged to the client's
// output and the request answers with an empty result (or the ResponseError the handler threw
// on purpose, e.g. for invalid parameters).
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/** Where guarded handlers log failures. */
export type ErrorLog = (message: string) => void;

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Wraps a request handler: failures other than ResponseErrors are logged and answered with `fallback(params)`. */
export function guardRequest<P, R, T extends unknown[]>(name: string, log: ErrorLog, fallback: (params: P) => R, handler: (params: P, ...rest: T) => R | Promise<R>): (params: P, ...rest: T) => Promise<R> {
  return async (params: P, ...rest: T) => {
    try {
      return await handler(params, ...rest);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`${name} failed: ${describe(e)}`);
      return fallback(params);
    }
  };
}

/** Wraps a notification or event handler: sync and async failures are logged. */
export function guardNotification<P>(name: string, log: ErrorLog, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    try {
      const r = handler(params);
      if (r) r.catch((e: unknown) => log(`${name} failed: ${describe(e)}`));
    } catch (e) {
      log(`${name} failed: ${describe(e)}`);
    }
  };
}

/** A ResponseError for malformed parameters. */
export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}
