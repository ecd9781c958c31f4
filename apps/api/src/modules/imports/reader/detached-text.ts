/**
 * The text as a string of its own, for a cell's text that outlives the chunk it was read from.
 * Parsers hand out a cell's text as a substring of the whole decoded chunk of the file, and V8
 * keeps a substring of 13 characters or more (every 18-digit ID number) as a slice that keeps its
 * parent alive. The rows of a chunk being written are kept for a while, so each kept 128 KB of
 * sheet XML from being collected: the one-pass import spent three times the baseline's time in
 * garbage collection, most of it promoting those chunks to the old generation and collecting
 * them there (docs/performance.md). Shorter texts are copies already.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}
