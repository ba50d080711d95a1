// Copying text. app:// and 127.0.0.1 are secure contexts, where the clipboard API is there.

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
