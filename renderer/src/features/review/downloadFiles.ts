/** Saving text files from the renderer: into a chosen folder, or as one download. */

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

/** Downloads one file (a zip, say) under `name`. */
export function downloadBytes(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
