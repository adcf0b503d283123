/**
 * The key of a person from a LinkedIn profile URL, as the model defines it (`/in/<slug>/`,
 * decoded, lower-cased). The transfer code needs only this much of URL handling.
 */

const PROFILE_PATH = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com\/in\/([^/?#\s]+)/i;

/** The decoded, lower-cased slug of a LinkedIn profile URL, or null for anything else. */
export function profileSlugFromUrl(url: string): string | null {
  const raw = PROFILE_PATH.exec(url.trim())?.[1];
  if (!raw) return null;
  try {
    const slug = decodeURIComponent(raw).trim().toLowerCase();
    return slug && !slug.includes('/') ? slug : null;
  } catch {
    // A malformed percent escape (`%E0%A4%A`) is not a profile we can name.
    return null;
  }
}
