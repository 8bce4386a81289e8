/** Saving several text files from the renderer: into a chosen folder, or as a run of downloads. */

export interface TextFile {
  name: string;
  json: string;
}

interface DirectoryHandle {
  getFileHandle(
    name: string,
    opts: { create: boolean },
  ): Promise<{
    createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
  }>;
}

type PickerWindow = Window & {
  showDirectoryPicker?: (opts?: { mode: 'readwrite' }) => Promise<DirectoryHandle>;
};

/** Whether the browser (Chromium, Electron) can write into a folder the user picks. */
export function canSaveToFolder(): boolean {
  return typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

/** Writes every file into a folder the user picks; resolves to false when the user cancels. */
export async function saveToFolder(files: readonly TextFile[]): Promise<boolean> {
  const picker = (window as PickerWindow).showDirectoryPicker;
  if (!picker) return false;
  let dir: DirectoryHandle;
  try {
    dir = await picker({ mode: 'readwrite' });
  } catch {
    return false; // canceled
  }
  for (const f of files) {
    const handle = await dir.getFileHandle(f.name, { create: true });
    const w = await handle.createWritable();
    await w.write(f.json);
    await w.close();
  }
  return true;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Downloads each file on its own, in order, a moment apart (browsers drop downloads started in
 * the same instant); reports progress after each.
 */
export async function downloadEach(
  files: readonly TextFile[],
  onProgress?: (done: number) => void,
): Promise<void> {
  let done = 0;
  for (const f of files) {
    const type = f.name.endsWith('.json') ? 'application/json' : 'text/plain';
    const url = URL.createObjectURL(new Blob([f.json], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = f.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    onProgress?.(++done);
    await pause(120);
  }
}
