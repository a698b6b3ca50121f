/** Renders a command's result for a <pre>: strings as they are, anything else as indented JSON. */
export function formatResult(result: unknown): string {
  if (result === null || result === undefined) {
    return 'No result data.';
  }
  return typeof result === 'string' ? result : JSON.stringify(result, null, 2);
}
