/**
 * The version attribute of each table (Commit options) kept across reloads, like the app's other
 * settings in the browser's storage. What is read back is checked: anything that is not a map of
 * table name to attribute name is dropped, never trusted.
 */
export const VERSION_ATTRIBUTES_KEY = 'dynostage.versionAttributes';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** The saved version attributes (empty when none, or when what is saved is not valid). */
export function loadVersionAttributes(storage: Storage | undefined): Record<string, string> {
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(VERSION_ATTRIBUTES_KEY) ?? '{}');
  } catch {
    return {};
  }
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {};
  // fromEntries: own properties whatever the table's name.
  return Object.fromEntries(
    Object.entries(saved).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '',
    ),
  );
}

/** Saves the named ones (an empty name is "none" and is not kept). */
export function saveVersionAttributes(
  storage: Storage | undefined,
  versions: Readonly<Record<string, string>>,
): void {
  const named = Object.fromEntries(Object.entries(versions).filter(([, n]) => n.trim() !== ''));
  try {
    storage?.setItem(VERSION_ATTRIBUTES_KEY, JSON.stringify(named));
  } catch {
    // Storage full or refused (private mode): the setting lasts this session only.
  }
}

/** The browser's storage, when there is one (not in Node). */
export const browserStorage = (): Storage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage;
