import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

const LINKEDIN = { origins: ['https://www.linkedin.com/*'] };

/**
 * Firefox lets the user withhold an extension's host access. Without it nothing shows on
 * LinkedIn, so say so and ask (the request must come from this click).
 */
export function HostAccess() {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    void browser.permissions.contains(LINKEDIN).then(setGranted);
  }, []);
  if (granted !== false) return null;
  return (
    <p role="alert" class="card">
      Alliance Map cannot see LinkedIn pages yet, so no badge shows there.{' '}
      <button
        type="button"
        class="primary"
        onClick={() => void browser.permissions.request(LINKEDIN).then(setGranted)}
      >
        Allow on linkedin.com
      </button>
    </p>
  );
}
