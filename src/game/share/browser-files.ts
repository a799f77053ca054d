/**
 * The browser's side of taking things home: the clipboard, downloads and picking a file. Thin on purpose; what
 * goes into the files is made and checked by pure code in src/shared/export and src/shared/links.
 */

/** Copies text; false when the page may not write the clipboard (no permission, insecure origin, old browser). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Saves a blob under `name` through a temporary download link. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

/**
 * Opens the browser's file picker and resolves with the chosen file's text (null when the player cancels). The
 * input stays in the page (hidden, id `lq-file-<purpose>`) so browser tests can set files on it.
 */
export function pickTextFile(purpose: string, accept: string): Promise<{ name: string; text: string } | null> {
  const id = `lq-file-${purpose}`;
  document.getElementById(id)?.remove();
  const input = document.createElement('input');
  input.type = 'file';
  input.id = id;
  input.accept = accept;
  input.style.display = 'none';
  document.body.appendChild(input);
  return new Promise((resolve) => {
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file.text().then(
        (text) => resolve({ name: file.name, text }),
        () => resolve({ name: file.name, text: '' }),
      );
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}
