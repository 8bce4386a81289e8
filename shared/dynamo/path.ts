/**
 * Display paths to attributes inside an item: `tags`, `history[2].note`, `["odd.name"]` (an odd
 * name as a JSON string in brackets). The one syntax of what DynoStage writes: validation issues,
 * editor and import errors. What the user types in the query bar (projection, filters) is the
 * other syntax, shared/query/path.ts (`"odd.name".x`); a path is never passed from one to the other.
 */

const PLAIN_NAME = /^[^.[\]"\s]+$/;

/** The path of attribute `name` inside `parent` ('' for the item itself); odd names are quoted. */
export function childPath(parent: string, name: string): string {
  if (!PLAIN_NAME.test(name)) return `${parent}[${JSON.stringify(name)}]`;
  return parent === '' ? name : `${parent}.${name}`;
}

/** The path of element `index` of the list or set at `parent`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** A path for use inside a sentence: the item itself reads as "the item". */
export function describePath(path: string): string {
  return path === '' ? 'the item' : path;
}
