// The workspace the user acts in survives reloads; the api reads it from the x-workspace header.
const KEY = 'uplift.workspace';

export function readWorkspaceSlug(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeWorkspaceSlug(slug: string): void {
  try {
    localStorage.setItem(KEY, slug);
  } catch {
    // Private mode without storage: the choice lasts for this tab only, which is acceptable.
  }
}
