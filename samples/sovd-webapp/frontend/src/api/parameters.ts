import type { CommandParameters } from './types';

export type ParseResult = { ok: true; value: CommandParameters } | { ok: false; error: string };

const EXAMPLE = 'for example {} or {"did": "F190"}';

/** Parses the parameters box; the backend only accepts a JSON object. */
export function parseParameters(text: string): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: true, value: {} };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    // JSON.parse only ever throws SyntaxError.
    const reason = (error as SyntaxError).message;
    return {
      ok: false,
      error: `Parameters are not valid JSON (${reason}). Enter a JSON object, ${EXAMPLE}.`,
    };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed;
    return { ok: false, error: `Parameters must be a JSON object, not ${kind}: ${EXAMPLE}.` };
  }
  return { ok: true, value: parsed as CommandParameters };
}
